import type { Rule } from "../engine/types.js";
/** Every rule, sorted by id. Adding a rule: its file here, its fixtures, its docs page (generated). */
export declare const RULES: readonly Rule[];
export declare function findRule(id: string): Rule | undefined;
