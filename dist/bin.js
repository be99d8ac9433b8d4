#!/usr/bin/env node
import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  BaselineError,
  loadBaseline,
  writeBaseline
} from "./chunk-ALWUT2U6.js";
import {
  FORMATS,
  formatReport
} from "./chunk-X5UKQT5V.js";
import {
  ScanError,
  ScopeError,
  TOOL_NAME,
  TOOL_VERSION,
  renderRuleDoc,
  runGit,
  scan
} from "./chunk-66O5IQAR.js";
import {
  ConfigError,
  RULES,
  SEVERITY_RANK,
  findRule,
  loadConfig,
  parseSize
} from "./chunk-NJNXX546.js";
import "./chunk-K5PXIU67.js";

// src/cli.ts
import { existsSync as existsSync2, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/setup.ts
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
var HOOK_MARKER = "# carbon-secret-lint pre-commit hook";
var ACTION_REF = "254carbon/carbon-secret-lint@v0";
var SetupError = class extends Error {
  name = "SetupError";
};
function installHook(root, force) {
  const hookPath = join(hooksDirectory(root), "pre-commit");
  if (existsSync(hookPath) && !readFileSync(hookPath, "utf8").includes(HOOK_MARKER) && !force) {
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
  mkdirSync(dirname(hookPath), { recursive: true });
  writeFileSync(hookPath, script);
  chmodSync(hookPath, 493);
  return hookPath;
}
function hooksDirectory(root) {
  const top = runGit(root, ["rev-parse", "--show-toplevel", "--git-common-dir"]);
  if (top.status !== 0) throw new SetupError(`install-hook needs a git repository; ${root} is not inside one`);
  const [workTree = root, commonDir = ".git"] = top.stdout.toString("utf8").trim().split("\n");
  const scoped = runGit(root, ["config", "--show-scope", "--get-all", "core.hooksPath"]).stdout.toString("utf8").trim().split("\n");
  const configured = scoped.filter((line) => line && !line.startsWith("command	")).map((line) => line.slice(line.indexOf("	") + 1)).at(-1);
  if (configured) return isAbsolute(configured) ? configured : join(workTree, configured);
  return join(isAbsolute(commonDir) ? commonDir : join(root, commonDir), "hooks");
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
    [".carbon-secret-lint.yaml", STARTER_CONFIG],
    [".pre-commit-config.yaml", PRE_COMMIT_CONFIG],
    [".github/workflows/carbon-secret-lint.yml", WORKFLOW]
  ];
  const result = { written: [], kept: [] };
  for (const [path, content] of files) {
    const full = join(root, path);
    if (existsSync(full)) {
      result.kept.push(path);
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    result.written.push(path);
  }
  return result;
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
async function main(argv) {
  if (argv[0] === "install-hook" || argv[0] === "init") return setupCommand(argv[0], argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: historyRangeAsOption(argv),
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
  if (values.help) return write(HELP), 0;
  if (values.version) return write(`${TOOL_VERSION}
`), 0;
  if (values["list-rules"]) return write(listRules()), 0;
  if (values.explain !== void 0) {
    const rule = findRule(values.explain);
    if (!rule) throw new UsageError(`unknown rule "${values.explain}"; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`);
    return write(renderRuleDoc(rule)), 0;
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
  const { root, paths } = resolveTargets(positionals);
  const config = loadConfig(root, values.config);
  const baselinePath = values.baseline ?? (values["update-baseline"] ? ".carbon-secret-lint-baseline.json" : void 0);
  const baseline = baselinePath && !values["update-baseline"] ? loadBaseline(baselinePath) : void 0;
  const progress = scope.kind === "history" && process.stderr.isTTY ? progressBar() : void 0;
  const result = await scan({
    root,
    paths,
    config,
    ruleOverrides,
    scope,
    ...baseline ? { baseline } : {},
    ...maxFileSize ? { maxFileSize } : {},
    ...progress ? { onProgress: progress.update } : {}
  });
  progress?.done();
  if (values.debug) process.stderr.write(debugSummary(result));
  if (values["update-baseline"]) {
    writeBaseline(baselinePath, result);
    process.stderr.write(`${TOOL_NAME}: wrote ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} to ${baselinePath}
`);
    return 0;
  }
  const toFile = values.output !== void 0;
  const color = !toFile && useColor(values.color, values["no-color"]);
  const report = formatReport(result, format, { color, quiet: values.quiet ?? false });
  if (toFile) writeFileSync2(values.output, report);
  else write(report);
  const failOn = failOnArg ?? config.failOn;
  return fails(result, failOn) ? 1 : 0;
}
function setupCommand(command, args) {
  const unknown = args.find((a) => a !== "--force");
  if (unknown) throw new UsageError(`${command}: unknown argument "${unknown}"`);
  if (command === "install-hook") {
    const path = installHook(process.cwd(), args.includes("--force"));
    write(`installed the pre-commit hook at ${path}
`);
    return 0;
  }
  const { written, kept } = init(process.cwd());
  for (const path of written) write(`wrote ${path}
`);
  for (const path of kept) write(`kept ${path} (it exists; not overwritten)
`);
  return 0;
}
function historyRangeAsOption(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--history=")) {
      out.push("--history", "--history-range", arg.slice("--history=".length));
      continue;
    }
    out.push(arg);
    const next = argv[i + 1];
    if (arg === "--history" && next !== void 0 && !next.startsWith("-") && !existsSync2(next)) {
      out.push("--history-range", next);
      i++;
    }
  }
  return out;
}
function resolveTargets(positionals) {
  for (const p of positionals) {
    if (!existsSync2(p)) throw new ScanError(`path not found: ${p}`);
  }
  if (positionals.length === 0) return { root: process.cwd(), paths: [] };
  if (positionals.length === 1 && statSync(positionals[0]).isDirectory()) return { root: resolve(positionals[0]), paths: [] };
  const root = process.cwd();
  const paths = positionals.map((p) => relative(root, resolve(p)).replace(/\\/g, "/"));
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
function useColor(force, disable) {
  if (disable) return false;
  if (force) return true;
  const forced = process.env.FORCE_COLOR;
  if (forced !== void 0 && forced !== "") return forced !== "0" && forced !== "false";
  if (process.env.NO_COLOR) return false;
  return process.stdout.isTTY === true;
}
function fails(result, failOn) {
  if (failOn === "none") return false;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
}
function progressBar() {
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round(done / Math.max(total, 1) * width);
      process.stderr.write(`\r${TOOL_NAME}: history [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} blobs`);
    },
    done() {
      process.stderr.write("\r\x1B[2K");
    }
  };
}
function debugSummary(result) {
  const byRule = /* @__PURE__ */ new Map();
  for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const lines = [
    `debug: root ${result.root} (${result.scope})`,
    `debug: ${result.stats.files} files, ${result.stats.bytes} bytes read in ${result.stats.durationMs} ms on ${result.stats.threads} thread${result.stats.threads === 1 ? "" : "s"}; ${result.stats.skipped.length} skipped; ${result.notices.length} notices; ${result.suppressed} suppressed`,
    `debug: rules run: ${result.rules.map((r) => r.id).join(", ")}`,
    ...[...byRule].map(([id, n]) => `debug: ${id}: ${n} finding${n === 1 ? "" : "s"}`),
    ...result.stats.skipped.map((s) => `debug: skipped ${s.path}: ${s.reason}`),
    ...result.notices.map((n) => `debug: notice ${n.path ?? ""}: ${n.message}`)
  ];
  return lines.join("\n") + "\n";
}
function listRules() {
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  const rows = RULES.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.recommended ? "recommended" : "strict     "}  ${r.meta.checklist.join(",")}
${" ".repeat(width + 2)}${r.meta.description}`);
  return rows.join("\n") + "\n";
}
function write(text) {
  process.stdout.write(text);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) process.stderr.write(`${TOOL_NAME}: ${message}
Run ${TOOL_NAME} --help for usage.
`);
    else if (error instanceof ConfigError || error instanceof ScanError || error instanceof ScopeError || error instanceof BaselineError || error instanceof SetupError) process.stderr.write(`${TOOL_NAME}: ${message}
`);
    else process.stderr.write(`${TOOL_NAME}: internal error: ${message}
Please report this with the command you ran.
`);
    process.exitCode = 2;
  }
);
