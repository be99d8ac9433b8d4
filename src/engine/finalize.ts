// From what rules reported to what the scan says: small named steps, in this order.
//   allowlist → fingerprint → dedupe → suppress → role (the file's role caps or hides it)
//   → finding (message, redaction, masked snippet) → one finding per value and line
//   then, on the findings: keep what the change adds (--diff) → baseline
// and the problems with suppression comments, found on the way, become findings of their own.
import ignore from "ignore";
import type { ResolvedConfig } from "../config/load.js";
import { createScrubber, fingerprint, redact, sha256 } from "../core/redact.js";
import { severityInRole, type Role } from "../core/roles.js";
import { lowerSeverity, type Finding, type Notice, type ProjectIndex, type Rule, type Severity } from "../core/types.js";
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from "./diagnostics.js";
import { SNIPPET_WIDTH, type ResolvedReport } from "./file-pass.js";
import { parseSuppressions, SUPPRESSION_MARKER, type SuppressionDirective } from "./suppressions.js";

export interface PendingReport {
  ruleId: string;
  severity: Severity;
  report: ResolvedReport;
  commit?: { commit: string; date: string };
}

/** Findings kept per scan: past this, a repository is reported in bulk, and memory stays bounded. */
export const MAX_FINDINGS_PER_SCAN = 50_000;

export interface FinalizeContext {
  index: ProjectIndex;
  /** Suppression comments by path, as the file pass found them; files read later are added. */
  directives: Map<string, SuppressionDirective[]>;
  config: ResolvedConfig;
  /** In history each secret is reported once, from the oldest blob that holds it. */
  oncePerFingerprint: boolean;
  rulesById: ReadonlyMap<string, Rule>;
  /** Masks every value any rule found in the scan (a finding's line, a notice). */
  scrubValues: (text: string) => string;
  /** The role of a file, as the scan decided it. */
  roleOf: (path: string) => Role;
  notices: Notice[];
}

export interface Finalized {
  findings: Finding[];
  /** Reports of file rules in files whose role does not report them (tests, fixtures…). */
  hiddenByRole: number;
}

export function finalize(pending: readonly PendingReport[], context: FinalizeContext): Finalized {
  const allowlist = allowlistOf(context.config);
  const scrubLine = context.scrubValues;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  let leftOut = 0;
  let hiddenByRole = 0;
  const valueOf = new Map<Finding, string>();
  for (const item of pending) {
    if (allowlist.value(item)) continue;
    const print = fingerprintOf(item);
    if (allowlist.finding(print, item.report.path)) continue;
    if (!firstOccurrence(seen, item, print, context.oncePerFingerprint)) continue;
    if (suppressed(item, context)) continue;
    const rule = context.rulesById.get(item.ruleId)!;
    const role = context.roleOf(item.report.path);
    const severity = severityFor(item, rule, role, context.config);
    if (severity === null) {
      hiddenByRole++;
      continue;
    }
    if (findings.length === MAX_FINDINGS_PER_SCAN) {
      leftOut++;
      continue;
    }
    const finding = toFinding(item, print, rule, role, severity, scrubLine);
    if (item.report.descriptor.secret) valueOf.set(finding, sha256(item.report.descriptor.secret));
    findings.push(finding);
  }
  if (leftOut > 0) context.notices.push({ message: `${MAX_FINDINGS_PER_SCAN} findings are reported for this scan; ${leftOut} more were left out` });
  return { findings: oneFindingPerValue(findings, valueOf, context.rulesById), hiddenByRole };
}

/**
 * A value on a line reported by a rule and by one that says it more precisely (meta.supersedes)
 * is one problem: the precise finding stays, with both findings' checklist items. The same
 * value, or overlapping ones (a DSN, and the password inside it), count as one.
 */
function oneFindingPerValue(findings: Finding[], valueOf: ReadonlyMap<Finding, string>, rulesById: ReadonlyMap<string, Rule>): Finding[] {
  const byPlace = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!valueOf.has(finding)) continue;
    const key = `${finding.path}\0${finding.line}`;
    const group = byPlace.get(key);
    if (group) group.push(finding);
    else byPlace.set(key, [finding]);
  }
  const sameValue = (a: Finding, b: Finding) =>
    valueOf.get(a) === valueOf.get(b) || (a.line === a.endLine && b.line === b.endLine && a.column < b.endColumn && b.column < a.endColumn);
  const replaced = new Set<Finding>();
  for (const group of byPlace.values()) {
    if (group.length < 2) continue;
    for (const precise of group) {
      const supersedes = rulesById.get(precise.ruleId)?.meta.supersedes ?? [];
      for (const other of group) {
        if (other === precise || replaced.has(precise) || !supersedes.includes(other.ruleId) || !sameValue(precise, other)) continue;
        replaced.add(other);
        for (const item of other.checklist) if (!precise.checklist.includes(item)) precise.checklist.push(item);
      }
    }
  }
  return replaced.size === 0 ? findings : findings.filter((f) => !replaced.has(f));
}

/**
 * The finding's severity: the configured one, lowered by the rule for this finding (an example
 * key is info), then capped by the role of its file. Project rules judge the repository as a
 * whole, so their findings keep their severity wherever they point. Null: not reported.
 */
function severityFor({ severity, report }: PendingReport, rule: Rule, role: Role, config: ResolvedConfig): Severity | null {
  const own = lowerSeverity(severity, report.descriptor.severity);
  if (rule.meta.scope === "project") return own;
  return severityInRole(own, report.descriptor.looksLive, role, config.roles.severity[role]);
}

function allowlistOf(config: ResolvedConfig) {
  const { paths, fingerprints, values } = config.settings.allowlist;
  const allowedPaths = paths.length ? ignore({ allowRelativePaths: true }).add(paths) : null;
  const allowedFingerprints = new Set(fingerprints);
  const allowedValues = new Set(values);
  return {
    value: (item: PendingReport) => item.report.descriptor.secret !== undefined && allowedValues.has(item.report.descriptor.secret),
    finding: (print: string, path: string) => allowedFingerprints.has(print) || (allowedPaths?.ignores(path) ?? false),
  };
}

/** Stable across runs and line moves: the rule, the path, and the value's hash (or what else identifies the finding). */
function fingerprintOf({ ruleId, report }: PendingReport): string {
  const { secret, key, messageId, data } = report.descriptor;
  const identity = secret ? sha256(secret) : (key ?? `${messageId}:${JSON.stringify(data ?? {})}`);
  return fingerprint(ruleId, report.path, identity);
}

/** The same finding reported twice at one place (or, in history, anywhere) is kept once. */
function firstOccurrence(seen: Set<string>, { report }: PendingReport, print: string, oncePerFingerprint: boolean): boolean {
  const key = oncePerFingerprint ? print : `${print}:${report.line}:${report.column}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** A suppression comment for this rule on this line, with a reason, silences it and counts as used; one without a reason silences nothing. */
function suppressed({ ruleId, report }: PendingReport, context: FinalizeContext): boolean {
  const directive = directivesOf(report.path, context).find((d) => d.targetLine === report.line && d.ruleIds.includes(ruleId) && d.reason !== null);
  if (directive) directive.used = true;
  return directive !== undefined;
}

function directivesOf(path: string, { directives, index }: FinalizeContext): SuppressionDirective[] {
  const known = directives.get(path);
  if (known) return known;
  const file = index.read(path);
  const parsed = file && file.text.includes(SUPPRESSION_MARKER) ? parseSuppressions(file.text, file.kind) : [];
  directives.set(path, parsed);
  return parsed;
}

function toFinding({ ruleId, report, commit }: PendingReport, print: string, rule: Rule, role: Role, severity: Severity, scrubLine: (text: string) => string): Finding {
  const { descriptor, path, line, column, endLine, endColumn } = report;
  const template = rule.meta.messages[descriptor.messageId] ?? descriptor.messageId;
  // The message masks this finding's value only: masking every value of the scan turned the
  // words around them into `****` (a key named like someone's password).
  const scrub = createScrubber(descriptor.secret ? [descriptor.secret] : []);
  return {
    ruleId,
    severity,
    path,
    role,
    line,
    column,
    endLine,
    endColumn,
    // The message never carries the value: scrub it if a rule let it slip.
    message: formatMessage(template, descriptor.data, (field, value) => (isNameThatIsTheValue(field, value, descriptor.secret) ? value : scrub(value))),
    checklist: [...(descriptor.checklist ?? rule.meta.checklist)],
    secret: descriptor.secret ? redact(descriptor.secret) : null,
    fingerprint: print,
    commit: commit?.commit ?? null,
    ...(commit ? { date: commit.date } : {}),
    ...(descriptor.confidence ? { confidence: descriptor.confidence } : {}),
    ...(report.excerpt !== undefined ? { snippet: maskedSnippet(scrubLine(report.excerpt)) } : {}),
  };
}

function formatMessage(template: string, data: Record<string, string | number> = {}, scrubValue: (field: string, value: string) => string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? messageValue(scrubValue(key, String(data[key]))) : whole));
}

/** Fields that name where a value sits (a key, a service, a variable), never the value itself. */
const NAME_FIELDS: ReadonlySet<string> = new Set(["key", "name", "service", "variable"]);

/**
 * A name that is the value whole (`postgres:` service with `POSTGRES_PASSWORD: postgres`) is
 * shown: the file discloses the value by its name, and masking it left "Compose service `****`".
 */
function isNameThatIsTheValue(field: string, value: string, secret: string | undefined): boolean {
  return secret !== undefined && ((NAME_FIELDS.has(field) && value === secret) || isRepositoryPathField(field));
}

/**
 * A field named `…File` holds the path of a scanned file (`valuesFile`, `keyFile`): shown as is,
 * as the finding's own location is. A folder named like a weak password (incubator/druid with
 * `mysqlPassword: druid`) is not the value leaking.
 */
function isRepositoryPathField(field: string): boolean {
  return field.endsWith("File");
}

// What a rule puts in a message (a key, a service, an entry point and its path) comes from the file: one line of it, and not a long one.
const MAX_MESSAGE_VALUE = 240;

function messageValue(value: string): string {
  const lastLine = value.includes("\n") ? "…" + value.slice(value.lastIndexOf("\n") + 1) : value;
  return lastLine.length > MAX_MESSAGE_VALUE ? lastLine.slice(0, MAX_MESSAGE_VALUE - 1) + "…" : lastLine;
}


/** The masked line, cut to the snippet's width. */
function maskedSnippet(masked: string): string {
  return masked.length > SNIPPET_WIDTH * 2 ? masked.slice(0, SNIPPET_WIDTH * 2) + "…" : masked;
}

/**
 * With --diff, a file finding stays when its line is added by the change, and a project
 * finding when it sits in a file the change touches (a new service, a .gitignore edit).
 */
export function keepAdded(findings: Finding[], addedLines: ReadonlyMap<string, ReadonlySet<number>>, projectRules: ReadonlySet<string>): Finding[] {
  return findings.filter((f) => {
    const lines = addedLines.get(f.path);
    if (!lines) return false;
    if (projectRules.has(f.ruleId)) return true;
    for (let line = f.line; line <= Math.max(f.line, f.endLine); line++) if (lines.has(line)) return true;
    return false;
  });
}

export function applyBaseline(findings: Finding[], baseline: ReadonlySet<string>, notices: Notice[]): Finding[] {
  const seen = new Set(findings.map((f) => f.fingerprint));
  const stale = [...baseline].filter((print) => !seen.has(print));
  if (stale.length > 0) notices.push({ message: `${stale.length} baseline entr${stale.length === 1 ? "y is" : "ies are"} stale (fixed or gone): update the baseline with --update-baseline` });
  return findings.filter((f) => !baseline.has(f.fingerprint));
}

/** Suppression comments that are malformed, name unknown rules, or (when asked) silence nothing. */
export function suppressionProblems(
  directives: ReadonlyMap<string, readonly SuppressionDirective[]>,
  known: ReadonlySet<string>,
  enabled: ReadonlySet<string>,
  reportUnused: boolean,
  roleOf: (path: string) => Role,
): Finding[] {
  const problems: Finding[] = [];
  for (const [path, list] of directives) {
    for (const d of list) {
      const unknown = d.ruleIds.filter((id) => !known.has(id));
      let message: string | null = null;
      if (d.ruleIds.length === 0) message = "This suppression names no rule: write `carbon-secret-lint-disable-next-line <rule-id> -- reason`.";
      else if (unknown.length) message = `This suppression names unknown rule ${unknown.map((u) => `\`${u}\``).join(", ")}.`;
      else if (!d.reason) message = "This suppression gives no reason, so it silences nothing: add ` -- why this is safe` after the rule id.";
      else if (!d.used && reportUnused && d.ruleIds.every((id) => enabled.has(id)))
        message = `This suppression of ${d.ruleIds.map((u) => `\`${u}\``).join(", ")} silences nothing on line ${d.targetLine}: remove it.`;
      if (!message) continue;
      const diagnostic = d.used || d.ruleIds.length === 0 || unknown.length || !d.reason ? INVALID_SUPPRESSION : UNUSED_SUPPRESSION;
      problems.push({
        ruleId: diagnostic.id,
        severity: diagnostic.severity,
        path,
        role: roleOf(path),
        line: d.line,
        column: 1,
        endLine: d.line,
        endColumn: 1,
        message,
        checklist: [],
        secret: null,
        fingerprint: fingerprint(diagnostic.id, path, `${d.targetLine}:${d.ruleIds.join(",")}`),
        commit: null,
      });
    }
  }
  return problems;
}
