import { existsSync } from "node:fs";
import { readOwnFile, writeOwnFile } from "../core/own-files.js";
import type { ScanResult } from "../core/types.js";

/** A baseline holds fingerprints (rule, path, hash of the value) and where they were: never a value. */
export interface BaselineFile {
  version: 1;
  tool: "carbon-secret-lint";
  findings: { fingerprint: string; ruleId: string; path: string; line: number }[];
}

export class BaselineError extends Error {
  override name = "BaselineError";
}

/** `within`: the scanned repository; a baseline inside it may not be a link that leads out of it. */
export function loadBaseline(path: string, options: { within?: string } = {}): Set<string> {
  if (!existsSync(path)) throw new BaselineError(`baseline file not found: ${path} (create it with --update-baseline)`);
  const text = readOwnFile(path, "baseline file", options);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline file ${path} is not JSON: ${(error as Error).message}`);
  }
  const findings = (data as Partial<BaselineFile>)?.findings;
  if ((data as Partial<BaselineFile>)?.version !== 1 || !Array.isArray(findings)) {
    throw new BaselineError(`baseline file ${path} is not a carbon-secret-lint baseline (expected {"version": 1, "findings": [...]})`);
  }
  return new Set(findings.map((f) => String((f as { fingerprint?: unknown }).fingerprint ?? "")).filter((f) => /^[0-9a-f]{32}$/.test(f)));
}

export function formatBaseline(result: ScanResult): string {
  const baseline: BaselineFile = {
    version: 1,
    tool: "carbon-secret-lint",
    findings: result.findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path, line: f.line })),
  };
  return JSON.stringify(baseline, null, 2) + "\n";
}

/** Written all at once (a temporary file renamed over it): an interrupted write leaves the old baseline whole. */
export function writeBaseline(path: string, result: ScanResult, options: { within?: string } = {}): void {
  writeOwnFile(path, formatBaseline(result), "baseline file", options);
}
