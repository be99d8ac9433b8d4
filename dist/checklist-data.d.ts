import type { ChecklistItem } from "./checklist.js";
import type { Rule } from "./engine/types.js";
/** checklist/checklist.json: each item with the rules that decide it. */
export declare function checklistData(items: readonly ChecklistItem[], rules: readonly Rule[]): {
    $comment: string;
    items: {
        rules: string[];
        id: import("./engine/types.js").ChecklistId;
        title: string;
        rationale: string;
        decidedBy: string;
    }[];
};
