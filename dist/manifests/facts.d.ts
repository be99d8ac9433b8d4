import type { ChecklistId, ProjectIndex, RuleContext, SourceFile } from "../engine/types.js";
export interface EvidenceFact {
    type: "evidence";
    checklist: ChecklistId;
    message: string;
    path: string;
    line: number;
}
/** Shares evidence from a file handler; the project handler emits it, capped, once every file is seen. */
export declare function shareEvidence(context: RuleContext, file: SourceFile, checklist: ChecklistId, offset: number, message: string): void;
export declare function factsOf<T extends {
    type: string;
}>(project: ProjectIndex, type: T["type"]): T[];
/** How many pieces of evidence an item lists before it says how many more there are. */
export declare const EVIDENCE_CAP = 10;
/** Emits the shared evidence for one item; returns how many pieces there were. */
export declare function emitEvidence(context: RuleContext, project: ProjectIndex, checklist: ChecklistId): number;
