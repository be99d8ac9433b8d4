import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import ignore from "ignore";
import { defaultOptions, loadConfig, type ResolvedConfig } from "../config/load.js";
import { renderRuleDoc } from "../core/rule-docs.js";
import { preloadParsers } from "../languages/views.js";
import { RULES } from "../rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../core/version.js";
import { rollUpChecklist } from "./checklist.js";
import { classify } from "../core/file-kinds.js";
import { discoverWorktree, type Candidate, type Discovery } from "./discover.js";
import { discoverDiff, discoverHistory, discoverStaged, type HistoryDiscovery, type ScopedDiscovery } from "./git-scopes.js";
import { enabledRules, FilePass, maskSnippets, resolveReport, sourceFromBytes, unreadableOutcome, type FileOutcome, type FileTask, type ResolvedReport } from "./file-pass.js";
import { runInWorkers, serializeConfig, threadsFor, workerScript, type PoolItem } from "./pool.js";
import { fingerprint, redact, scrub, sha256 } from "../core/redact.js";
import { parseSuppressions, SUPPRESSION_MARKER, type SuppressionDirective } from "./suppressions.js";
import {
  SEVERITY_RANK,
  type EvidenceDescriptor,
  type FileKind,
  type Finding,
  type Notice,
  type ProjectFile,
  type ProjectIndex,
  type Rule,
  type RuleContext,
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
}

/** An error the user must fix (a missing path, a broken config); the CLI exits 2. */
export class ScanError extends Error {
  override name = "ScanError";
}

interface PendingReport {
  ruleId: string;
  severity: Severity;
  report: ResolvedReport;
  commit?: { commit: string; date: string };
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
  const configured = enabledRules(options.rules ?? RULES, config, options.ruleOverrides ?? {});
  const gatherers = new Set(configured.filter((e) => gathersFacts(e.rule, config)).map((e) => e.rule.meta.id));
  const enabled = scope.kind === "staged" ? configured.filter((e) => !gatherers.has(e.rule.meta.id)) : configured;
  const needsFacts = enabled.some((e) => gatherers.has(e.rule.meta.id));
  const severityOf = new Map(enabled.map((e) => [e.rule.meta.id, e.severity]));

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
    const entry: ProjectFile = { path: candidate.path, kind: classify(candidate.path), size: candidate.size, tracked: candidate.tracked };
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
    work.push({ task: { index: work.length, path: candidate.path, kind: entry.kind, size: candidate.size, tracked: candidate.tracked, ...(factsOnly ? { factsOnly } : {}) }, candidate, entry });
  }

  const { outcomes, threads } = await runFilePass(work, enabled, config, options, notices);
  const sharedByRule = new Map<string, unknown[]>();
  let bytes = 0;
  let scannedFiles = 0;
  for (const outcome of outcomes.sort((a, b) => a.index - b.index)) {
    const { task, candidate, entry } = work[outcome.index]!;
    if (task.factsOnly) {
      // Read only so project rules know the whole project: its facts count, nothing else is reported.
      for (const { ruleId, fact } of outcome.shared) shareFact(sharedByRule, ruleId, fact);
      evidence.push(...outcome.evidence);
      continue;
    }
    for (const message of outcome.notices) notices.push({ path: outcome.path, message });
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
  runProjectRules(enabled, config, index, sharedByRule, pending, evidence, notices);

  const rulesById = new Map(enabled.map((e) => [e.rule.meta.id, e.rule]));
  const finalized = finalize(pending, { index, directives, config, notices, dedupeByFingerprint: scope.kind === "history", rulesById });
  const projectRules = new Set(enabled.filter((e) => e.rule.meta.scope === "project").map((e) => e.rule.meta.id));
  const inChange = keepChanged(finalized, discovery as Discovery & Partial<ScopedDiscovery>, scope.kind, projectRules);
  const findings = options.baseline ? applyBaseline(inChange, options.baseline, notices) : inChange;
  const suppressedCount = pending.length - findings.length;
  const reported = [...findings, ...suppressionProblems(directives, enabled, config)];
  reported.sort(compareFindings);

  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    scope: scope.kind satisfies ScanScope,
    findings: reported,
    checklist: rollUpChecklist({
      findings: reported,
      evidence,
      enabledRules: enabled.map((e) => e.rule),
      skipped: config.settings.skippedChecklist,
    }),
    stats: { files: scannedFiles, bytes, skipped, durationMs: Math.round(performance.now() - started), threads },
    notices,
    suppressed: Math.max(0, suppressedCount),
    rules: enabled.map(({ rule }) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      severity: rule.meta.severity,
      checklist: [...rule.meta.checklist],
      cwe: [...(rule.meta.cwe ?? [])],
      help: renderRuleDoc(rule),
    })),
  };
}

function shareFact(sharedByRule: Map<string, unknown[]>, ruleId: string, fact: unknown): void {
  const facts = sharedByRule.get(ruleId);
  if (facts) facts.push(fact);
  else sharedByRule.set(ruleId, [fact]);
}

/** Does a project rule read files for facts (a file handler)? Asked through an inert context. */
function gathersFacts(rule: Rule, config: ResolvedConfig): boolean {
  if (rule.meta.scope !== "project") return false;
  const inert: RuleContext = { ruleId: rule.meta.id, options: defaultOptions(rule), settings: config.settings, report: () => undefined, evidence: () => undefined, share: () => undefined };
  return typeof rule.create(inert).file === "function";
}

/** The file pass, on worker threads when there is enough work and the rules are the registry's; else here. */
async function runFilePass(
  work: { task: FileTask; candidate: Candidate }[],
  enabled: { rule: Rule; severity: Severity }[],
  config: ResolvedConfig,
  options: ScanOptions,
  notices: Notice[],
): Promise<{ outcomes: FileOutcome[]; threads: number }> {
  const totalBytes = work.reduce((sum, w) => sum + w.task.size, 0);
  const threads = options.rules ? 0 : threadsFor(work.length, totalBytes);
  const script = threads > 1 ? workerScript() : null;
  let outcomes: FileOutcome[] = [];
  let remaining = work;
  if (script) {
    // Blobs (--staged, --diff, --history) are read when a worker takes them, not all up front.
    const items: PoolItem[] = work.map(({ task, candidate }) => (candidate.absolutePath ? { task, absolutePath: candidate.absolutePath } : { task, read: () => candidate.read() }));
    const init = { rules: enabled.map((e) => ({ id: e.rule.meta.id, severity: e.severity })), config: serializeConfig(config) };
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
    const pass = new FilePass(enabled, config);
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

/** Project handlers run here, with fresh rule instances: what file handlers learnt arrives as shared facts. */
function runProjectRules(
  enabled: { rule: Rule; severity: Severity }[],
  config: ResolvedConfig,
  index: ProjectIndex,
  sharedByRule: Map<string, unknown[]>,
  pending: PendingReport[],
  evidence: EvidenceDescriptor[],
  notices: Notice[],
): void {
  for (const { rule, severity } of enabled) {
    const handlers = rule.create({
      ruleId: rule.meta.id,
      options: config.rules.get(rule.meta.id)?.options ?? defaultOptions(rule),
      settings: config.settings,
      report: (descriptor) => {
        if (!descriptor.path) {
          notices.push({ message: `rule ${rule.meta.id} reported without a path` });
          return;
        }
        const file = descriptor.range ? index.read(descriptor.path) : undefined;
        const report = resolveReport(rule.meta.id, descriptor, file, descriptor.path);
        if (file) maskSnippets([report]);
        pending.push({ ruleId: rule.meta.id, severity, report });
      },
      evidence: (descriptor) => evidence.push(descriptor),
      share: () => undefined,
    });
    if (!handlers.project) continue;
    try {
      handlers.project({ ...index, shared: () => sharedByRule.get(rule.meta.id) ?? [] });
    } catch (error) {
      notices.push({ message: `rule ${rule.meta.id} failed on the project: ${(error as Error).message}` });
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

/**
 * With --diff, a file finding stays when its line is added by the change, and a project
 * finding when it sits in a file the change touches (a new service, a .gitignore edit).
 */
function keepChanged(findings: Finding[], discovery: Discovery & Partial<ScopedDiscovery>, scope: ScanScope, projectRules: ReadonlySet<string>): Finding[] {
  if (scope !== "diff" || !discovery.addedLines) return findings;
  const added = discovery.addedLines;
  return findings.filter((f) => {
    const lines = added.get(f.path);
    if (!lines) return false;
    if (projectRules.has(f.ruleId)) return true;
    for (let line = f.line; line <= Math.max(f.line, f.endLine); line++) if (lines.has(line)) return true;
    return false;
  });
}

function applyBaseline(findings: Finding[], baseline: ReadonlySet<string>, notices: Notice[]): Finding[] {
  const seen = new Set(findings.map((f) => f.fingerprint));
  const stale = [...baseline].filter((print) => !seen.has(print));
  if (stale.length > 0) notices.push({ message: `${stale.length} baseline entr${stale.length === 1 ? "y is" : "ies are"} stale (fixed or gone): update the baseline with --update-baseline` });
  return findings.filter((f) => !baseline.has(f.fingerprint));
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

function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

function finalize(
  pending: PendingReport[],
  context: {
    index: ProjectIndex;
    directives: Map<string, SuppressionDirective[]>;
    config: ResolvedConfig;
    notices: Notice[];
    dedupeByFingerprint: boolean;
    rulesById: Map<string, Rule>;
  },
): Finding[] {
  const { index, directives, config } = context;
  const allowedPaths = config.settings.allowlist.paths.length ? ignore({ allowRelativePaths: true }).add(config.settings.allowlist.paths) : null;
  const allowedFingerprints = new Set(config.settings.allowlist.fingerprints);
  const allowedValues = new Set(config.settings.allowlist.values);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const secrets = pending.flatMap((p) => (p.report.descriptor.secret ? [p.report.descriptor.secret] : []));

  for (const { ruleId, severity: configured, report, commit } of pending) {
    const { descriptor, path, line, column, endLine, endColumn } = report;
    const meta = context.rulesById.get(ruleId)!.meta;
    const secret = descriptor.secret;
    if (secret && allowedValues.has(secret)) continue;
    const identity = secret ? sha256(secret) : (descriptor.key ?? `${descriptor.messageId}:${JSON.stringify(descriptor.data ?? {})}`);
    const print = fingerprint(ruleId, path, identity);
    if (allowedFingerprints.has(print) || allowedPaths?.ignores(path)) continue;
    // In history each secret is reported once, from the oldest blob that holds it.
    const dedupeKey = context.dedupeByFingerprint ? print : `${print}:${line}:${column}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const fileDirectives = directives.get(path) ?? directivesOf(index, path, directives);
    const directive = fileDirectives.find((d) => d.targetLine === line && d.ruleIds.includes(ruleId));
    if (directive) {
      directive.used = true;
      continue;
    }
    const template = meta.messages[descriptor.messageId] ?? descriptor.messageId;
    // The message never carries a value: scrub anything a rule let slip.
    const message = scrub(formatMessage(template, descriptor.data), secrets);
    findings.push({
      ruleId,
      severity: lowerOf(configured, descriptor.severity),
      path,
      line,
      column,
      endLine,
      endColumn,
      message,
      checklist: [...(descriptor.checklist ?? meta.checklist)],
      secret: secret ? redact(secret) : null,
      fingerprint: print,
      commit: commit?.commit ?? null,
      ...(commit ? { date: commit.date } : {}),
      ...(descriptor.confidence ? { confidence: descriptor.confidence } : {}),
      ...(report.snippet !== undefined ? { snippet: scrub(report.snippet, secrets) } : {}),
    });
  }
  return findings;
}

/** A rule may lower its own severity for one finding (an example key is info), never raise it above the configured one. */
function lowerOf(configured: Severity, requested: Severity | undefined): Severity {
  if (!requested) return configured;
  return SEVERITY_RANK[requested] < SEVERITY_RANK[configured] ? requested : configured;
}

function directivesOf(index: ProjectIndex, path: string, directives: Map<string, SuppressionDirective[]>): SuppressionDirective[] {
  const file = index.read(path);
  const parsed = file && file.text.includes(SUPPRESSION_MARKER) ? parseSuppressions(file.text, file.kind) : [];
  directives.set(path, parsed);
  return parsed;
}

function suppressionProblems(directives: Map<string, SuppressionDirective[]>, active: { rule: Rule }[], config: ResolvedConfig): Finding[] {
  const problems: Finding[] = [];
  const known = new Set([...RULES, ...active.map((a) => a.rule)].map((r) => r.meta.id));
  const enabled = new Set(active.map((a) => a.rule.meta.id));
  for (const [path, list] of directives) {
    for (const d of list) {
      const unknown = d.ruleIds.filter((id) => !known.has(id));
      let message: string | null = null;
      if (d.ruleIds.length === 0) message = "This suppression names no rule: write `carbon-secret-lint-disable-next-line <rule-id> -- reason`.";
      else if (unknown.length) message = `This suppression names unknown rule ${unknown.map((u) => `\`${u}\``).join(", ")}.`;
      else if (!d.reason) message = "This suppression gives no reason: add ` -- why this is safe` after the rule id.";
      else if (!d.used && config.reportUnusedSuppressions && d.ruleIds.every((id) => enabled.has(id)))
        message = `This suppression of ${d.ruleIds.map((u) => `\`${u}\``).join(", ")} silences nothing on line ${d.targetLine}: remove it.`;
      if (!message) continue;
      const ruleId = d.used || d.ruleIds.length === 0 || unknown.length || !d.reason ? "invalid-suppression" : "unused-suppression";
      problems.push({
        ruleId,
        severity: "warning",
        path,
        line: d.line,
        column: 1,
        endLine: d.line,
        endColumn: 1,
        message,
        checklist: [],
        secret: null,
        fingerprint: fingerprint(ruleId, path, `${d.targetLine}:${d.ruleIds.join(",")}`),
        commit: null,
      });
    }
  }
  return problems;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint);
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
