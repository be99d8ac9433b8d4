import { defineRule } from "../core/types.js";
import { isCommittableEnvFile } from "../languages/dotenv.js";

export default defineRule({
  meta: {
    id: "committed-env-file",
    description: "A `.env` file is committed to git (or, outside git, present and not ignored).",
    severity: "error",
    recommended: true,
    scope: "project",
    checklist: ["env-gitignored"],
    cwe: ["CWE-538", "CWE-312"],
    messages: {
      tracked:
        "`{{path}}` is committed to git. Untrack it with `git rm --cached {{path}}`, add it to .gitignore, and rotate every value it held: they stay in the history.",
      staged: "`{{path}}` is staged for commit. Unstage it with `git restore --staged {{path}}` and add it to .gitignore.",
      unignored: "`{{path}}` is not ignored and would be committed: add it to .gitignore (values in it must stay local).",
    },
    docs: {
      why:
        'The guide keeps development credentials in local `.env` files and says: "Never commit `.env` files to version control". A committed `.env` is readable by everyone with a clone, and its values stay in the history after the file is deleted.',
      fix: "Untrack the file (`git rm --cached .env`), add `.env` to `.gitignore`, commit a template such as `.env.example` with placeholder values instead, and rotate every credential the committed file held.",
      bad: { path: ".env", code: "CLICKHOUSE_PASSWORD=s3cr3t-value\n" },
      good: { path: ".env.example", code: "CLICKHOUSE_PASSWORD=changeme\n" },
    },
  },
  create(context) {
    return {
      project(project) {
        let reported = 0;
        for (const file of project.files) {
          if (!isCommittableEnvFile(file.path)) continue;
          // Outside git, a present .env that no .gitignore covers is one `git add` away from a commit.
          const messageId = project.inGit ? (file.tracked ? (project.scope === "staged" ? "staged" : "tracked") : null) : "unignored";
          if (!messageId) continue;
          reported++;
          context.report({ messageId, data: { path: file.path }, path: file.path, loc: { line: 1, column: 1 }, key: file.path });
        }
        if (reported === 0) context.evidence({ checklist: "env-gitignored", status: "pass", message: "no `.env` file is committed" });
      },
    };
  },
});
