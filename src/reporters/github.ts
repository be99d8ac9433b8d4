import type { Finding, ScanResult, Severity } from "../core/types.js";

const COMMANDS: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** GitHub shows at most this many annotations of one type per step. */
export const ANNOTATIONS_PER_TYPE = 10;

// Workflow-command escaping: the message escapes %, CR and LF; properties also : and ,.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.path)}`,
    `line=${f.line}`,
    `endLine=${Math.max(f.endLine, f.line)}`,
    ...(f.endLine === f.line ? [`col=${f.column}`, `endColumn=${Math.max(f.endColumn, f.column)}`] : []),
    `title=${escapeProperty(`${f.ruleId}${f.checklist.length ? ` (${f.checklist.join(", ")})` : ""}`)}`,
  ];
  return `::${COMMANDS[f.severity]} ${props.join(",")}::${escapeData(f.message)}`;
}

/** Workflow-command annotations, most severe first, at most ten of each type; the rest are counted. */
export function formatGithub(result: ScanResult): string {
  const lines: string[] = [];
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...result.findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let hidden = 0;
  for (const f of sorted) {
    if (shown[f.severity] >= ANNOTATIONS_PER_TYPE) {
      hidden++;
      continue;
    }
    shown[f.severity]++;
    lines.push(annotation(f));
  }
  if (hidden > 0) {
    lines.push(`::notice title=carbon-secret-lint::${hidden} more finding${hidden === 1 ? "" : "s"} not annotated (GitHub shows ten of each kind per step): see the job summary or the SARIF report`);
  }
  const failing = result.checklist.filter((c) => c.status === "fail").map((c) => c.id);
  lines.push(`carbon-secret-lint: ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}; checklist failing: ${failing.length ? failing.join(", ") : "none"}`);
  return lines.join("\n") + "\n";
}
