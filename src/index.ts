export { scan, ScanError, type ScanOptions } from "./engine/scan.js";
export { loadConfig, parseConfig, defaultConfig, ConfigError, type ResolvedConfig } from "./config/load.js";
export { buildConfigSchema } from "./config/schema.js";
export { formatReport, formatJson, formatPretty, FORMATS, type Format } from "./reporters/index.js";
export { RULES, findRule } from "./rules/index.js";
export { CHECKLIST } from "./core/checklist.js";
export { renderRuleDoc } from "./core/rule-docs.js";
export { TOOL_NAME, TOOL_VERSION } from "./core/version.js";
export type * from "./core/types.js";
