import type { ScanResult } from "../core/types.js";

/** DESIGN.md's JSON contract, version 1: other tools parse this, so fields are only ever added. */
export function formatJson(result: ScanResult): string {
  const report = {
    version: result.version,
    tool: result.tool,
    scope: result.scope,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.path,
      role: f.role,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      message: f.message,
      checklist: f.checklist,
      secret: f.secret,
      fingerprint: f.fingerprint,
      commit: f.commit,
      ...(f.confidence ? { confidence: f.confidence } : {}),
    })),
    checklist: result.checklist.map((c) => ({ id: c.id, title: c.title, status: c.status, evidence: c.evidence })),
    stats: result.stats,
    notices: result.notices,
  };
  return JSON.stringify(report, null, 2) + "\n";
}
