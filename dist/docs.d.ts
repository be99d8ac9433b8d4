import type { Rule } from "./engine/types.js";
/** A rule's documentation page, generated from its metadata (docs/rules/<id>.md and --explain). */
export declare function renderRuleDoc(rule: Rule): string;
