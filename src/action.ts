// The GitHub Action: inputs -> scan() -> annotations, job summary, SARIF file, outputs, exit.
// Everything it decides comes from the runner's environment. On a pull request it trusts only
// the base commit for its settings, and shows the reviewer the suppressions the change adds.
import * as core from "@actions/core";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { CONFIG_FILE_NAMES, defaultConfig, loadConfig, parseConfig, type FailOn, type ResolvedConfig } from "./config/load.js";
import { classify } from "./core/file-kinds.js";
import { writeOwnFile } from "./core/own-files.js";
import { SEVERITY_RANK, type ScanResult } from "./core/types.js";
import { TOOL_NAME, TOOL_VERSION } from "./core/version.js";
import { loadBaseline, parseBaseline } from "./engine/baseline.js";
import { isPartialScope } from "./engine/checklist.js";
import { sourceFromBytes } from "./engine/file-pass.js";
import { discoverDiff, readAtBase } from "./engine/git-scopes.js";
import { probeRepository } from "./engine/git.js";
import { defaultCacheLocation } from "./engine/result-cache.js";
import { scan, type ScanOptions } from "./engine/scan.js";
import { parseSuppressions } from "./engine/suppressions.js";
import { formatGithub } from "./reporters/github.js";
import { formatMarkdown, type AddedSuppression, type PullRequestNotes } from "./reporters/markdown.js";
import { formatSarif } from "./reporters/sarif.js";

const ZERO_SHA = /^0+$/;
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);

interface EventPayload {
  pull_request?: { base?: { sha?: string; ref?: string } };
  before?: string;
}

/** `auto`: a pull request is diffed against its base, a push against what it replaced, anything else scanned whole. */
export function scopeFor(scopeInput: string, eventName: string, payload: EventPayload, baseInput: string): NonNullable<ScanOptions["scope"]> {
  switch (scopeInput) {
    case "worktree":
    case "full":
      return { kind: "worktree" };
    case "history":
      return { kind: "history" };
    case "staged":
      return { kind: "staged" };
    case "diff":
      if (!baseInput) throw new Error("scope: diff needs the `base` input");
      return { kind: "diff", base: baseInput };
    case "auto": {
      if (baseInput) return { kind: "diff", base: baseInput };
      const prBase = payload.pull_request?.base?.sha;
      if (PULL_REQUEST_EVENTS.has(eventName) && prBase) return { kind: "diff", base: prBase };
      if (eventName === "push" && payload.before && !ZERO_SHA.test(payload.before)) return { kind: "diff", base: payload.before };
      return { kind: "worktree" };
    }
    default:
      throw new Error(`scope must be auto, worktree, diff, staged or history (got "${scopeInput}")`);
  }
}

function readEvent(): EventPayload {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as EventPayload;
  } catch {
    return {};
  }
}

function checklistSummary(result: ScanResult): string {
  const count = (status: string) => result.checklist.filter((c) => c.status === status).length;
  return `pass=${count("pass")} fail=${count("fail")} unknown=${count("unknown")} not-applicable=${count("not-applicable")}`;
}

/** The run's SARIF file: outside the workspace by default, so a later scan of the workspace does not read it. */
function sarifPathIn(workspace: string): string {
  const sarifFile = core.getInput("sarif-file") || join(process.env.RUNNER_TEMP ?? workspace, "carbon-secret-lint.sarif");
  return isAbsolute(sarifFile) ? sarifFile : join(workspace, sarifFile);
}

export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const sarifPath = sarifPathIn(workspace);
  try {
    await scanAndReport(workspace, sarifPath);
  } catch (error) {
    reportFailure(workspace, sarifPath, error instanceof Error ? error.message : String(error));
  }
}

async function scanAndReport(workspace: string, sarifPath: string): Promise<void> {
  const path = core.getInput("path") || ".";
  const root = isAbsolute(path) ? path : resolve(workspace, path);
  const failOn = (core.getInput("fail-on") || "error") as FailOn;
  if (!["error", "warning", "info", "none"].includes(failOn)) throw new Error(`fail-on must be error, warning, info or none (got "${failOn}")`);
  const eventName = process.env.GITHUB_EVENT_NAME ?? "";
  const event = readEvent();
  const scope = scopeFor(core.getInput("scope") || "auto", eventName, event, core.getInput("base"));
  const prefix = repositoryPrefix(workspace, root);
  const trustedBase = PULL_REQUEST_EVENTS.has(eventName) ? event.pull_request?.base?.sha : undefined;
  const configFile = core.getInput("config") ? resolve(workspace, core.getInput("config")) : undefined;
  const baselineFile = core.getInput("baseline") ? resolve(workspace, core.getInput("baseline")) : undefined;
  const { config, baseline, settingsFrom } = trustedBase
    ? settingsAtBase(root, prefix, trustedBase, configFile, baselineFile)
    : { config: loadConfig(root, configFile), baseline: baselineFile ? loadBaseline(baselineFile, { within: workspace }) : undefined, settingsFrom: undefined };

  core.info(`carbon-secret-lint: scanning ${root} (${scope.kind === "diff" ? `changes since ${scope.base}` : scope.kind})`);
  const cache = core.getInput("cache") === "true" ? { cache: defaultCacheLocation(root) } : {};
  const result = fromRepositoryRoot(await scan({ root, config, scope, ...(baseline ? { baseline } : {}), ...cache }), prefix);

  if (core.getInput("annotations") !== "false") process.stdout.write(formatGithub(result));
  // Code scanning takes each upload as the whole analysis of its category and closes every alert
  // it lacks, so the SARIF comes from the whole tree even when the annotations show one change.
  const whole = isPartialScope(result.scope) ? fromRepositoryRoot(await scan({ root, config, ...(baseline ? { baseline } : {}), ...cache }), prefix) : result;
  writeOwnFile(sarifPath, formatSarif(whole), "SARIF file", { within: workspace });
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && core.getInput("summary") !== "false") {
    const addedSuppressions = trustedBase ? suppressionsAdded(root, prefix, trustedBase, config) : undefined;
    appendFileSync(summaryFile, formatMarkdown(result, { settingsFrom, addedSuppressions }));
  }

  const failing = failOn === "none" ? [] : result.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  setOutputs({ findings: result.findings.length, failing: failing.length, sarifPath, checklist: checklistSummary(result) });
  if (failing.length > 0) core.setFailed(`carbon-secret-lint: ${failing.length} finding${failing.length === 1 ? "" : "s"} at or above ${failOn}`);
}

interface Settings {
  config: ResolvedConfig;
  baseline: ReadonlySet<string> | undefined;
  settingsFrom: PullRequestNotes["settingsFrom"];
}

/**
 * On a pull request the head is the contributor's: a configuration turning rules off or a
 * baseline listing its own findings would silence its own scan. Both are read as the base
 * commit holds them; where the base has none, the defaults apply and nothing is hidden.
 */
function settingsAtBase(root: string, prefix: string, base: string, configFile: string | undefined, baselineFile: string | undefined): Settings {
  let config: ResolvedConfig = defaultConfig();
  let configShown: string | null = null;
  for (const file of configFile ? [configFile] : CONFIG_FILE_NAMES.map((name) => join(root, name))) {
    const text = readAtBase(root, base, relative(root, file));
    if (!text) continue;
    config = parseConfig(text.toString("utf8"), file, root);
    configShown = inRepository(prefix, root, file);
    break;
  }
  if (!baselineFile) return { config, baseline: undefined, settingsFrom: { commit: base, config: configShown } };
  const baselineShown = inRepository(prefix, root, baselineFile);
  const bytes = readAtBase(root, base, relative(root, baselineFile));
  const baseline = bytes ? parseBaseline(bytes.toString("utf8"), `${baselineShown} at ${base.slice(0, 12)}`) : undefined;
  return { config, baseline, settingsFrom: { commit: base, config: configShown, baseline: bytes ? baselineShown : null } };
}

/**
 * Suppression comments on lines the pull request adds. They still silence findings, and the
 * contributor wrote them, so the summary lists them for the reviewer.
 */
function suppressionsAdded(root: string, prefix: string, base: string, config: ResolvedConfig): AddedSuppression[] {
  const change = discoverDiff(root, base);
  const added: AddedSuppression[] = [];
  for (const candidate of change.candidates) {
    const lines = change.addedLines?.get(candidate.path);
    if (!lines || candidate.size > config.maxFileSize) continue;
    // Decoded and typed as the scan reads it, so the same comments count.
    const read = sourceFromBytes({ ...candidate, kind: classify(candidate.path) }, candidate.read());
    if (!("file" in read)) continue;
    const { text, kind } = read.file;
    read.file.dispose();
    for (const directive of parseSuppressions(text, kind)) {
      if (lines.has(directive.line)) added.push({ path: prefix + candidate.path, line: directive.line, ruleIds: directive.ruleIds, reason: directive.reason });
    }
  }
  return added;
}

/** A path under the scanned folder as the repository names it (`svc/../x.yaml` is `x.yaml`). */
function inRepository(prefix: string, root: string, file: string): string {
  return posix.normalize(prefix + relative(root, file).split(sep).join("/"));
}

/** Where the scanned folder sits in the repository (`svc/`, or empty at its root): GitHub reads paths from the repository's root. */
function repositoryPrefix(workspace: string, root: string): string {
  const probe = probeRepository(root);
  if (probe.kind === "repository") return probe.prefix;
  const inWorkspace = relative(workspace, root);
  return inWorkspace === "" || inWorkspace.startsWith("..") || isAbsolute(inWorkspace) ? "" : `${inWorkspace.split(sep).join("/")}/`;
}

/** The result with its paths given from the repository's root, as annotations and code scanning place them. */
function fromRepositoryRoot(result: ScanResult, prefix: string): ScanResult {
  if (!prefix) return result;
  return {
    ...result,
    findings: result.findings.map((finding) => ({ ...finding, path: prefix + finding.path })),
    notices: result.notices.map((notice) => (notice.path ? { ...notice, path: prefix + notice.path } : notice)),
    stats: { ...result.stats, skipped: result.stats.skipped.map((file) => ({ ...file, path: prefix + file.path })) },
  };
}

function setOutputs(outputs: { findings: number; failing: number; sarifPath: string; checklist: string }): void {
  core.setOutput("findings", String(outputs.findings));
  core.setOutput("failing", String(outputs.failing));
  core.setOutput("sarif-file", outputs.sarifPath);
  core.setOutput("checklist", outputs.checklist);
}

/**
 * A scan that could not run still leaves what the workflow expects: a SARIF file for the
 * `if: always()` upload step (no results, the error as its notification), the outputs, and a
 * failed step that says why.
 */
function reportFailure(workspace: string, sarifPath: string, message: string): void {
  let unwritten = "";
  try {
    writeOwnFile(sarifPath, formatSarif(nothingScanned(workspace), { failure: message }), "SARIF file", { within: workspace });
  } catch (error) {
    unwritten = ` (and the SARIF file could not be written: ${(error as Error).message})`;
  }
  setOutputs({ findings: 0, failing: 0, sarifPath, checklist: "not run" });
  core.setFailed(`carbon-secret-lint: ${message}${unwritten}`);
}

function nothingScanned(root: string): ScanResult {
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    scope: "worktree",
    findings: [],
    checklist: [],
    stats: { files: 0, bytes: 0, skipped: [], durationMs: 0, threads: 0 },
    notices: [],
    suppressed: 0,
    rules: [],
  };
}

run().catch((error: unknown) => core.setFailed(`carbon-secret-lint: ${error instanceof Error ? error.message : String(error)}`));
