import type { ChecklistItem } from "./checklist.js";
import type { Rule } from "./types.js";

/** checklist/checklist.json: each item with the rules that decide it. */
export function checklistData(items: readonly ChecklistItem[], rules: readonly Rule[]) {
  return {
    $comment: "Generated from src/checklist.ts and the rules' metadata by scripts/generate.mjs; do not edit.",
    items: items.map((item) => ({ ...item, rules: rules.filter((r) => r.meta.checklist.includes(item.id)).map((r) => r.meta.id) })),
  };
}
