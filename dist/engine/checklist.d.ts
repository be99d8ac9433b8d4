import type { ChecklistId, ChecklistResult, EvidenceDescriptor, Finding, Rule } from "./types.js";
/**
 * Each item: fail on a finding of warning or above against it, else pass on evidence that
 * it holds, else not-applicable when the rules say nothing here concerns it, else unknown
 * with what would decide it.
 */
export declare function rollUpChecklist(input: {
    findings: readonly Finding[];
    evidence: readonly EvidenceDescriptor[];
    enabledRules: readonly Rule[];
    skipped: readonly ChecklistId[];
}): ChecklistResult[];
