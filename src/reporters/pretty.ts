import { Chalk, type ChalkInstance } from "chalk";
import type { ChecklistStatus, Finding, ScanResult, Severity } from "../core/types.js";
import { capped, noWorkflowCommands, visible } from "./text.js";

export interface PrettyOptions {
  color: boolean;
  quiet?: boolean;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: "error", warning: "warn", info: "info" };

/** How much of a message, a path or a code line a terminal is shown. */
const MESSAGE_WIDTH = 500;
const PATH_WIDTH = 300;
const FRAME_WIDTH = 160;

/** The terminal report: findings grouped by file with a masked code frame, the checklist, one summary line. */
export function formatPretty(result: ScanResult, options: PrettyOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const findings = options.quiet ? result.findings.filter((f) => f.severity === "error") : result.findings;
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.path, [...(byFile.get(f.path) ?? []), f]);
  for (const [path, list] of byFile) {
    out.push(c.underline(capped(visible(path), PATH_WIDTH)));
    for (const f of list) {
      out.push(`  ${c.dim(`${f.line}:${f.column}`.padEnd(8))} ${severity(c, f.severity)}  ${capped(visible(f.message), MESSAGE_WIDTH)}  ${c.dim(f.role === "deployable" ? f.ruleId : `${f.ruleId} (${f.role})`)}`);
      if (f.snippet !== undefined && f.snippet.trim() !== "") {
        const frame = codeFrame(f.snippet.trimEnd(), f.column);
        out.push(c.dim(`  ${String(f.line).padStart(6)} | `) + frame.text);
        out.push(c.dim(`         | `) + c.red(" ".repeat(frame.caret) + "^"));
      }
    }
    out.push("");
  }
  if (!options.quiet) {
    out.push(c.bold("Security checklist"));
    const width = Math.max(...result.checklist.map((i) => i.id.length));
    for (const item of result.checklist) {
      const first = item.evidence[0] ?? "";
      const more = item.evidence.length > 1 ? c.dim(` (+${item.evidence.length - 1} more)`) : "";
      out.push(`  ${status(c, item.status)} ${item.id.padEnd(width)}  ${c.dim(capped(visible(first), 110))}${more}`);
    }
    out.push("");
    for (const s of result.stats.skipped) out.push(c.dim(`skipped ${capped(visible(s.path), PATH_WIDTH)}: ${capped(visible(s.reason), MESSAGE_WIDTH)}`));
    for (const n of result.notices) out.push(c.dim(`note ${n.path ? `${capped(visible(n.path), PATH_WIDTH)}: ` : ""}${capped(visible(n.message), MESSAGE_WIDTH)}`));
    if (result.stats.skipped.length || result.notices.length) out.push("");
  }
  out.push(summary(c, result));
  return noWorkflowCommands(out.join("\n") + "\n");
}

function severity(c: ChalkInstance, s: Severity): string {
  const label = SEVERITY_LABEL[s].padEnd(5);
  return s === "error" ? c.red(label) : s === "warning" ? c.yellow(label) : c.blue(label);
}

function status(c: ChalkInstance, s: ChecklistStatus): string {
  const label = s.toUpperCase().padEnd(7);
  switch (s) {
    case "pass":
      return c.green(label);
    case "fail":
      return c.red(label);
    case "unknown":
      return c.yellow(label);
    default:
      return c.dim("N/A".padEnd(7));
  }
}

/**
 * The part of a (masked) code line around the finding's column, made visible, and where the
 * caret goes under it. A long line is shown as a window: `…  password = "****"  …`.
 */
function codeFrame(line: string, column: number): { text: string; caret: number } {
  const at = Math.max(0, column - 1);
  const start = line.length > FRAME_WIDTH ? Math.max(0, Math.min(at - 40, line.length - FRAME_WIDTH)) : 0;
  const before = visible(line.slice(start, at));
  const window = visible(line.slice(start, start + FRAME_WIDTH));
  const lead = start > 0 ? "…" : "";
  const tail = start + FRAME_WIDTH < line.length ? "…" : "";
  return { text: lead + window + tail, caret: lead.length + Math.min(before.length, window.length) };
}

function summary(c: ChalkInstance, result: ScanResult): string {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
  const failing = result.checklist.filter((i) => i.status === "fail").length;
  const passing = result.checklist.filter((i) => i.status === "pass").length;
  const parts = [
    `${errors} error${errors === 1 ? "" : "s"}`,
    `${warnings} warning${warnings === 1 ? "" : "s"}`,
    `${infos} info`,
    `checklist ${passing} pass / ${failing} fail`,
    `${result.stats.files} file${result.stats.files === 1 ? "" : "s"} in ${result.stats.durationMs} ms`,
  ];
  const line = parts.join(", ");
  return errors > 0 ? c.red.bold(`✖ ${line}`) : warnings > 0 ? c.yellow.bold(`⚠ ${line}`) : c.green.bold(`✔ ${line}`);
}
