// `install-hook` and `init`: files a team adds to its repository to run the tool. Nothing is
// overwritten unless asked; what was written and what was left alone is reported.
import { chmodSync, existsSync, lstatSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isInside, OwnFileError, readOwnFile, writeOwnFile } from "./core/own-files.js";
import { runGit } from "./engine/git.js";

export const HOOK_MARKER = "# carbon-secret-lint pre-commit hook";
export const ACTION_REF = "254carbon/carbon-secret-lint@v0";

export class SetupError extends Error {
  override name = "SetupError";
}

/** A plain git pre-commit hook, for teams without the pre-commit framework. */
export function installHook(root: string, force: boolean): string {
  const { hooks, workTree } = hooksDirectory(root);
  const hookPath = join(hooks, "pre-commit");
  if (lstatOrNull(hookPath) && !isOurHook(hookPath, workTree) && !force) {
    throw new SetupError(`${hookPath} already exists and is not ours; add \`carbon-secret-lint --staged\` to it by hand, or run install-hook --force to replace it`);
  }
  const cli = fileURLToPath(new URL("./bin.js", import.meta.url));
  const script = [
    "#!/bin/sh",
    `${HOOK_MARKER} (installed by \`carbon-secret-lint install-hook\`; remove this file to uninstall).`,
    "# It scans what is staged and blocks the commit when a finding fails.",
    'if [ -x ./node_modules/.bin/carbon-secret-lint ]; then exec ./node_modules/.bin/carbon-secret-lint --staged "$@"; fi',
    'if command -v carbon-secret-lint >/dev/null 2>&1; then exec carbon-secret-lint --staged "$@"; fi',
    `exec ${shellQuote(process.execPath)} ${shellQuote(cli)} --staged "$@"`,
    "",
  ].join("\n");
  makeFolder(hooks, workTree, "pre-commit hook");
  writeOwnFile(hookPath, script, "pre-commit hook", { within: workTree });
  chmodSync(hookPath, 0o755);
  return hookPath;
}

/** We install a regular file with our marker; a link (perhaps planted in the repository) is not ours. */
function isOurHook(hookPath: string, workTree: string): boolean {
  return lstatSync(hookPath).isFile() && readOwnFile(hookPath, "pre-commit hook", { within: workTree }).includes(HOOK_MARKER);
}

/** The repository's hooks directory: its own core.hooksPath if it sets one, else <git dir>/hooks. */
function hooksDirectory(root: string): { hooks: string; workTree: string } {
  const top = runGit(root, ["rev-parse", "--show-toplevel", "--git-common-dir"]);
  if (top.status !== 0) throw new SetupError(`install-hook needs a git repository; ${root} is not inside one`);
  const [workTree = root, commonDir = ".git"] = top.stdout.toString("utf8").trim().split("\n");
  // Every git call here pins core.hooksPath for safety; read the user's own setting by its scope.
  const scoped = runGit(root, ["config", "--show-scope", "--get-all", "core.hooksPath"]).stdout.toString("utf8").trim().split("\n");
  const configured = scoped.filter((line) => line && !line.startsWith("command\t")).map((line) => line.slice(line.indexOf("\t") + 1)).at(-1);
  if (configured) return { hooks: isAbsolute(configured) ? configured : join(workTree, configured), workTree };
  return { hooks: join(isAbsolute(commonDir) ? commonDir : join(root, commonDir), "hooks"), workTree };
}

/**
 * Creates `folder` and its missing parents, unless the part that exists is a link leading out of
 * `within` (a planted `.github -> /elsewhere` would otherwise get our folders and files).
 */
function makeFolder(folder: string, within: string, what: string): void {
  let existing = folder;
  while (!existsSync(existing)) existing = dirname(existing);
  if (isInside(within, folder) && !isInside(realpathSync(within), realpathSync(existing))) {
    throw new OwnFileError(`cannot write the ${what} in ${folder}: ${existing} leads outside ${within} through a symbolic link`);
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    // A part of the path is a file or a link to nothing.
    throw new OwnFileError(`cannot create the folder ${folder} for the ${what} (${(error as NodeJS.ErrnoException).code})`);
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const STARTER_CONFIG = `# carbon-secret-lint configuration: https://github.com/254carbon/carbon-secret-lint#configuration
$schema: ./node_modules/carbon-secret-lint/schema/carbon-secret-lint.schema.json
extends: recommended
exclude: []
# rules:
#   hardcoded-secret: error
# allowlist:
#   fingerprints: []
`;

const PRE_COMMIT_CONFIG = `# pre-commit: https://pre-commit.com — run \`pre-commit install\` once.
repos:
  - repo: https://github.com/254carbon/carbon-secret-lint
    rev: v0.1.0
    hooks:
      - id: carbon-secret-lint
`;

const WORKFLOW = `name: secrets hygiene
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  carbon-secret-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the diff against the pull request's base needs history
      - id: lint
        uses: ${ACTION_REF}
        with:
          fail-on: error
      - if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: \${{ steps.lint.outputs.sarif-file }}
          category: carbon-secret-lint
`;

export interface InitResult {
  written: string[];
  kept: string[];
}

/** Writes a starter config, the pre-commit config and the workflow; an existing file is kept. */
export function init(root: string): InitResult {
  const files: [path: string, content: string, what: string][] = [
    [".carbon-secret-lint.yaml", STARTER_CONFIG, "starter config"],
    [".pre-commit-config.yaml", PRE_COMMIT_CONFIG, "pre-commit config"],
    [".github/workflows/carbon-secret-lint.yml", WORKFLOW, "workflow"],
  ];
  const result: InitResult = { written: [], kept: [] };
  for (const [path, content, what] of files) {
    const full = join(root, path);
    if (existsSync(full)) {
      result.kept.push(path);
      continue;
    }
    makeFolder(dirname(full), root, what);
    writeOwnFile(full, content, what, { within: root });
    result.written.push(path);
  }
  return result;
}
