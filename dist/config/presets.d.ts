import type { Rule, SeveritySetting } from "../engine/types.js";
export type PresetName = "recommended" | "strict";
export interface Preset {
    rules: Record<string, SeveritySetting>;
    failOn?: "error" | "warning" | "info" | "none";
}
/** recommended: the rules marked recommended, at their default severity. strict: every rule, and warnings fail. */
export declare function preset(name: PresetName, rules: readonly Rule[]): Preset;
