import type { Rule, SeveritySetting } from "../core/types.js";

export type PresetName = "recommended" | "strict";

export interface Preset {
  rules: Record<string, SeveritySetting>;
  failOn?: "error" | "warning" | "info" | "none";
}

/** recommended: the rules marked recommended, at their default severity. strict: every rule, and warnings fail. */
export function preset(name: PresetName, rules: readonly Rule[]): Preset {
  if (name === "strict") return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])), failOn: "warning" };
  return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.recommended ? r.meta.severity : "off"])) };
}
