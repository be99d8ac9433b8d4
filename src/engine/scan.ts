import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import ignore from "ignore";
import { defaultOptions, loadConfig, type ResolvedConfig } from "../config/load.js";
import { renderRuleDoc } from "../docs.js";
import { RULES } from "../rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { rollUpChecklist } from "./checklist.js";
import { classify, sniffKind } from "./classify.js";
import { decode } from "./decode.js";
import { discoverWorktree, type Candidate, type Discovery } from "./discover.js";
import { discoverDiff, discoverHistory, discoverStaged, type HistoryDiscovery, type ScopedDiscovery } from "./git-scopes.js";
import { fingerprint, redact, scrub, sha256 } from "./redact.js";
import { createSourceFile } from "./source-file.js";
import { parseSuppressions, SUPPRESSION_MARKER, type SuppressionDirective } from "./suppressions.js";
import {
  SEVERITY_RANK,
  type EvidenceDescriptor,
  type Finding,
  type Notice,
  type ProjectFile,
  type ProjectIndex,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleHandlers,
  type ScanResult,
  type ScanScope,
  type Severity,
  type SkippedFile,
  type SourceFile,
} from "./types.js";

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
}

/** An error the user must fix (a missing path, a broken config); the CLI exits 2. */
export class ScanError extends Error {
  override name = "ScanError";
}

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  handlers: RuleHandlers;
  shared: unknown[];
  keywords: string[] | null;
}

interface PendingReport {
  rule: ActiveRule;
  descriptor: ReportDescriptor;
  file: SourceFile | undefined;
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
  const commitOf = new Map<SourceFile, { commit: string; date: string }>();
  const notices: Notice[] = [...discovery.notices];
  const skipped: SkippedFile[] = [];
  const evidence: EvidenceDescriptor[] = [];
  const pending: PendingReport[] = [];
  const directives = new Map<string, SuppressionDirective[]>();

  const active = activateRules(options.rules ?? RULES, config, options.ruleOverrides ?? {}, pending, evidence);
  const excluded = config.exclude.length ? ignore({ allowRelativePaths: true }).add(config.exclude) : null;
  const included = config.include.length ? ignore({ allowRelativePaths: true }).add(config.include) : null;
  const selectedPaths = options.paths?.length ? pathFilter(options.paths) : null;
  const scopeSelected = "selected" in discovery ? (discovery as ScopedDiscovery).selected : null;
  const selected = selectedPaths || scopeSelected ? (path: string) => (!selectedPaths || selectedPaths(path)) && (!scopeSelected || scopeSelected.has(path)) : null;

  const projectFiles: ProjectFile[] = [];
  const readCache = new Map<string, SourceFile>();
  let bytes = 0;
  let scannedFiles = 0;

  for (const candidate of discovery.candidates) {
    if (excluded?.ignores(candidate.path) || (included && !included.ignores(candidate.path))) continue;
    const kind = classify(candidate.path);
    const entry: ProjectFile = { path: candidate.path, kind, size: candidate.size, tracked: candidate.tracked };
    projectFiles.push(entry);
    if (selected && !selected(candidate.path)) continue;
    if (candidate.size > maxFileSize) {
      entry.skipped = `larger than the ${formatSize(maxFileSize)} limit (${formatSize(candidate.size)}); name rules still apply`;
      skipped.push({ path: candidate.path, reason: entry.skipped });
      continue;
    }
    const file = readCandidate(candidate, kind, entry, skipped, notices);
    if (!file) continue;
    const introduced = introducedBy?.get(candidate);
    if (introduced) commitOf.set(file, introduced);
    scannedFiles++;
    bytes += candidate.size;
    if (file.text.includes(SUPPRESSION_MARKER)) directives.set(file.path, parseSuppressions(file.text, file.kind));
    await runFileRules(active, file, notices);
    for (const message of file.notices) notices.push({ path: file.path, message });
    file.dispose();
  }

  const index = createProjectIndex(root, discovery, projectFiles, readCache, maxFileSize, scope.kind);
  for (const rule of active) {
    if (!rule.handlers.project) continue;
    try {
      rule.handlers.project({ ...index, shared: () => rule.shared });
    } catch (error) {
      notices.push({ message: `rule ${rule.rule.meta.id} failed on the project: ${(error as Error).message}` });
    }
  }

  const finalized = finalize(pending, { index, directives, config, notices, commitOf, dedupeByFingerprint: scope.kind === "history" });
  const projectRules = new Set(active.filter((a) => a.rule.meta.scope === "project").map((a) => a.rule.meta.id));
  const inChange = keepChanged(finalized, discovery as Discovery & Partial<ScopedDiscovery>, scope.kind, projectRules);
  const findings = options.baseline ? applyBaseline(inChange, options.baseline, notices) : inChange;
  const suppressedCount = pending.length - findings.length;
  const reported = [...findings, ...suppressionProblems(directives, active, config)];
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
      enabledRules: active.map((a) => a.rule),
      skipped: config.settings.skippedChecklist,
    }),
    stats: { files: scannedFiles, bytes, skipped, durationMs: Math.round(performance.now() - started) },
    notices,
    suppressed: Math.max(0, suppressedCount),
    rules: active.map(({ rule }) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      severity: rule.meta.severity,
      checklist: [...rule.meta.checklist],
      cwe: [...(rule.meta.cwe ?? [])],
      help: renderRuleDoc(rule),
    })),
  };
}

function activateRules(
  rules: readonly Rule[],
  config: ResolvedConfig,
  overrides: Record<string, Severity | "off">,
  pending: PendingReport[],
  evidence: EvidenceDescriptor[],
): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = overrides[rule.meta.id] ?? config.rules.get(rule.meta.id)?.severity ?? rule.meta.severity;
    if (setting === "off") continue;
    const entry = { rule, severity: setting, shared: [] as unknown[], keywords: rule.meta.keywords?.map((k) => k.toLowerCase()) ?? null } as ActiveRule;
    let currentFile: SourceFile | undefined;
    const context: RuleContext = {
      ruleId: rule.meta.id,
      options: config.rules.get(rule.meta.id)?.options ?? defaultOptions(rule),
      settings: config.settings,
      report: (descriptor) => pending.push({ rule: entry, descriptor, file: descriptor.path && descriptor.path !== currentFile?.path ? undefined : currentFile }),
      evidence: (descriptor) => evidence.push(descriptor),
      share: (fact) => entry.shared.push(fact),
    };
    const handlers = rule.create(context);
    // Reports from a file handler belong to that file; the engine tells the context which.
    if (handlers.file) {
      const handleFile = handlers.file.bind(handlers);
      handlers.file = async (file) => {
        currentFile = file;
        try {
          await handleFile(file);
        } finally {
          currentFile = undefined;
        }
      };
    }
    entry.handlers = handlers;
    active.push(entry);
  }
  return active;
}

function readCandidate(candidate: Candidate, kind: ReturnType<typeof classify>, entry: ProjectFile, skipped: SkippedFile[], notices: Notice[]): SourceFile | undefined {
  let buffer: Buffer;
  try {
    buffer = candidate.read();
  } catch (error) {
    entry.skipped = `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    skipped.push({ path: candidate.path, reason: entry.skipped });
    return undefined;
  }
  const decoded = decode(buffer);
  if ("skipped" in decoded) {
    entry.skipped = decoded.skipped;
    skipped.push({ path: candidate.path, reason: decoded.skipped });
    return undefined;
  }
  if (decoded.notice) notices.push({ path: candidate.path, message: decoded.notice });
  const readAs = kind === "text" ? sniffKind(decoded.text) : kind;
  return createSourceFile({ path: candidate.path, kind: readAs, text: decoded.text, size: candidate.size, tracked: candidate.tracked });
}

async function runFileRules(active: ActiveRule[], file: SourceFile, notices: Notice[]): Promise<void> {
  let lower: string | undefined;
  for (const rule of active) {
    const handle = rule.handlers.file;
    if (!handle) continue;
    const kinds = rule.rule.meta.kinds;
    if (kinds && !kinds.includes(file.kind)) continue;
    if (rule.keywords) {
      lower ??= file.text.toLowerCase();
      if (!rule.keywords.some((k) => lower!.includes(k))) continue;
    }
    try {
      await handle(file);
    } catch (error) {
      // One rule failing on one file must not lose the rest of the scan.
      notices.push({ path: file.path, message: `rule ${rule.rule.meta.id} failed on this file: ${(error as Error).message}` });
    }
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

function createProjectIndex(
  root: string,
  discovery: Discovery,
  files: ProjectFile[],
  cache: Map<string, SourceFile>,
  maxFileSize: number,
  scope: ScanScope,
): ProjectIndex {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const candidates = new Map(discovery.candidates.map((c) => [c.path, c]));
  return {
    root,
    inGit: discovery.inGit,
    scope,
    files,
    has: (path) => byPath.has(path),
    read(path) {
      const cached = cache.get(path);
      if (cached) return cached;
      const entry = byPath.get(path);
      const candidate = candidates.get(path);
      if (!entry || !candidate || entry.skipped || candidate.size > maxFileSize) return undefined;
      const file = readCandidate(candidate, entry.kind, { ...entry }, [], []);
      if (file) cache.set(path, file);
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
    commitOf: Map<SourceFile, { commit: string; date: string }>;
    dedupeByFingerprint: boolean;
  },
): Finding[] {
  const { index, directives, config } = context;
  const allowedPaths = config.settings.allowlist.paths.length ? ignore({ allowRelativePaths: true }).add(config.settings.allowlist.paths) : null;
  const allowedFingerprints = new Set(config.settings.allowlist.fingerprints);
  const allowedValues = new Set(config.settings.allowlist.values);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const secrets = pending.flatMap((p) => (p.descriptor.secret ? [p.descriptor.secret] : []));

  for (const { rule, descriptor, file: handledFile } of pending) {
    const meta = rule.rule.meta;
    const path = descriptor.path ?? handledFile?.path;
    if (!path) {
      context.notices.push({ message: `rule ${meta.id} reported without a path` });
      continue;
    }
    const file = handledFile ?? (descriptor.range ? index.read(path) : undefined);
    let line = descriptor.loc?.line ?? 1;
    let column = descriptor.loc?.column ?? 1;
    let endLine = descriptor.loc?.endLine ?? line;
    let endColumn = descriptor.loc?.endColumn ?? column;
    if (descriptor.range && file) {
      const start = file.positionAt(descriptor.range.start);
      const end = file.positionAt(descriptor.range.end);
      ({ line, column } = start);
      endLine = end.line;
      endColumn = end.column;
    }
    const secret = descriptor.secret;
    if (secret && allowedValues.has(secret)) continue;
    const identity = secret ? sha256(secret) : (descriptor.key ?? `${descriptor.messageId}:${JSON.stringify(descriptor.data ?? {})}`);
    const print = fingerprint(meta.id, path, identity);
    if (allowedFingerprints.has(print) || allowedPaths?.ignores(path)) continue;
    // In history each secret is reported once, from the oldest blob that holds it.
    const dedupeKey = context.dedupeByFingerprint ? print : `${print}:${line}:${column}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const fileDirectives = directives.get(path) ?? directivesOf(index, path, directives);
    const directive = fileDirectives.find((d) => d.targetLine === line && d.ruleIds.includes(meta.id));
    if (directive) {
      directive.used = true;
      continue;
    }
    const template = meta.messages[descriptor.messageId] ?? descriptor.messageId;
    // The message never carries a value: scrub anything a rule let slip.
    const message = scrub(formatMessage(template, descriptor.data), secrets);
    const severity = lowerOf(rule.severity, descriptor.severity);
    findings.push({
      ruleId: meta.id,
      severity,
      path,
      line,
      column,
      endLine,
      endColumn,
      message,
      checklist: [...(descriptor.checklist ?? meta.checklist)],
      secret: secret ? redact(secret) : null,
      fingerprint: print,
      commit: (handledFile && context.commitOf.get(handledFile)?.commit) ?? null,
      ...(handledFile && context.commitOf.has(handledFile) ? { date: context.commitOf.get(handledFile)!.date } : {}),
      ...(descriptor.confidence ? { confidence: descriptor.confidence } : {}),
      ...(file ? { snippet: maskedLine(file, line, column, secrets) } : {}),
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

function suppressionProblems(directives: Map<string, SuppressionDirective[]>, active: ActiveRule[], config: ResolvedConfig): Finding[] {
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

const SNIPPET_WIDTH = 160;

/** The reported line with every detected value masked, cut to a window around the column on long lines. */
function maskedLine(file: SourceFile, line: number, column: number, secrets: string[]): string {
  let text = file.lineText(line);
  if (text.length > SNIPPET_WIDTH * 4) {
    const start = Math.max(0, column - 1 - SNIPPET_WIDTH / 2);
    text = text.slice(start, start + SNIPPET_WIDTH * 2);
  }
  const masked = scrub(text, secrets);
  return masked.length > SNIPPET_WIDTH * 2 ? masked.slice(0, SNIPPET_WIDTH * 2) + "…" : masked;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
