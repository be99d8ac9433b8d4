import { basename, dirname, isEnvTemplateName } from "../core/file-kinds.js";
import { defineRule } from "../core/types.js";
import { isCommittableEnvFile } from "../languages/dotenv.js";

// A directory with one of these is a service or app whose developers will create a `.env` there.
const SERVICE_MARKERS = new Set([
  "package.json", "pyproject.toml", "requirements.txt", "setup.py", "setup.cfg", "Pipfile", "go.mod", "Cargo.toml",
  "Dockerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml", "Gemfile", "pom.xml", "build.gradle",
]);

const SUGGESTED_LINES = "`.env` and `.env.*` (with `!.env.example` to keep templates)";

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

export default defineRule({
  meta: {
    id: "env-not-gitignored",
    description: "`.gitignore` would not ignore a `.env` file where one belongs: at the root, beside a template, or in a service.",
    severity: "error",
    recommended: true,
    scope: "project",
    checklist: ["env-gitignored"],
    cwe: ["CWE-538"],
    messages: {
      missingGitignore: "The repository has no .gitignore, so a `.env` would be committed by the first `git add -A`. Create .gitignore with {{lines}}.",
      notIgnored: "{{targets}} would not be ignored by git. Add {{lines}} to .gitignore.",
      unignoredBy: "`{{target}}` is re-included by `{{pattern}}`: a `.env` there would be committed. Remove that line, or narrow it to the template.",
    },
    docs: {
      why: 'The guide says: "Add `.env` to `.gitignore`". Without the pattern, `git add -A` commits local credentials. git\'s own rules decide: nested .gitignore files, negations and `**` are all taken into account.',
      fix: "Add these lines to the root .gitignore:\n\n```gitignore\n.env\n.env.*\n!.env.example\n```\n\nAn unanchored `.env` pattern covers every directory.",
      bad: { path: ".gitignore", code: "node_modules/\n__pycache__/\n" },
      good: { path: ".gitignore", code: "node_modules/\n__pycache__/\n.env\n.env.*\n!.env.example\n" },
    },
  },
  create(context) {
    return {
      project(project) {
        // History holds every path ever committed, not one tree: ignore rules speak of the current tree only.
        if (project.scope === "history") return;
        const gitignores = project.files.filter((f) => basename(f.path) === ".gitignore");
        if (gitignores.length === 0) {
          context.report({ messageId: "missingGitignore", data: { lines: SUGGESTED_LINES }, path: ".gitignore", loc: { line: 1, column: 1 }, key: "missing" });
          return;
        }
        // Where a `.env` is expected: the root, beside templates and services, and wherever one exists.
        const targets = new Set<string>([".env"]);
        for (const file of project.files) {
          const name = basename(file.path);
          const dir = dirname(file.path);
          if (isCommittableEnvFile(file.path)) targets.add(file.path);
          else if ((name.startsWith(".env") || name.startsWith("env.")) && isEnvTemplateName(name)) targets.add(join(dir, ".env"));
          else if (SERVICE_MARKERS.has(name)) targets.add(join(dir, ".env"));
        }
        const passes: string[] = [];
        const uncovered: string[] = [];
        for (const target of [...targets].sort()) {
          const verdict = project.isIgnored(target);
          if (verdict.ignored) {
            if (verdict.source) passes.push(`${target} (${verdict.source.path}:${verdict.source.line} \`${verdict.source.pattern}\`)`);
            continue;
          }
          if (verdict.source?.negative) {
            context.report({
              messageId: "unignoredBy",
              data: { target, pattern: verdict.source.pattern },
              path: verdict.source.path,
              loc: { line: verdict.source.line, column: 1 },
              key: target,
            });
          } else {
            uncovered.push(target);
          }
        }
        // One finding, on the root .gitignore: one unanchored `.env` line there covers every
        // directory, nested .gitignore files included (a nested `!.env` is reported above). Reporting
        // on each nested .gitignore said the same thing once per directory.
        if (uncovered.length > 0) {
          context.report({ messageId: "notIgnored", data: { targets: listTargets(uncovered), lines: SUGGESTED_LINES }, path: ".gitignore", loc: { line: 1, column: 1 }, key: uncovered.join(",") });
        }
        if (passes.length > 0) {
          context.evidence({ checklist: "env-gitignored", status: "pass", message: `ignored by git: ${passes.slice(0, 5).join(", ")}${passes.length > 5 ? ", …" : ""}` });
        }
      },
    };
  },
});

function listTargets(targets: string[]): string {
  const shown = targets.slice(0, 3).map((t) => `\`${t}\``);
  if (targets.length > 3) shown.push(`${targets.length - 3} more`);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}
