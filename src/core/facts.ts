// Facts a rule's file handlers hand to its project handler (through context.share), and the
// evidence they add up to. Facts are plain data: paths, lines, hashes, never a secret value.

import type { ChecklistId, ProjectIndex, RuleContext, SourceFile } from "./types.js";

export interface EvidenceFact {
  type: "evidence";
  checklist: ChecklistId;
  message: string;
  path: string;
  line: number;
}

/** Shares evidence from a file handler; the project handler emits it, capped, once every file is seen. */
export function shareEvidence(context: RuleContext, file: SourceFile, checklist: ChecklistId, offset: number, message: string): void {
  const fact: EvidenceFact = { type: "evidence", checklist, message, path: file.path, line: file.positionAt(offset).line };
  context.share(fact);
}

export function factsOf<T extends { type: string }>(project: ProjectIndex, type: T["type"]): T[] {
  return project.shared().filter((f): f is T => typeof f === "object" && f !== null && (f as { type?: unknown }).type === type);
}

/** How many pieces of evidence an item lists before it says how many more there are. */
export const EVIDENCE_CAP = 10;

/** Emits the shared evidence for one item; returns how many pieces there were. */
export function emitEvidence(context: RuleContext, project: ProjectIndex, checklist: ChecklistId): number {
  const facts = factsOf<EvidenceFact>(project, "evidence").filter((f) => f.checklist === checklist);
  const seen = new Set<string>();
  const unique = facts.filter((f) => {
    const key = `${f.path}:${f.line}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const fact of unique.slice(0, EVIDENCE_CAP)) {
    context.evidence({ checklist, status: "pass", message: fact.message, path: fact.path, line: fact.line });
  }
  if (unique.length > EVIDENCE_CAP) {
    context.evidence({ checklist, status: "pass", message: `and ${unique.length - EVIDENCE_CAP} more like these` });
  }
  return unique.length;
}
