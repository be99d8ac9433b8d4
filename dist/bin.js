#!/usr/bin/env node
import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  BaselineError,
  loadBaseline,
  writeBaseline
} from "./chunk-P4HPVJZI.js";
import {
  FORMATS,
  formatReport
} from "./chunk-3WN4YUFE.js";
import {
  ScanError,
  ScopeError,
  TOOL_NAME,
  TOOL_VERSION,
  defaultCacheLocation,
  renderRuleDoc,
  runGit,
  scan
} from "./chunk-FDJKIHQ3.js";
import {
  ConfigError,
  OwnFileError,
  RULES,
  SEVERITY_RANK,
  findRule,
  isInside,
  loadConfig,
  parseSize,
  readOwnFile,
  writeOwnFile
} from "./chunk-GHR2IQ3I.js";
import "./chunk-K5PXIU67.js";

// src/cli.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/setup.ts
import { chmodSync, existsSync, lstatSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
var HOOK_MARKER = "# carbon-secret-lint pre-commit hook";
var ACTION_REF = "254carbon/carbon-secret-lint@v0";
var SetupError = class extends Error {
  name = "SetupError";
};
function installHook(root, force) {
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
    ""
  ].join("\n");
  makeFolder(hooks, workTree, "pre-commit hook");
  writeOwnFile(hookPath, script, "pre-commit hook", { within: workTree });
  chmodSync(hookPath, 493);
  return hookPath;
}
function isOurHook(hookPath, workTree) {
  return lstatSync(hookPath).isFile() && readOwnFile(hookPath, "pre-commit hook", { within: workTree }).includes(HOOK_MARKER);
}
function hooksDirectory(root) {
  const top = runGit(root, ["rev-parse", "--show-toplevel", "--git-common-dir"]);
  if (top.status !== 0) throw new SetupError(`install-hook needs a git repository; ${root} is not inside one`);
  const [workTree = root, commonDir = ".git"] = top.stdout.toString("utf8").trim().split("\n");
  const scoped = runGit(root, ["config", "--show-scope", "--get-all", "core.hooksPath"]).stdout.toString("utf8").trim().split("\n");
  const configured = scoped.filter((line) => line && !line.startsWith("command	")).map((line) => line.slice(line.indexOf("	") + 1)).at(-1);
  if (configured) return { hooks: isAbsolute(configured) ? configured : join(workTree, configured), workTree };
  return { hooks: join(isAbsolute(commonDir) ? commonDir : join(root, commonDir), "hooks"), workTree };
}
function makeFolder(folder, within, what) {
  let existing = folder;
  while (!existsSync(existing)) existing = dirname(existing);
  if (isInside(within, folder) && !isInside(realpathSync(within), realpathSync(existing))) {
    throw new OwnFileError(`cannot write the ${what} in ${folder}: ${existing} leads outside ${within} through a symbolic link`);
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new OwnFileError(`cannot create the folder ${folder} for the ${what} (${error.code})`);
  }
}
function lstatOrNull(path) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
function shellQuote(text) {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
var STARTER_CONFIG = `# carbon-secret-lint configuration: https://github.com/254carbon/carbon-secret-lint#configuration
$schema: ./node_modules/carbon-secret-lint/schema/carbon-secret-lint.schema.json
extends: recommended
exclude: []
# rules:
#   hardcoded-secret: error
# allowlist:
#   fingerprints: []
`;
var PRE_COMMIT_CONFIG = `# pre-commit: https://pre-commit.com \u2014 run \`pre-commit install\` once.
repos:
  - repo: https://github.com/254carbon/carbon-secret-lint
    rev: v0.1.0
    hooks:
      - id: carbon-secret-lint
`;
var WORKFLOW = `name: secrets hygiene
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
function init(root) {
  const files = [
    [".carbon-secret-lint.yaml", STARTER_CONFIG, "starter config"],
    [".pre-commit-config.yaml", PRE_COMMIT_CONFIG, "pre-commit config"],
    [".github/workflows/carbon-secret-lint.yml", WORKFLOW, "workflow"]
  ];
  const result2 = { written: [], kept: [] };
  for (const [path, content, what] of files) {
    const full = join(root, path);
    if (existsSync(full)) {
      result2.kept.push(path);
      continue;
    }
    makeFolder(dirname(full), root, what);
    writeOwnFile(full, content, what, { within: root });
    result2.written.push(path);
  }
  return result2;
}

// src/cli.ts
var HELP = `Usage: ${TOOL_NAME} [options] [paths...]
       ${TOOL_NAME} install-hook [--force]   write a git pre-commit hook that runs --staged
       ${TOOL_NAME} init                     write a starter config, .pre-commit-config.yaml and a workflow

Scans a repository for secrets-hygiene problems and reports them against the security checklist.
With one directory, that directory is scanned; with files or several paths, the current
directory is scanned and file rules report only on those paths.

Options:
  -f, --format <name>       ${FORMATS.join(", ")} (default: pretty)
  -o, --output <file>       write the report to a file (the exit code is unaffected)
  -c, --config <file>       configuration file (default: .carbon-secret-lint.yaml in the scanned directory)
      --fail-on <level>     error, warning, info or none: the lowest severity that fails (default: error)
      --rule <id=severity>  override a rule's severity (off, info, warning, error); repeatable
      --max-file-size <n>   skip content rules on larger files (bytes, or 5MB)
      --staged              scan what is staged (the index), as a pre-commit hook does
      --diff <base>         report only what the change since the merge base with <base> adds
      --history [range]     scan every blob ever committed (default: all refs), each once
      --cache               reuse the results of files unchanged since the last --cache run
      --cache-location <p>  the cache file (default: .git/carbon-secret-lint/results.json, or the user cache folder)
      --baseline <file>     hide the findings recorded in a baseline file
      --update-baseline     write the current findings to the --baseline file (default: .carbon-secret-lint-baseline.json)
      --list-rules          list the rules and exit
      --explain <rule-id>   print a rule's documentation and exit
      --no-color            plain output (also NO_COLOR=1); FORCE_COLOR=1 forces colour
  -q, --quiet               report errors only, no checklist
      --debug               timings and counts on stderr (never a value)
  -v, --version             print the version
  -h, --help                print this help

Exit codes: 0 nothing fails, 1 findings at or above --fail-on, 2 usage, configuration or runtime error.
`;
var UsageError = class extends Error {
};
async function run(argv, context = {}) {
  const io = new Output({
    cwd: context.cwd ?? process.cwd(),
    env: context.env ?? process.env,
    stdoutIsTTY: context.stdoutIsTTY ?? false,
    stderrIsTTY: context.stderrIsTTY ?? false,
    progress: context.progress
  });
  let exitCode;
  try {
    exitCode = await main([...argv], io);
  } catch (error) {
    io.stderr += errorMessage(error);
    exitCode = 2;
  }
  return { exitCode, stdout: io.stdout, stderr: io.stderr };
}
var Output = class {
  constructor(context) {
    this.context = context;
  }
  context;
  stdout = "";
  stderr = "";
  get cwd() {
    return this.context.cwd;
  }
  /** A path the user typed, relative to where the command runs. */
  path(p) {
    return resolve(this.context.cwd, p);
  }
  write(text) {
    this.stdout += text;
  }
};
var USER_ERRORS = [ConfigError, ScanError, ScopeError, BaselineError, SetupError, OwnFileError];
function errorMessage(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) return `${TOOL_NAME}: ${message}
Run ${TOOL_NAME} --help for usage.
`;
  if (USER_ERRORS.some((kind) => error instanceof kind)) return `${TOOL_NAME}: ${message}
`;
  return `${TOOL_NAME}: internal error: ${message}
Please report this with the command you ran.
`;
}
async function main(argv, io) {
  if (argv[0] === "install-hook" || argv[0] === "init") return setupCommand(argv[0], argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: historyRangeAsOption(argv, io),
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        output: { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        "fail-on": { type: "string" },
        rule: { type: "string", multiple: true },
        "max-file-size": { type: "string" },
        staged: { type: "boolean" },
        diff: { type: "string" },
        history: { type: "boolean" },
        "history-range": { type: "string" },
        baseline: { type: "string" },
        "update-baseline": { type: "boolean" },
        cache: { type: "boolean" },
        "cache-location": { type: "string" },
        "list-rules": { type: "boolean" },
        explain: { type: "string" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        debug: { type: "boolean" },
        version: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return io.write(HELP), 0;
  if (values.version) return io.write(`${TOOL_VERSION}
`), 0;
  if (values["list-rules"]) return io.write(listRules()), 0;
  if (values.explain !== void 0) {
    const rule = findRule(values.explain);
    if (!rule) throw new UsageError(`unknown rule "${values.explain}"; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`);
    return io.write(renderRuleDoc(rule)), 0;
  }
  const format = values.format ?? "pretty";
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; choose one of ${FORMATS.join(", ")}`);
  const failOnArg = values["fail-on"];
  if (failOnArg !== void 0 && !["error", "warning", "info", "none"].includes(failOnArg)) {
    throw new UsageError(`--fail-on must be error, warning, info or none (got "${failOnArg}")`);
  }
  const ruleOverrides = parseRuleOverrides(values.rule ?? []);
  const maxFileSize = values["max-file-size"] === void 0 ? void 0 : parseSizeArg(values["max-file-size"]);
  const scopes = [values.staged, values.diff !== void 0, values.history].filter(Boolean).length;
  if (scopes > 1) throw new UsageError("--staged, --diff and --history are exclusive: choose one");
  const scope = values.staged ? { kind: "staged" } : values.diff !== void 0 ? { kind: "diff", base: values.diff } : values.history ? { kind: "history", ...values["history-range"] ? { range: values["history-range"] } : {} } : { kind: "worktree" };
  const { root, paths } = resolveTargets(positionals, io.cwd);
  const config = loadConfig(root, values.config === void 0 ? void 0 : io.path(values.config));
  const baselineArg = values.baseline ?? (values["update-baseline"] ? ".carbon-secret-lint-baseline.json" : void 0);
  const baselinePath = baselineArg === void 0 ? void 0 : io.path(baselineArg);
  const baseline = baselinePath && !values["update-baseline"] ? loadBaseline(baselinePath, { within: root }) : void 0;
  const progress = scope.kind === "history" && io.context.stderrIsTTY && io.context.progress ? progressBar(io.context.progress) : void 0;
  const result2 = await scan({
    root,
    paths,
    config,
    ruleOverrides,
    scope,
    ...baseline ? { baseline } : {},
    ...maxFileSize ? { maxFileSize } : {},
    ...progress ? { onProgress: progress.update } : {},
    ...values.cache || values["cache-location"] ? { cache: values["cache-location"] ? io.path(values["cache-location"]) : defaultCacheLocation(root) } : {}
  });
  progress?.done();
  if (values.debug) io.stderr += debugSummary(result2);
  if (values["update-baseline"]) {
    writeBaseline(baselinePath, result2, { within: root });
    io.stderr += `${TOOL_NAME}: wrote ${result2.findings.length} finding${result2.findings.length === 1 ? "" : "s"} to ${baselineArg}
`;
    return 0;
  }
  const toFile = values.output !== void 0;
  const color = !toFile && useColor(values.color, values["no-color"], io.context);
  const report = formatReport(result2, format, { color, quiet: values.quiet ?? false });
  if (toFile) writeOwnFile(io.path(values.output), report, "report", { within: root });
  else io.write(report);
  const failOn = failOnArg ?? config.failOn;
  return fails(result2, failOn) ? 1 : 0;
}
function setupCommand(command, args, io) {
  const unknown = args.find((a) => a !== "--force");
  if (unknown) throw new UsageError(`${command}: unknown argument "${unknown}"`);
  if (command === "install-hook") {
    const path = installHook(io.cwd, args.includes("--force"));
    io.write(`installed the pre-commit hook at ${path}
`);
    return 0;
  }
  const { written, kept } = init(io.cwd);
  for (const path of written) io.write(`wrote ${path}
`);
  for (const path of kept) io.write(`kept ${path} (it exists; not overwritten)
`);
  return 0;
}
function historyRangeAsOption(argv, io) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--history=")) {
      out.push("--history", "--history-range", arg.slice("--history=".length));
      continue;
    }
    out.push(arg);
    const next = argv[i + 1];
    if (arg === "--history" && next !== void 0 && !next.startsWith("-") && !existsSync2(io.path(next))) {
      out.push("--history-range", next);
      i++;
    }
  }
  return out;
}
function resolveTargets(positionals, cwd) {
  for (const p of positionals) {
    if (!existsSync2(resolve(cwd, p))) throw new ScanError(`path not found: ${p}`);
  }
  if (positionals.length === 0) return { root: cwd, paths: [] };
  if (positionals.length === 1 && statSync(resolve(cwd, positionals[0])).isDirectory()) return { root: resolve(cwd, positionals[0]), paths: [] };
  const root = cwd;
  const paths = positionals.map((p) => relative(root, resolve(cwd, p)).replace(/\\/g, "/"));
  const outside = paths.find((p) => p.startsWith(".."));
  if (outside) throw new UsageError(`${outside} is outside the current directory; run from a directory that contains every path`);
  return { root, paths };
}
function parseRuleOverrides(entries) {
  const overrides = {};
  for (const entry of entries) {
    const [id, severity] = entry.split("=");
    if (!id || !severity || !["off", "info", "warning", "error"].includes(severity)) {
      throw new UsageError(`--rule takes <rule-id>=<off|info|warning|error> (got "${entry}")`);
    }
    if (!findRule(id)) throw new UsageError(`--rule: unknown rule "${id}"; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`);
    overrides[id] = severity;
  }
  return overrides;
}
function parseSizeArg(value) {
  const size = parseSize(value);
  if (size === void 0) throw new UsageError(`--max-file-size takes a size such as 5MB or 500000 (got "${value}")`);
  return size;
}
function useColor(force, disable, context) {
  if (disable) return false;
  if (force) return true;
  const forced = context.env.FORCE_COLOR;
  if (forced !== void 0 && forced !== "") return forced !== "0" && forced !== "false";
  if (context.env.NO_COLOR) return false;
  return context.stdoutIsTTY;
}
function fails(result2, failOn) {
  if (failOn === "none") return false;
  const threshold = SEVERITY_RANK[failOn];
  return result2.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
}
function progressBar(show) {
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round(done / Math.max(total, 1) * width);
      show(`\r${TOOL_NAME}: history [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} blobs`);
    },
    done() {
      show("\r\x1B[2K");
    }
  };
}
function debugSummary(result2) {
  const byRule = /* @__PURE__ */ new Map();
  for (const f of result2.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const lines = [
    `debug: root ${result2.root} (${result2.scope})`,
    `debug: ${result2.stats.files} files, ${result2.stats.bytes} bytes read in ${result2.stats.durationMs} ms on ${result2.stats.threads} thread${result2.stats.threads === 1 ? "" : "s"}; ${result2.stats.skipped.length} skipped; ${result2.notices.length} notices; ${result2.suppressed} suppressed`,
    `debug: parsed ${Object.entries(result2.stats.parsed ?? {}).map(([view, count]) => `${view} ${count}`).join(", ") || "nothing"}`,
    `debug: rules run: ${result2.rules.map((r) => r.id).join(", ")}`,
    ...[...byRule].map(([id, n]) => `debug: ${id}: ${n} finding${n === 1 ? "" : "s"}`),
    ...result2.stats.skipped.map((s) => `debug: skipped ${s.path}: ${s.reason}`),
    ...result2.notices.map((n) => `debug: notice ${n.path ?? ""}: ${n.message}`)
  ];
  return lines.join("\n") + "\n";
}
function listRules() {
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  const rows = RULES.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.recommended ? "recommended" : "strict     "}  ${r.meta.checklist.join(",")}
${" ".repeat(width + 2)}${r.meta.description}`);
  return rows.join("\n") + "\n";
}

// src/bin.ts
var result = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  progress: (text) => process.stderr.write(text)
});
process.stderr.write(result.stderr);
process.stdout.write(result.stdout);
process.exitCode = result.exitCode;
