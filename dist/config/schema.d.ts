import { type Rule } from "../engine/types.js";
/**
 * The JSON Schema of `.carbon-secret-lint.yaml`: the core keys plus each rule's options,
 * taken from the rules' metadata. `schema/carbon-secret-lint.schema.json` is generated from it.
 */
export declare function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown>;
