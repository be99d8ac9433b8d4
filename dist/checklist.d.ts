import type { ChecklistId } from "./engine/types.js";
export interface ChecklistItem {
    id: ChecklistId;
    /** The guide's words, from its "Security Checklist". */
    title: string;
    rationale: string;
    /** What evidence in a repository would decide the item, said when nothing does. */
    decidedBy: string;
}
/** The guide's ten-item security checklist, in its order. `checklist/checklist.json` is generated from this. */
export declare const CHECKLIST: readonly ChecklistItem[];
