import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));

// src/engine/baseline.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
var BaselineError = class extends Error {
  name = "BaselineError";
};
function loadBaseline(path) {
  if (!existsSync(path)) throw new BaselineError(`baseline file not found: ${path} (create it with --update-baseline)`);
  let data;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new BaselineError(`baseline file ${path} is not JSON: ${error.message}`);
  }
  const findings = data?.findings;
  if (data?.version !== 1 || !Array.isArray(findings)) {
    throw new BaselineError(`baseline file ${path} is not a carbon-secret-lint baseline (expected {"version": 1, "findings": [...]})`);
  }
  return new Set(findings.map((f) => String(f.fingerprint ?? "")).filter((f) => /^[0-9a-f]{32}$/.test(f)));
}
function formatBaseline(result) {
  const baseline = {
    version: 1,
    tool: "carbon-secret-lint",
    findings: result.findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path, line: f.line }))
  };
  return JSON.stringify(baseline, null, 2) + "\n";
}
function writeBaseline(path, result) {
  writeFileSync(path, formatBaseline(result));
}

export {
  BaselineError,
  loadBaseline,
  writeBaseline
};
