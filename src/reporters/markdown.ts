import { redact } from "../core/redact.js";
import type { ChecklistStatus, Finding, ScanResult, Severity } from "../core/types.js";
import { capped, noWorkflowCommands, visible } from "./text.js";

/** What the Action knows beside the scan on a pull request, for the reviewer. */
export interface PullRequestNotes {
  /** The configuration and the baseline came from this base commit, not from the pull request. */
  settingsFrom?: {
    commit: string;
    /** The configuration file read there, or null: the base has none, so the defaults apply. */
    config: string | null;
    /** The baseline file read there, or null: the base has none; absent when no baseline was asked for. */
    baseline?: string | null;
  };
  /** Suppression comments on lines the pull request adds: they silence findings of its own scan. */
  addedSuppressions?: readonly AddedSuppression[];
}

export interface AddedSuppression {
  path: string;
  line: number;
  ruleIds: readonly string[];
  reason: string | null;
}

/** Rows of findings a summary shows before it says how many more there are (GitHub caps a job summary at 1 MiB). */
export const MAX_FINDING_ROWS = 200;
const EVIDENCE_WIDTH = 200;
const MESSAGE_WIDTH = 500;
const PATH_WIDTH = 300;
/** The summary stops listing rows past this size, well under GitHub's 1 MiB limit for a job summary. */
export const MAX_SUMMARY_CHARS = 900_000;
/** Rows of suppressions a pull request adds that a summary lists. */
const MAX_SUPPRESSION_ROWS = 100;
const REASON_WIDTH = 300;

const STATUS: Record<ChecklistStatus, { emoji: string; label: string }> = {
  pass: { emoji: "✅", label: "pass" },
  fail: { emoji: "❌", label: "fail" },
  unknown: { emoji: "❔", label: "unknown" },
  "not-applicable": { emoji: "➖", label: "n/a" },
};

const SEVERITY: Record<Severity, string> = { error: "🔴 error", warning: "🟠 warning", info: "🔵 info" };

/**
 * The scan as GitHub-flavoured Markdown for a job summary: a heading, a one-line total, the
 * checklist as a table, and the findings grouped by file. Values arrive already redacted; the
 * text of every cell is escaped so a message cannot break the table or inject markup. On a pull
 * request, where the settings came from and the suppressions it adds come first.
 */
export function formatMarkdown(result: ScanResult, notes: PullRequestNotes = {}): string {
  const out: string[] = [`## ${result.tool.name} ${escapeText(result.tool.version)}`, "", total(result), ""];
  if (notes.settingsFrom) out.push(settingsNote(notes.settingsFrom), "");
  if (notes.addedSuppressions?.length) out.push(...suppressionsTable(notes.addedSuppressions));

  out.push("### Security checklist", "", "| | Item | Checklist | Evidence |", "| --- | --- | --- | --- |");
  for (const item of result.checklist) {
    const status = STATUS[item.status];
    const more = item.evidence.length > 1 ? ` (+${item.evidence.length - 1} more)` : "";
    out.push(`| ${status.emoji} ${status.label} | \`${item.id}\` | ${cell(item.title)} | ${cell(capped(item.evidence[0] ?? "", EVIDENCE_WIDTH))}${more} |`);
  }
  out.push("");

  out.push("### Findings", "");
  if (result.findings.length === 0) {
    out.push("No findings.", "");
    return out.join("\n");
  }
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding]);
  let rows = 0;
  let size = out.reduce((n, line) => n + line.length + 1, 0);
  const full = () => rows >= MAX_FINDING_ROWS || size >= MAX_SUMMARY_CHARS;
  const push = (...lines: string[]) => {
    out.push(...lines);
    size += lines.reduce((n, line) => n + line.length + 1, 0);
  };
  for (const [path, findings] of byFile) {
    if (full()) break;
    push(`#### ${code(capped(path, PATH_WIDTH))}`, "", "| Severity | Line | Rule | Message |", "| --- | ---: | --- | --- |");
    for (const finding of findings) {
      if (full()) break;
      rows++;
      push(`| ${SEVERITY[finding.severity]} | ${finding.line} | \`${finding.ruleId}\` | ${cell(capped(finding.message, MESSAGE_WIDTH))} |`);
    }
    push("");
  }
  const hidden = result.findings.length - rows;
  if (hidden > 0) out.push(`…and ${hidden} more finding${hidden === 1 ? "" : "s"} (run \`${result.tool.name} --format json\` for all of them).`, "");
  return noWorkflowCommands(out.join("\n"));
}

function settingsNote(from: NonNullable<PullRequestNotes["settingsFrom"]>): string {
  const config = from.config ? code(from.config) : "no configuration file there: the defaults apply";
  const baseline = from.baseline === undefined ? "" : ` Baseline: ${from.baseline ? code(from.baseline) : "no baseline file there, so no finding is hidden"}.`;
  return (
    `> Pull request: the configuration and the baseline come from the base commit ${code(from.commit.slice(0, 12))}, ` +
    `not from the pull request, so it cannot change what its own scan reports. Configuration: ${config}.${baseline}`
  );
}

function suppressionsTable(suppressions: readonly AddedSuppression[]): string[] {
  const rows = suppressions.slice(0, MAX_SUPPRESSION_ROWS).map((s) => {
    const rules = s.ruleIds.length ? s.ruleIds.map((id) => `\`${id}\``).join(", ") : "(none named)";
    const reason = s.reason ? cell(capped(maskLongRuns(s.reason), REASON_WIDTH)) : "*(no reason given)*";
    return `| ${code(`${capped(s.path, PATH_WIDTH)}:${s.line}`)} | ${rules} | ${reason} |`;
  });
  const hidden = suppressions.length - rows.length;
  return [
    "### Suppressions this pull request adds",
    "",
    "These comments silence findings in this scan, and the pull request wrote them: check that each one is deserved.",
    "",
    "| Where | Rules | Reason |",
    "| --- | --- | --- |",
    ...rows,
    ...(hidden > 0 ? ["", `…and ${hidden} more.`] : []),
    "",
  ];
}

// A reason is the contributor's text: an unbroken run long enough to be a pasted value is shown redacted.
function maskLongRuns(text: string): string {
  return text.replace(/\S{20,}/g, (run) => redact(run));
}

function total(result: ScanResult): string {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
  const items = (s: ChecklistStatus) => result.checklist.filter((c) => c.status === s).length;
  const files = result.stats.files;
  return (
    `**${errors} error${errors === 1 ? "" : "s"}**, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info` +
    ` · checklist ${items("pass")} pass, ${items("fail")} fail, ${items("unknown")} unknown, ${items("not-applicable")} n/a` +
    ` · ${files} file${files === 1 ? "" : "s"} scanned` +
    (result.suppressed > 0 ? ` · ${result.suppressed} suppressed` : "")
  );
}

/**
 * Text for a table cell. Outside code spans: HTML-escaped (GitHub renders inline HTML) and
 * newlines as `<br>`. Inside code spans, which show their text literally, entities would show
 * as `&lt;`, so only newlines change (to spaces). Pipes are escaped everywhere: GFM splits
 * table cells on `|` before it reads code spans.
 */
export function cell(text: string): string {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("`", at);
    if (open === -1) break;
    let run = open;
    while (text.charAt(run) === "`") run++;
    const fence = text.slice(open, run);
    const close = findFence(text, run, fence);
    if (close === -1) {
      // a lone backtick is text
      pieces.push(prose(text.slice(at, run)));
      at = run;
      continue;
    }
    pieces.push(prose(text.slice(at, open)), fence + inCode(text.slice(run, close)).replace(/\|/g, "\\|") + fence);
    at = close + fence.length;
  }
  pieces.push(prose(text.slice(at)));
  return pieces.join("");
}

// The next run of exactly as many backticks as the opening one.
function findFence(text: string, from: number, fence: string): number {
  for (let i = text.indexOf(fence, from); i !== -1; i = text.indexOf(fence, i + 1)) {
    const before = text.charAt(i - 1);
    const after = text.charAt(i + fence.length);
    if (before !== "`" && after !== "`") return i;
    while (text.charAt(i) === "`") i++;
  }
  return -1;
}

// Line breaks of any kind (a lone CR ends a line too) become <br>; other controls show as escapes.
function prose(text: string): string {
  return visible(escapeText(text).replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, "<br>"));
}

// Code spans show text literally and end at a line break: every break becomes a space.
function inCode(text: string): string {
  return visible(text.replace(/\r\n|\r|\n/g, " "));
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A path as inline code, with a fence long enough for any backticks in it. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${inCode(text)}${pad}${fence}`;
}

