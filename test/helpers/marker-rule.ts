import { defineRule } from "../../src/core/types.js";

/** A test rule that reports every `MARKER_<word>` so scopes and reporters can be tested apart from real rules. */
export const markerRule = defineRule({
  meta: {
    id: "test-marker",
    description: "Reports MARKER_ values (tests only).",
    severity: "error",
    recommended: true,
    scope: "file",
    keywords: ["marker_"],
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-798"],
    messages: { found: "a marker value with 100% certainty, a comma, and a colon: here" },
    docs: { why: "tests", fix: "none", bad: { path: "a.txt", code: "MARKER_x" }, good: { path: "a.txt", code: "x" } },
  },
  create(context) {
    return {
      file(file) {
        for (const match of file.text.matchAll(/MARKER_[A-Za-z0-9]+/g)) {
          context.report({ messageId: "found", range: { start: match.index!, end: match.index! + match[0].length }, secret: match[0] });
        }
      },
    };
  },
});
