import { existsSync } from "node:fs";
import { lineIndexAt, lineStarts } from "../core/line-index.js";
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
  return parseBaseline(readOwnFile(path, "baseline file", options), path);
}

/** A baseline's fingerprints from its text; `shown` names it in errors (a path, or a file at a commit). */
export function parseBaseline(text: string, shown: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON.parse's message: it quotes the text around the error, and the file may hold anything.
    throw new BaselineError(`baseline file ${shown} is not JSON${whereJsonBreaks(text)} (recreate it with --update-baseline)`);
  }
  const findings = (data as Partial<BaselineFile>)?.findings;
  if ((data as Partial<BaselineFile>)?.version !== 1 || !Array.isArray(findings)) {
    throw new BaselineError(`baseline file ${shown} is not a carbon-secret-lint baseline (expected {"version": 1, "findings": [...]})`);
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

/** ": it breaks at line 2, column 16", ": it ends early, at …" or ": it is empty"; words and numbers only. */
function whereJsonBreaks(text: string): string {
  if (text.trim() === "") return ": it is empty";
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return "";
  const starts = lineStarts(text);
  const line = lineIndexAt(starts, offset);
  const at = `line ${line + 1}, column ${offset - starts[line]! + 1}`;
  return offset === text.length ? `: it ends early, at ${at}` : `: it breaks at ${at}`;
}

const JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset where `text` stops being JSON (its length when it ends too early), or undefined when
 * it is JSON. JSON.parse gives an offset only for some errors. One pass, no recursion, so a
 * crafted file cannot exhaust the stack.
 */
function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  // Each reads the token at `i`, moves past it, and says whether it was well formed; when not, `i` is on the fault.
  const sticky = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const string = (): boolean => {
    i += 1;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i += 1;
        return true;
      }
      if (c < " ") return false; // a raw control character
      if (c !== "\\") i += 1;
      else if (!sticky(JSON_ESCAPE)) return false;
    }
    return false;
  };
  const closers: string[] = [];
  let expecting: "value" | "value or close" | "key" | "key or close" | "colon" | "comma or close" | "end" = "value";
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i += 1;
    if (i === text.length) return expecting === "end" ? undefined : i;
    const c = text.charAt(i);
    if (expecting.endsWith("or close") && c === closers.at(-1)) {
      closers.pop();
      i += 1;
    } else if (expecting === "comma or close") {
      if (c !== ",") return i;
      i += 1;
      expecting = closers.at(-1) === "}" ? "key" : "value";
      continue;
    } else if (expecting === "colon") {
      if (c !== ":") return i;
      i += 1;
      expecting = "value";
      continue;
    } else if (expecting.startsWith("key")) {
      if (c !== '"' || !string()) return i;
      expecting = "colon";
      continue;
    } else if (expecting.startsWith("value")) {
      if (c === "{" || c === "[") {
        closers.push(c === "{" ? "}" : "]");
        i += 1;
        expecting = c === "{" ? "key or close" : "value or close";
        continue;
      }
      if (!(c === '"' ? string() : sticky(JSON_LITERAL))) return i;
    } else {
      return i; // something after the value
    }
    expecting = closers.length > 0 ? "comma or close" : "end";
  }
}
