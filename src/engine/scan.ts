import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import ignore from "ignore";
import { loadConfig, type ResolvedConfig } from "../config/load.js";
import { createScrubber, withoutSourceText } from "../core/redact.js";
import { renderDiagnosticDoc, renderRuleDoc } from "../core/rule-docs.js";
import { preloadParsers } from "../languages/views.js";
import { RULES } from "../rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../core/version.js";
import { rollUpChecklist } from "./checklist.js";
import { classify } from "../core/file-kinds.js";
import { discoverWorktree, type Candidate, type Discovery } from "./discover.js";
import { discoverDiff, discoverHistory, discoverStaged, type HistoryDiscovery, type ScopedDiscovery } from "./git-scopes.js";
import { ROLES } from "../core/roles.js";
import { DIAGNOSTICS } from "./diagnostics.js";
import { createRoleResolver } from "./file-roles.js";
import { addMaskedExcerpts, FilePass, resolveReport, sourceFromBytes, unreadableOutcome, type FileOutcome, type FileTask } from "./file-pass.js";
import { applyBaseline, finalize, keepAdded, suppressionProblems, type PendingReport } from "./finalize.js";
import { runInWorkers, serializeConfig, threadsFor, workerScript, type PoolItem } from "./pool.js";
import { cacheIdentity, ResultCache, type CacheProbe } from "./result-cache.js";
import { createRuleInstances, type RuleInstance, type RuleSink } from "./rule-instance.js";
import type { SuppressionDirective } from "./suppressions.js";
import {
  type EvidenceDescriptor,
  type FileKind,
  type Finding,
  type Notice,
  type ProjectFile,
  type ProjectIndex,
  type Role,
  type Rule,
  type RuleDescriptor,
  type ScanResult,
  type ScanScope,
  type Severity,
  type SkippedFile,
  type SourceFile,
} from "../core/types.js";

export interface ScanOptions {
  /** The directory to scan; its files' paths are reported relative to it. Default: the current directory. */
  root?: string;
  /** Limit file-scope rules to these files or directories (relative to the root). */
  paths?: string[];
  /** A resolved config, or the path of a config file; default: found in the root. */
  config?: ResolvedConfig | string;
  /** Severity overrides, as `--rule id=severity` gives them. */
  ruleOverrides?: Record<string, Severity | "off">;
  maxFileSize?: number;
  /** The rules to run; default: every registered rule, as the config enables them. Rules the config does not know run at their default severity. */
  rules?: readonly Rule[];
  /** What to read: the working tree (default), the index, what a branch adds since `base`, or the history. */
  scope?: { kind: "worktree" } | { kind: "staged" } | { kind: "diff"; base: string } | { kind: "history"; range?: string };
  /** Findings whose fingerprints are in this set are hidden (a baseline); the rest of the set is reported stale. */
  baseline?: ReadonlySet<string>;
  /** Called as files are scanned in the main thread (a progress bar for --history). */
  onProgress?: (done: number, total: number) => void;
  /**
   * A result cache file: files whose content, path and role are unchanged since the scan that
   * wrote it are not read again (--cache). Not used with --history.
   */
  cache?: string;
}

/** An error the user must fix (a missing path, a broken config); the CLI exits 2. */
export class ScanError extends Error {
  override name = "ScanError";
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const root = resolve(options.root ?? ".");
  if (!existsSync(root)) throw new ScanError(`path not found: ${options.root ?? root}`);
  if (!statSync(root).isDirectory()) throw new ScanError(`not a directory: ${options.root ?? root} (give the directory to scan, and files with --paths)`);
  const config = typeof options.config === "object" ? options.config : loadConfig(root, options.config);
  const maxFileSize = options.maxFileSize ?? config.maxFileSize;

  const scope = options.scope ?? { kind: "worktree" };
  const discovery = discover(root, scope);
  const introducedBy = "introducedBy" in discovery ? (discovery as HistoryDiscovery).introducedBy : undefined;
  const notices: Notice[] = [...discovery.notices];
  const skipped: SkippedFile[] = [];
  const evidence: EvidenceDescriptor[] = [];
  const pending: PendingReport[] = [];
  const directives = new Map<string, SuppressionDirective[]>();
  // Project rules whose file handlers gather facts need every file; --staged reads only what is staged.
  const configured = createRuleInstances(options.rules ?? RULES, config, options.ruleOverrides ?? {});
  const enabled = scope.kind === "staged" ? configured.filter((instance) => !instance.gathersFacts) : configured;
  const needsFacts = enabled.some((instance) => instance.gathersFacts);
  const severityOf = new Map(enabled.map((instance) => [instance.id, instance.severity]));

  const rolesByPath = createRoleResolver(config.roles);
  // A file's content may say more than its path (a compose file of a local setup): the file pass tells.
  const roleByContent = new Map<string, Role>();
  const roleOf = (path: string) => roleByContent.get(path) ?? rolesByPath(path);
  const excluded = config.exclude.length ? ignore({ allowRelativePaths: true }).add(config.exclude) : null;
  const included = config.include.length ? ignore({ allowRelativePaths: true }).add(config.include) : null;
  const selectedPaths = options.paths?.length ? pathFilter(options.paths) : null;
  const scopeSelected = "selected" in discovery ? (discovery as ScopedDiscovery).selected : null;
  const selected = selectedPaths || scopeSelected ? (path: string) => (!selectedPaths || selectedPaths(path)) && (!scopeSelected || scopeSelected.has(path)) : null;

  // Discovery -> the project's file list, and the files whose content the file rules read.
  const projectFiles: ProjectFile[] = [];
  const work: { task: FileTask; candidate: Candidate; entry: ProjectFile }[] = [];
  for (const candidate of discovery.candidates) {
    if (excluded?.ignores(candidate.path) || (included && !included.ignores(candidate.path))) continue;
    const entry: ProjectFile = { path: candidate.path, kind: classify(candidate.path), role: roleOf(candidate.path), size: candidate.size, tracked: candidate.tracked };
    projectFiles.push(entry);
    // A partial scan (--diff, named paths) still gives project rules every file's facts, so a
    // service is judged whole; with --staged, project rules that need facts do not run at all.
    const factsOnly = selected !== null && !selected(candidate.path);
    if (factsOnly && (scope.kind === "staged" || !needsFacts)) continue;
    if (candidate.size > maxFileSize) {
      if (factsOnly) continue;
      entry.skipped = `larger than the ${formatSize(maxFileSize)} limit (${formatSize(candidate.size)}); name rules still apply`;
      skipped.push({ path: candidate.path, reason: entry.skipped });
      continue;
    }
    work.push({ task: { index: work.length, path: candidate.path, kind: entry.kind, role: entry.role, size: candidate.size, tracked: candidate.tracked, ...(factsOnly ? { factsOnly } : {}) }, candidate, entry });
  }

  const cache = options.cache && scope.kind !== "history" ? openCache(options.cache, config, enabled, maxFileSize, notices) : null;
  const { outcomes, threads } = await runFilePass(work, enabled, config, options, notices, cache);
  if (cache) {
    const problem = cache.save();
    if (problem) notices.push({ message: problem });
  }
  const sharedByRule = new Map<string, unknown[]>();
  let bytes = 0;
  let scannedFiles = 0;
  const parsed: Record<string, number> = {};
  for (const outcome of outcomes.sort((a, b) => a.index - b.index)) {
    const { task, candidate, entry } = work[outcome.index]!;
    for (const view of outcome.parsed ?? []) parsed[view] = (parsed[view] ?? 0) + 1;
    if (task.factsOnly) {
      // Read only so project rules know the whole project: its facts count, nothing else is reported.
      for (const { ruleId, fact } of outcome.shared) shareFact(sharedByRule, ruleId, fact);
      evidence.push(...outcome.evidence);
      continue;
    }
    for (const message of outcome.notices) notices.push({ path: outcome.path, message });
    if (outcome.role) {
      entry.role = outcome.role;
      roleByContent.set(outcome.path, outcome.role);
    }
    if (outcome.skipped) {
      entry.skipped = outcome.skipped;
      skipped.push({ path: outcome.path, reason: outcome.skipped });
      continue;
    }
    scannedFiles++;
    bytes += candidate.size;
    if (outcome.directives.length > 0) directives.set(outcome.path, outcome.directives);
    for (const { ruleId, fact } of outcome.shared) shareFact(sharedByRule, ruleId, fact);
    evidence.push(...outcome.evidence);
    const commit = introducedBy?.get(candidate);
    for (const report of outcome.reports) pending.push({ ruleId: report.ruleId, severity: severityOf.get(report.ruleId)!, report, ...(commit ? { commit } : {}) });
  }

  const index = createProjectIndex(root, discovery, projectFiles, maxFileSize, scope.kind);
  await runProjectRules(enabled, index, sharedByRule, pending, evidence, notices);

  const rulesById = new Map(enabled.map((instance) => [instance.id, instance.rule]));
  // Every value any rule found, masked wherever it shows: on a finding's line, in a notice.
  const scrubValues = createScrubber(pending.flatMap((p) => (p.report.descriptor.secret ? [p.report.descriptor.secret] : [])));
  const { findings: finalized, hiddenByRole } = finalize(pending, { index, directives, config, oncePerFingerprint: scope.kind === "history", rulesById, roleOf, scrubValues, notices });
  if (hiddenByRole > 0) notices.push({ message: rolesNotice(hiddenByRole, config) });
  const projectRules = new Set(enabled.filter((instance) => instance.rule.meta.scope === "project").map((instance) => instance.id));
  const addedLines = scope.kind === "diff" ? (discovery as Discovery & Partial<ScopedDiscovery>).addedLines : undefined;
  const inChange = addedLines ? keepAdded(finalized, addedLines, projectRules) : finalized;
  const findings = options.baseline ? applyBaseline(inChange, options.baseline, notices) : inChange;
  const suppressedCount = pending.length - hiddenByRole - findings.length;
  const knownIds = new Set([...RULES, ...enabled.map((instance) => instance.rule)].map((r) => r.meta.id));
  const problems = suppressionProblems(directives, knownIds, new Set(enabled.map((instance) => instance.id)), config.reportUnusedSuppressions, roleOf);
  const reported = [...findings, ...problems];
  reported.sort(compareFindings);
  // A notice never carries a value either: parse errors and paths are masked with every value found.
  for (const notice of notices) notice.message = scrubValues(notice.message);

  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    scope: scope.kind satisfies ScanScope,
    findings: reported,
    checklist: rollUpChecklist({
      findings: reported,
      evidence,
      enabledRules: enabled.map((instance) => instance.rule),
      skipped: config.settings.skippedChecklist,
      scope: scope.kind,
    }),
    stats: { files: scannedFiles, bytes, skipped, durationMs: Math.round(performance.now() - started), threads, parsed, ...(cache ? { cached: cache.hits } : {}) },
    notices,
    suppressed: Math.max(0, suppressedCount),
    rules: [...enabled.map(({ rule }) => ruleDescriptor(rule)), ...diagnosticDescriptors(problems)],
  };
}

/** Says how many findings the roles hid, and how to see them. */
function rolesNotice(hidden: number, config: ResolvedConfig): string {
  const off = ROLES.filter((role) => config.roles.severity[role] === "off");
  return `${hidden} finding${hidden === 1 ? " was" : "s were"} not reported because ${hidden === 1 ? "its file is" : "their files are"} ${off.join(", ")} (where only a credential that looks live, in a test or an example, is reported); to see them, set \`roles: { test: { severity: warning } }\` (or another role) in the config`;
}

function ruleDescriptor(rule: Rule): RuleDescriptor {
  return {
    id: rule.meta.id,
    description: rule.meta.description,
    severity: rule.meta.severity,
    checklist: [...rule.meta.checklist],
    cwe: [...(rule.meta.cwe ?? [])],
    help: renderRuleDoc(rule),
  };
}

/** The engine's own diagnostics that this scan reports, described like rules. */
function diagnosticDescriptors(problems: readonly Finding[]): RuleDescriptor[] {
  const reported = new Set(problems.map((p) => p.ruleId));
  return DIAGNOSTICS.filter((d) => reported.has(d.id)).map((d) => ({ id: d.id, description: d.description, severity: d.severity, checklist: [], cwe: [], help: renderDiagnosticDoc(d) }));
}

function shareFact(sharedByRule: Map<string, unknown[]>, ruleId: string, fact: unknown): void {
  const facts = sharedByRule.get(ruleId);
  if (facts) facts.push(fact);
  else sharedByRule.set(ruleId, [fact]);
}

// The build that runs: a changed rule must not reuse outcomes a previous build cached under the same version.
const BUILD = (() => {
  try {
    const { size, mtimeMs } = statSync(fileURLToPath(import.meta.url));
    return `${size}:${mtimeMs}`;
  } catch {
    return "unknown";
  }
})();

function openCache(path: string, config: ResolvedConfig, enabled: readonly RuleInstance[], maxFileSize: number, notices: Notice[]): ResultCache {
  const identity = cacheIdentity([TOOL_VERSION, BUILD, serializeConfig(config), enabled.map((instance) => [instance.id, instance.severity]), maxFileSize]);
  const cache = ResultCache.open(path, identity);
  if (cache.problem) notices.push({ message: cache.problem });
  return cache;
}

const cacheKey = (task: FileTask) => `${task.path}\0${task.kind}\0${task.role}\0${task.factsOnly ? "facts" : "all"}`;

/** The file pass, on worker threads when there is enough work and the rules are the registry's; else here. */
async function runFilePass(
  allWork: { task: FileTask; candidate: Candidate }[],
  enabled: readonly RuleInstance[],
  config: ResolvedConfig,
  options: ScanOptions,
  notices: Notice[],
  cache: ResultCache | null,
): Promise<{ outcomes: FileOutcome[]; threads: number }> {
  if (!cache) return runFilePassUncached(allWork, enabled, config, options, notices);
  // Unchanged files come from the cache; the rest are scanned and their outcomes kept for next time.
  const fromCache: FileOutcome[] = [];
  const work: { task: FileTask; candidate: Candidate }[] = [];
  const toStore = new Map<number, { probe: CacheProbe; remember: { id: string; mtimeMs?: number } }>();
  for (const item of allWork) {
    const { task, candidate } = item;
    const probe: CacheProbe = {
      key: cacheKey(task),
      size: task.size,
      ...(candidate.blob ? { blob: candidate.blob } : {}),
      ...(candidate.absolutePath ? { absolutePath: candidate.absolutePath } : {}),
      read: () => candidate.read(),
    };
    const { outcome, remember } = cache.lookup(probe, task.index);
    if (outcome) {
      fromCache.push(outcome);
      continue;
    }
    work.push(item);
    if (remember) toStore.set(task.index, { probe, remember });
  }
  const run = await runFilePassUncached(work, enabled, config, options, notices);
  for (const outcome of run.outcomes) {
    const pending = toStore.get(outcome.index);
    if (pending && !outcome.skipped?.startsWith("could not be read")) cache.store(pending.probe, pending.remember, outcome);
  }
  return { outcomes: [...run.outcomes, ...fromCache], threads: run.threads };
}

async function runFilePassUncached(
  work: { task: FileTask; candidate: Candidate }[],
  enabled: readonly RuleInstance[],
  config: ResolvedConfig,
  options: ScanOptions,
  notices: Notice[],
): Promise<{ outcomes: FileOutcome[]; threads: number }> {
  const totalBytes = work.reduce((sum, w) => sum + w.task.size, 0);
  const largest = work.reduce((max, w) => Math.max(max, w.task.size), 0);
  const threads = options.rules ? 0 : threadsFor(work.length, totalBytes, largest);
  const script = threads > 1 ? workerScript() : null;
  let outcomes: FileOutcome[] = [];
  let remaining = work;
  if (script) {
    // Blobs (--staged, --diff, --history) are read when a worker takes them, not all up front.
    const items: PoolItem[] = work.map(({ task, candidate }) => (candidate.absolutePath ? { task, absolutePath: candidate.absolutePath } : { task, read: () => candidate.read() }));
    const init = { rules: enabled.map((instance) => ({ id: instance.id, severity: instance.severity })), config: serializeConfig(config) };
    const run = await runInWorkers(items, init, threads, script, (done) => options.onProgress?.(done, work.length));
    outcomes = run.outcomes;
    const left = new Set(run.leftover.map((item) => item.task.index));
    remaining = work.filter((w) => left.has(w.task.index));
    if (remaining.length > 0) notices.push({ message: `a worker thread stopped; ${remaining.length} file(s) were scanned in the main thread instead` });
  }
  if (remaining.length > 0) {
    const counts = new Map<FileKind, number>();
    for (const { task } of remaining) counts.set(task.kind, (counts.get(task.kind) ?? 0) + 1);
    preloadParsers(counts);
    const pass = new FilePass(enabled);
    for (const { task, candidate } of remaining) {
      let bytes: Buffer;
      try {
        bytes = candidate.read();
      } catch (error) {
        outcomes.push(unreadableOutcome(task, error));
        continue;
      }
      outcomes.push(await pass.process(task, bytes));
      options.onProgress?.(outcomes.length, work.length);
    }
  }
  return { outcomes, threads: script ? threads : 1 };
}

/** Project handlers run here, on the scan's rule instances: what file handlers learnt arrives as shared facts. */
async function runProjectRules(
  enabled: readonly RuleInstance[],
  index: ProjectIndex,
  sharedByRule: Map<string, unknown[]>,
  pending: PendingReport[],
  evidence: EvidenceDescriptor[],
  notices: Notice[],
): Promise<void> {
  const sink: RuleSink = {
    report(instance, descriptor) {
      if (!descriptor.path) {
        notices.push({ message: `rule ${instance.id} reported without a path` });
        return true;
      }
      const file = descriptor.range ? index.read(descriptor.path) : undefined;
      const report = resolveReport(instance.id, descriptor, file, descriptor.path);
      if (file) addMaskedExcerpts(file, [report]);
      pending.push({ ruleId: instance.id, severity: instance.severity, report });
      return true;
    },
    evidence: (descriptor) => evidence.push(descriptor),
    share: () => undefined,
  };
  for (const instance of enabled) {
    const project = instance.handlers.project;
    if (!project) continue;
    try {
      await instance.run(sink, () => project({ ...index, shared: () => sharedByRule.get(instance.id) ?? [] }));
    } catch (error) {
      notices.push({ message: `rule ${instance.id} failed on the project: ${withoutSourceText((error as Error).message)}` });
    }
  }
}

function readCandidate(candidate: Candidate, kind: FileKind): SourceFile | undefined {
  try {
    const read = sourceFromBytes({ ...candidate, kind }, candidate.read());
    return "file" in read ? read.file : undefined;
  } catch {
    return undefined;
  }
}

function discover(root: string, scope: NonNullable<ScanOptions["scope"]>): Discovery {
  switch (scope.kind) {
    case "staged":
      return discoverStaged(root);
    case "diff":
      return discoverDiff(root, scope.base);
    case "history":
      return discoverHistory(root, scope.range);
    default:
      return discoverWorktree(root);
  }
}

function createProjectIndex(root: string, discovery: Discovery, files: ProjectFile[], maxFileSize: number, scope: ScanScope): ProjectIndex {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const candidates = new Map(discovery.candidates.map((c) => [c.path, c]));
  const cache = new Map<string, SourceFile | undefined>();
  return {
    root,
    inGit: discovery.inGit,
    scope,
    files,
    has: (path) => byPath.has(path),
    read(path) {
      if (cache.has(path)) return cache.get(path);
      const entry = byPath.get(path);
      const candidate = candidates.get(path);
      const file = !entry || !candidate || entry.skipped || candidate.size > maxFileSize ? undefined : readCandidate(candidate, entry.kind);
      cache.set(path, file);
      return file;
    },
    isIgnored: (path) => discovery.ignoreRules.isIgnored(path),
    shared: () => [],
  };
}

function pathFilter(paths: string[]): (path: string) => boolean {
  const prefixes = paths.map((p) => p.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "")).filter((p) => p !== "" && p !== ".");
  if (prefixes.length === 0) return () => true;
  return (path) => prefixes.some((p) => path === p || path.startsWith(p + "/"));
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint);
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
