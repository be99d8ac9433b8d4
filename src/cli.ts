// The command line as a function: run(argv, context) returns the exit code and what would be printed, so
// tests call it in-process; src/bin.ts only prints the result and sets the exit code.
import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, parseSize, type FailOn } from "./config/load.js";
import { OwnFileError, writeOwnFile } from "./core/own-files.js";
import { renderRuleDoc } from "./core/rule-docs.js";
import { BaselineError, loadBaseline, writeBaseline } from "./engine/baseline.js";
import { ScopeError } from "./engine/git-scopes.js";
import { scan, ScanError } from "./engine/scan.js";
import { defaultCacheLocation } from "./engine/result-cache.js";
import { SEVERITY_RANK, type ScanResult, type Severity } from "./core/types.js";
import { FORMATS, formatReport, type Format } from "./reporters/index.js";
import { init, installHook, SetupError } from "./setup.js";
import { findRule, RULES } from "./rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "./core/version.js";

const HELP = `Usage: ${TOOL_NAME} [options] [paths...]
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

class UsageError extends Error {}

/** Where the command runs: its directory, environment, and whether its outputs are terminals. */
export interface RunContext {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** Live progress text for a terminal's stderr (a redrawn line); not collected in the result. */
  progress?: (text: string) => void;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line. Errors become exit code 2 with a message on stderr; nothing is thrown. */
export async function run(argv: readonly string[], context: RunContext = {}): Promise<RunResult> {
  const io = new Output({
    cwd: context.cwd ?? process.cwd(),
    env: context.env ?? process.env,
    stdoutIsTTY: context.stdoutIsTTY ?? false,
    stderrIsTTY: context.stderrIsTTY ?? false,
    progress: context.progress,
  });
  let exitCode: number;
  try {
    exitCode = await main([...argv], io);
  } catch (error) {
    io.stderr += errorMessage(error);
    exitCode = 2;
  }
  return { exitCode, stdout: io.stdout, stderr: io.stderr };
}

class Output {
  stdout = "";
  stderr = "";
  constructor(readonly context: Required<Omit<RunContext, "progress">> & Pick<RunContext, "progress">) {}
  get cwd(): string {
    return this.context.cwd;
  }
  /** A path the user typed, relative to where the command runs. */
  path(p: string): string {
    return resolve(this.context.cwd, p);
  }
  write(text: string): void {
    this.stdout += text;
  }
}

/** Errors the user can fix (a bad config, a path that is wrong or refused): a plain message, not a crash report. */
const USER_ERRORS = [ConfigError, ScanError, ScopeError, BaselineError, SetupError, OwnFileError];

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) return `${TOOL_NAME}: ${message}\nRun ${TOOL_NAME} --help for usage.\n`;
  if (USER_ERRORS.some((kind) => error instanceof kind)) return `${TOOL_NAME}: ${message}\n`;
  return `${TOOL_NAME}: internal error: ${message}\nPlease report this with the command you ran.\n`;
}

async function main(argv: string[], io: Output): Promise<number> {
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
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return io.write(HELP), 0;
  if (values.version) return io.write(`${TOOL_VERSION}\n`), 0;
  if (values["list-rules"]) return io.write(listRules()), 0;
  if (values.explain !== undefined) {
    const rule = findRule(values.explain);
    if (!rule) throw new UsageError(`unknown rule "${values.explain}"; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`);
    return io.write(renderRuleDoc(rule)), 0;
  }

  const format = (values.format ?? "pretty") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; choose one of ${FORMATS.join(", ")}`);
  const failOnArg = values["fail-on"];
  if (failOnArg !== undefined && !["error", "warning", "info", "none"].includes(failOnArg)) {
    throw new UsageError(`--fail-on must be error, warning, info or none (got "${failOnArg}")`);
  }
  const ruleOverrides = parseRuleOverrides(values.rule ?? []);
  const maxFileSize = values["max-file-size"] === undefined ? undefined : parseSizeArg(values["max-file-size"]);

  const scopes = [values.staged, values.diff !== undefined, values.history].filter(Boolean).length;
  if (scopes > 1) throw new UsageError("--staged, --diff and --history are exclusive: choose one");
  const scope = values.staged
    ? { kind: "staged" as const }
    : values.diff !== undefined
      ? { kind: "diff" as const, base: values.diff }
      : values.history
        ? { kind: "history" as const, ...(values["history-range"] ? { range: values["history-range"] } : {}) }
        : { kind: "worktree" as const };
  const { root, paths } = resolveTargets(positionals, io.cwd);
  const config = loadConfig(root, values.config === undefined ? undefined : io.path(values.config));
  const baselineArg = values.baseline ?? (values["update-baseline"] ? ".carbon-secret-lint-baseline.json" : undefined);
  const baselinePath = baselineArg === undefined ? undefined : io.path(baselineArg);
  const baseline = baselinePath && !values["update-baseline"] ? loadBaseline(baselinePath, { within: root }) : undefined;
  const progress = scope.kind === "history" && io.context.stderrIsTTY && io.context.progress ? progressBar(io.context.progress) : undefined;
  const result = await scan({
    root,
    paths,
    config,
    ruleOverrides,
    scope,
    ...(baseline ? { baseline } : {}),
    ...(maxFileSize ? { maxFileSize } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
    ...(values.cache || values["cache-location"] ? { cache: values["cache-location"] ? io.path(values["cache-location"]) : defaultCacheLocation(root) } : {}),
  });
  progress?.done();
  if (values.debug) io.stderr += debugSummary(result);
  if (values["update-baseline"]) {
    writeBaseline(baselinePath!, result, { within: root });
    io.stderr += `${TOOL_NAME}: wrote ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} to ${baselineArg}\n`;
    return 0;
  }

  const toFile = values.output !== undefined;
  const color = !toFile && useColor(values.color, values["no-color"], io.context);
  const report = formatReport(result, format, { color, quiet: values.quiet ?? false });
  if (toFile) writeOwnFile(io.path(values.output!), report, "report", { within: root });
  else io.write(report);
  const failOn = (failOnArg ?? config.failOn) as FailOn;
  return fails(result, failOn) ? 1 : 0;
}

function setupCommand(command: "install-hook" | "init", args: string[], io: Output): number {
  const unknown = args.find((a) => a !== "--force");
  if (unknown) throw new UsageError(`${command}: unknown argument "${unknown}"`);
  if (command === "install-hook") {
    const path = installHook(io.cwd, args.includes("--force"));
    io.write(`installed the pre-commit hook at ${path}\n`);
    return 0;
  }
  const { written, kept } = init(io.cwd);
  for (const path of written) io.write(`wrote ${path}\n`);
  for (const path of kept) io.write(`kept ${path} (it exists; not overwritten)\n`);
  return 0;
}

// `--history [range]`: a following word that is not an option and not a path is the range.
function historyRangeAsOption(argv: string[], io: Output): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--history=")) {
      out.push("--history", "--history-range", arg.slice("--history=".length));
      continue;
    }
    out.push(arg);
    const next = argv[i + 1];
    if (arg === "--history" && next !== undefined && !next.startsWith("-") && !existsSync(io.path(next))) {
      out.push("--history-range", next);
      i++;
    }
  }
  return out;
}

function resolveTargets(positionals: string[], cwd: string): { root: string; paths: string[] } {
  for (const p of positionals) {
    if (!existsSync(resolve(cwd, p))) throw new ScanError(`path not found: ${p}`);
  }
  if (positionals.length === 0) return { root: cwd, paths: [] };
  if (positionals.length === 1 && statSync(resolve(cwd, positionals[0]!)).isDirectory()) return { root: resolve(cwd, positionals[0]!), paths: [] };
  const root = cwd;
  const paths = positionals.map((p) => relative(root, resolve(cwd, p)).replace(/\\/g, "/"));
  const outside = paths.find((p) => p.startsWith(".."));
  if (outside) throw new UsageError(`${outside} is outside the current directory; run from a directory that contains every path`);
  return { root, paths };
}

function parseRuleOverrides(entries: string[]): Record<string, Severity | "off"> {
  const overrides: Record<string, Severity | "off"> = {};
  for (const entry of entries) {
    const [id, severity] = entry.split("=");
    if (!id || !severity || !["off", "info", "warning", "error"].includes(severity)) {
      throw new UsageError(`--rule takes <rule-id>=<off|info|warning|error> (got "${entry}")`);
    }
    if (!findRule(id)) throw new UsageError(`--rule: unknown rule "${id}"; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`);
    overrides[id] = severity as Severity | "off";
  }
  return overrides;
}

function parseSizeArg(value: string): number {
  const size = parseSize(value);
  if (size === undefined) throw new UsageError(`--max-file-size takes a size such as 5MB or 500000 (got "${value}")`);
  return size;
}

function useColor(force: boolean | undefined, disable: boolean | undefined, context: Output["context"]): boolean {
  if (disable) return false;
  if (force) return true;
  const forced = context.env.FORCE_COLOR;
  if (forced !== undefined && forced !== "") return forced !== "0" && forced !== "false";
  if (context.env.NO_COLOR) return false;
  return context.stdoutIsTTY;
}

function fails(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === "none") return false;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
}

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
function progressBar(show: (text: string) => void) {
  let last = 0;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      show(`\r${TOOL_NAME}: history [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} blobs`);
    },
    done() {
      show("\r\u001b[2K");
    },
  };
}

/** --debug: what the scan did, in counts and timings; like every output, it never holds a value. */
function debugSummary(result: ScanResult): string {
  const byRule = new Map<string, number>();
  for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const lines = [
    `debug: root ${result.root} (${result.scope})`,
    `debug: ${result.stats.files} files, ${result.stats.bytes} bytes read in ${result.stats.durationMs} ms on ${result.stats.threads} thread${result.stats.threads === 1 ? "" : "s"}; ${result.stats.skipped.length} skipped; ${result.notices.length} notices; ${result.suppressed} suppressed`,
    `debug: parsed ${Object.entries(result.stats.parsed ?? {}).map(([view, count]) => `${view} ${count}`).join(", ") || "nothing"}`,
    `debug: rules run: ${result.rules.map((r) => r.id).join(", ")}`,
    ...[...byRule].map(([id, n]) => `debug: ${id}: ${n} finding${n === 1 ? "" : "s"}`),
    ...result.stats.skipped.map((s) => `debug: skipped ${s.path}: ${s.reason}`),
    ...result.notices.map((n) => `debug: notice ${n.path ?? ""}: ${n.message}`),
  ];
  return lines.join("\n") + "\n";
}

function listRules(): string {
  const width = Math.max(...RULES.map((r) => r.meta.id.length));
  const rows = RULES.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.recommended ? "recommended" : "strict     "}  ${r.meta.checklist.join(",")}\n${" ".repeat(width + 2)}${r.meta.description}`);
  return rows.join("\n") + "\n";
}
