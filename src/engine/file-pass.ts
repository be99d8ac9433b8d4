// The per-file half of a scan: decode a file's bytes, run every file handler on it once,
// and return plain data (positions resolved, the reported line's excerpt). The same code runs
// in the main thread and in worker threads, so a scan's result does not depend on where it ran.
import { sniffKind } from "../core/file-kinds.js";
import { decode } from "../core/decode.js";
import { createScrubber, redact, withoutSourceText } from "../core/redact.js";
import { roleOfContent } from "../core/roles.js";
import { createSourceFile } from "../core/source-file.js";
import type { RuleInstance, RuleSink } from "./rule-instance.js";
import { parseSuppressions, SUPPRESSION_MARKER, type SuppressionDirective } from "./suppressions.js";
import type { EvidenceDescriptor, FileKind, ReportDescriptor, Role, SourceFile } from "../core/types.js";

/** A report with its place resolved to 1-based lines and columns. */
export interface ResolvedReport {
  ruleId: string;
  descriptor: Omit<ReportDescriptor, "range" | "loc">;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * The reported line cut to a window around the finding, masked with what this file's rules
   * found (see maskedExcerpts); values found in other files are masked when it becomes a finding.
   */
  excerpt?: string;
  /** Where the descriptor's secret sits in the file's text (-1: not there as written), so a result cache can keep the place instead of the value. */
  secretAt?: number;
}

export interface FileTask {
  index: number;
  path: string;
  kind: FileKind;
  size: number;
  tracked: boolean;
  role: Role;
  /** Outside the files a partial scan reports on: only project rules read it, for their facts. */
  factsOnly?: boolean;
}

export interface FileOutcome {
  index: number;
  path: string;
  /** Why the file's content was not scanned (binary, unreadable). */
  skipped?: string;
  reports: ResolvedReport[];
  shared: { ruleId: string; fact: unknown }[];
  evidence: EvidenceDescriptor[];
  notices: string[];
  directives: SuppressionDirective[];
  /** The role its content gave the file, when that differs from what its path said. */
  role?: Role;
  /** The parsers that ran on it. */
  parsed?: string[];
}

// The views that are a parse (a YAML, JSON, Python or TS/JS tree), as opposed to models built on one.
const PARSER_VIEWS = new Set(["yaml", "python", "javascript"]);

/** A finding's snippet shows at most twice this many characters of its line. */
export const SNIPPET_WIDTH = 160;

/** Findings kept per file: nobody reads more, and a crafted file with millions of matches costs nothing past it. */
export const MAX_REPORTS_PER_FILE = 200;

// Our own JSON report, SARIF log and baseline name the tool near their start; scanning them
// again would report every finding twice (and the rules' bad examples in the SARIF help).
const OWN_REPORT = /^\s*\{[\s\S]{0,400}"(?:name|tool)"\s*:\s*"carbon-secret-lint"/;

export function isOwnReport(text: string): boolean {
  if (text.trimStart()[0] !== "{") return false;
  const head = text.slice(0, 2000);
  return OWN_REPORT.test(head) && /"(?:findings|runs|checklist)"\s*:/.test(head);
}

/** A file's bytes as a source file: decoded, and read by content when its name says nothing. */
export function sourceFromBytes(
  file: { path: string; kind: FileKind; size: number; tracked: boolean; role?: Role },
  bytes: Buffer,
): { file: SourceFile; notice?: string } | { skipped: string } {
  const decoded = decode(bytes);
  if ("skipped" in decoded) return decoded;
  const kind = file.kind === "text" ? sniffKind(decoded.text) : file.kind;
  const role = file.role ? roleOfContent(file.role, file.path, decoded.text) : undefined;
  const source = createSourceFile({ path: file.path, kind, text: decoded.text, size: file.size, tracked: file.tracked, ...(role ? { role } : {}) });
  return decoded.notice ? { file: source, notice: decoded.notice } : { file: source };
}

/** A value's offset in the file, looked for from the start of its report's line, then anywhere; -1 when it is not in the text as written. */
function locateValue(file: SourceFile, value: string, line: number): number {
  const near = file.text.indexOf(value, file.offsetAt(line, 1));
  return near !== -1 ? near : file.text.indexOf(value);
}

/** The outcome of a file whose bytes could not be had (a vanished file, a failed git read). */
export function unreadableOutcome(task: FileTask, error: unknown): FileOutcome {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return { index: task.index, path: task.path, skipped: `could not be read: ${reason}`, reports: [], shared: [], evidence: [], notices: [], directives: [] };
}

/** Runs the file handlers of rules created once, file after file; one pass per thread. */
export class FilePass implements RuleSink {
  readonly active: readonly RuleInstance[];
  private outcome: FileOutcome | null = null;
  private file: SourceFile | null = null;
  private leftOut = 0;

  constructor(instances: readonly RuleInstance[]) {
    this.active = instances.filter((instance) => instance.handlers.file);
  }

  /** Decodes and scans one file; never throws for the file's content or a rule's failure. */
  async process(task: FileTask, bytes: Buffer): Promise<FileOutcome> {
    const outcome: FileOutcome = { index: task.index, path: task.path, reports: [], shared: [], evidence: [], notices: [], directives: [] };
    const read = sourceFromBytes(task, bytes);
    if ("skipped" in read) return { ...outcome, skipped: read.skipped };
    if (read.notice) outcome.notices.push(read.notice);
    const { file } = read;
    if (isOwnReport(file.text)) return { ...outcome, skipped: "a carbon-secret-lint report or baseline (its findings are already reported)" };
    this.outcome = outcome;
    this.file = file;
    this.leftOut = 0;
    try {
      await this.runHandlers(file, outcome, task.factsOnly === true);
    } finally {
      this.outcome = null;
      this.file = null;
    }
    if (outcome.reports.length >= MAX_REPORTS_PER_FILE) {
      const dropped = this.leftOut > 0 ? `; ${this.leftOut} more reported were left out` : "";
      outcome.notices.push(`${MAX_REPORTS_PER_FILE} findings are reported for this file, the most kept per file${dropped}; the rules stopped looking for more`);
    }
    if (file.role !== task.role) outcome.role = file.role;
    if (file.text.includes(SUPPRESSION_MARKER)) outcome.directives = parseSuppressions(file.text, file.kind);
    outcome.notices.push(...file.notices);
    const parsed = file.cachedViews().filter((view) => PARSER_VIEWS.has(view));
    if (parsed.length > 0) outcome.parsed = parsed.map((view) => (view === "yaml" && file.kind === "json" ? "json" : view));
    addMaskedExcerpts(file, outcome.reports);
    for (const report of outcome.reports) if (report.descriptor.secret !== undefined) report.secretAt = locateValue(file, report.descriptor.secret, report.line);
    file.dispose();
    return outcome;
  }

  private async runHandlers(file: SourceFile, outcome: FileOutcome, factsOnly: boolean): Promise<void> {
    let lower: string | undefined;
    for (const instance of this.active) {
      if (factsOnly && instance.rule.meta.scope !== "project") continue;
      const kinds = instance.rule.meta.kinds;
      if (kinds && !kinds.includes(file.kind)) continue;
      if (instance.keywords) {
        lower ??= file.text.toLowerCase();
        if (!instance.keywords.some((k) => lower!.includes(k))) continue;
      }
      try {
        await instance.run(this, () => instance.handlers.file!(file));
      } catch (error) {
        // One rule failing on one file must not lose the rest of the scan.
        outcome.notices.push(`rule ${instance.id} failed on this file: ${withoutSourceText((error as Error).message)}`);
      }
    }
  }

  report(instance: RuleInstance, descriptor: ReportDescriptor): boolean {
    const { outcome, file } = this;
    if (!outcome || !file) return false;
    if (descriptor.path && descriptor.path !== file.path) {
      outcome.notices.push(`rule ${instance.id} reported on another file from a file handler; ignored`);
      return true;
    }
    if (outcome.reports.length >= MAX_REPORTS_PER_FILE) {
      this.leftOut++;
      return false;
    }
    outcome.reports.push(resolveReport(instance.id, descriptor, file, file.path));
    return outcome.reports.length < MAX_REPORTS_PER_FILE;
  }

  evidence(descriptor: EvidenceDescriptor): void {
    this.outcome?.evidence.push(descriptor);
  }

  share(instance: RuleInstance, fact: unknown): void {
    this.outcome?.shared.push({ ruleId: instance.id, fact });
  }
}

/** Lines and columns for a report, from its offsets in `file` or its explicit place. */
export function resolveReport(ruleId: string, descriptor: ReportDescriptor, file: SourceFile | undefined, path: string): ResolvedReport {
  const { range, loc, ...rest } = descriptor;
  let line = loc?.line ?? 1;
  let column = loc?.column ?? 1;
  let endLine = loc?.endLine ?? line;
  let endColumn = loc?.endColumn ?? column;
  if (range && file) {
    const start = file.positionAt(range.start);
    const end = file.positionAt(range.end);
    ({ line, column } = start);
    endLine = end.line;
    endColumn = end.column;
  }
  return { ruleId, descriptor: rest, path, line, column, endLine, endColumn };
}

/**
 * Gives each report the masked excerpt of its line. Masking happens on the whole line, before
 * a long line is cut to a window: cut first, a value crossing the window's edge would no longer
 * match and would show in part. What a report points at is masked whatever its value (a Secret's
 * `data` reports the decoded value, but the line holds its base64), then every value this file's
 * rules found, wherever it occurs on the line. Each line is masked once, however many reports it has.
 */
export function addMaskedExcerpts(file: SourceFile, reports: ResolvedReport[]): void {
  const scrub = createScrubber(reports.flatMap((r) => (r.descriptor.secret ? [r.descriptor.secret] : [])));
  const byLine = new Map<number, ResolvedReport[]>();
  for (const report of reports) {
    const onLine = byLine.get(report.line);
    if (onLine) onLine.push(report);
    else byLine.set(report.line, [report]);
  }
  for (const [line, onLine] of byLine) {
    const text = file.lineText(line);
    // The reported ranges on this line, in order and merged, each replaced by its redacted form.
    const spans = onLine
      .filter((r) => r.descriptor.secret !== undefined)
      .map((r) => ({ start: r.column - 1, end: r.endLine === line ? r.endColumn - 1 : text.length }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start);
    let masked = "";
    let at = 0;
    const shift: { from: number; delta: number }[] = [];
    for (const span of spans) {
      if (span.end <= at) continue;
      const start = Math.max(span.start, at);
      masked += text.slice(at, start);
      const replacement = redact(text.slice(start, span.end));
      shift.push({ from: span.end, delta: replacement.length - (span.end - start) });
      masked += replacement;
      at = span.end;
    }
    masked = scrub(masked + text.slice(at));
    for (const report of onLine) {
      const column = report.column - 1 + shift.filter((s) => s.from <= report.column - 1).reduce((sum, s) => sum + s.delta, 0);
      report.excerpt = windowAround(masked, Math.max(0, column));
    }
  }
}

/** A long line's window around an index (the snippet's width, from half a width before it); a short line whole. */
function windowAround(text: string, index: number): string {
  if (text.length <= SNIPPET_WIDTH * 4) return text;
  const start = Math.max(0, index - SNIPPET_WIDTH / 2);
  return text.slice(start, start + SNIPPET_WIDTH * 2);
}
