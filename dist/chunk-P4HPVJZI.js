import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  lineIndexAt,
  lineStarts,
  readOwnFile,
  writeOwnFile
} from "./chunk-GHR2IQ3I.js";

// src/engine/baseline.ts
import { existsSync } from "node:fs";
var BaselineError = class extends Error {
  name = "BaselineError";
};
function loadBaseline(path, options = {}) {
  if (!existsSync(path)) throw new BaselineError(`baseline file not found: ${path} (create it with --update-baseline)`);
  return parseBaseline(readOwnFile(path, "baseline file", options), path);
}
function parseBaseline(text, shown) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineError(`baseline file ${shown} is not JSON${whereJsonBreaks(text)} (recreate it with --update-baseline)`);
  }
  const findings = data?.findings;
  if (data?.version !== 1 || !Array.isArray(findings)) {
    throw new BaselineError(`baseline file ${shown} is not a carbon-secret-lint baseline (expected {"version": 1, "findings": [...]})`);
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
function writeBaseline(path, result, options = {}) {
  writeOwnFile(path, formatBaseline(result), "baseline file", options);
}
function whereJsonBreaks(text) {
  if (text.trim() === "") return ": it is empty";
  const offset = jsonErrorOffset(text);
  if (offset === void 0) return "";
  const starts = lineStarts(text);
  const line = lineIndexAt(starts, offset);
  const at = `line ${line + 1}, column ${offset - starts[line] + 1}`;
  return offset === text.length ? `: it ends early, at ${at}` : `: it breaks at ${at}`;
}
var JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
var JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
function jsonErrorOffset(text) {
  let i = 0;
  const sticky = (pattern) => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const string = () => {
    i += 1;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i += 1;
        return true;
      }
      if (c < " ") return false;
      if (c !== "\\") i += 1;
      else if (!sticky(JSON_ESCAPE)) return false;
    }
    return false;
  };
  const closers = [];
  let expecting = "value";
  for (; ; ) {
    while (i < text.length && " 	\n\r".includes(text.charAt(i))) i += 1;
    if (i === text.length) return expecting === "end" ? void 0 : i;
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
      return i;
    }
    expecting = closers.length > 0 ? "comma or close" : "end";
  }
}

export {
  BaselineError,
  loadBaseline,
  parseBaseline,
  writeBaseline
};
