import { CHECKLIST_ROLES } from "../core/roles.js";
import { CHECKLIST } from "../core/checklist.js";
import type { ChecklistId, ChecklistResult, EvidenceDescriptor, Finding, Rule, ScanScope } from "../core/types.js";

/** Scopes that report only part of the repository, and what they look at. */
const PARTIAL_SCOPES: Partial<Record<ScanScope, string>> = {
  diff: "a --diff scan reports only what the change adds",
  staged: "a --staged scan reports only what is staged",
};

/** Does this scope report only part of the repository? */
export function isPartialScope(scope: ScanScope): boolean {
  return scope in PARTIAL_SCOPES;
}

function where(path?: string, line?: number): string {
  return path ? `${path}${line ? `:${line}` : ""}: ` : "";
}

/**
 * Each item: fail on a finding of warning or above against it, else pass on evidence that
 * it holds, else not-applicable when the rules say nothing here concerns it, else unknown
 * with what would decide it. A partial scope cannot pass an item: findings outside what it
 * reports may fail it, so the item is unknown, with the evidence it did see.
 */
export function rollUpChecklist(input: {
  findings: readonly Finding[];
  evidence: readonly EvidenceDescriptor[];
  enabledRules: readonly Rule[];
  skipped: readonly ChecklistId[];
  scope: ScanScope;
}): ChecklistResult[] {
  const partial = PARTIAL_SCOPES[input.scope];
  const projectRules = new Set(input.enabledRules.filter((r) => r.meta.scope === "project").map((r) => r.meta.id));
  return CHECKLIST.map((item): ChecklistResult => {
    const base = { id: item.id, title: item.title };
    if (input.skipped.includes(item.id)) return { ...base, status: "not-applicable", evidence: ["skipped by configuration"] };
    // The checklist is about what the repository deploys: a file rule's finding in a test, a doc or a
    // local setup is listed, it does not fail an item. A project rule has judged the repository whole.
    const failing = input.findings.filter((f) => f.checklist.includes(item.id) && f.severity !== "info" && (projectRules.has(f.ruleId) || CHECKLIST_ROLES.includes(f.role)));
    if (failing.length > 0) {
      return { ...base, status: "fail", evidence: failing.map((f) => `${f.path}:${f.line}: ${f.ruleId}: ${f.message}`) };
    }
    const evidence = input.evidence.filter((e) => e.checklist === item.id);
    const passes = evidence.filter((e) => e.status === "pass");
    if (passes.length > 0) {
      const seen = passes.map((e) => where(e.path, e.line) + e.message);
      if (partial) return { ...base, status: "unknown", evidence: [`${partial}, so it cannot decide this item for the whole repository (a full scan can)`, ...seen] };
      return { ...base, status: "pass", evidence: seen };
    }
    const notApplicable = evidence.filter((e) => e.status === "not-applicable");
    if (notApplicable.length > 0) {
      return { ...base, status: "not-applicable", evidence: notApplicable.map((e) => where(e.path, e.line) + e.message) };
    }
    const deciding = input.enabledRules.filter((r) => r.meta.checklist.includes(item.id));
    const hint = deciding.length
      ? `nothing in the repository decides it (checked by ${deciding.map((r) => r.meta.id).join(", ")}); evidence would be: ${item.decidedBy}`
      : `no enabled rule decides it; evidence would be: ${item.decidedBy}`;
    return { ...base, status: "unknown", evidence: [hint] };
  });
}
