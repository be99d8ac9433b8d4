import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  FORMATS,
  formatJson,
  formatPretty,
  formatReport
} from "./chunk-3WN4YUFE.js";
import {
  CHECKLIST,
  DIAGNOSTICS,
  ScanError,
  TOOL_NAME,
  TOOL_VERSION,
  renderDiagnosticDoc,
  renderRuleDoc,
  scan,
  withRulesTable
} from "./chunk-FDJKIHQ3.js";
import {
  ConfigError,
  DETECTORS,
  RULES,
  buildConfigSchema,
  defaultConfig,
  findRule,
  loadConfig,
  parseConfig
} from "./chunk-GHR2IQ3I.js";
import "./chunk-K5PXIU67.js";

// src/core/checklist-data.ts
function checklistData(items, rules) {
  return {
    $comment: "Generated from src/checklist.ts and the rules' metadata by scripts/generate.mjs; do not edit.",
    items: items.map((item) => ({ ...item, rules: rules.filter((r) => r.meta.checklist.includes(item.id)).map((r) => r.meta.id) }))
  };
}
export {
  CHECKLIST,
  ConfigError,
  DETECTORS,
  DIAGNOSTICS,
  FORMATS,
  RULES,
  ScanError,
  TOOL_NAME,
  TOOL_VERSION,
  buildConfigSchema,
  checklistData,
  defaultConfig,
  findRule,
  formatJson,
  formatPretty,
  formatReport,
  loadConfig,
  parseConfig,
  renderDiagnosticDoc,
  renderRuleDoc,
  scan,
  withRulesTable
};
