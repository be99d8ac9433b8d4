import type { FileKind } from "../core/types.js";
import { lineTexts } from "../languages/lines.js";

/**
 * Inline suppressions, in any comment syntax, shaped like
 *   (comment marker) carbon-secret-lint-disable-next-line hardcoded-secret -- test fixture, not a real key
 *   password = "x"  (comment marker) carbon-secret-lint-disable-line hardcoded-secret -- documented default
 * The directive must follow a comment marker (#, //, /*, <!--, --, ;, %, {#) that starts the
 * line or follows white space, so prose and string literals that mention it do not count.
 */
export const SUPPRESSION_MARKER = "carbon-secret-lint-disable";

export interface SuppressionDirective {
  line: number; // the line the directive sits on
  targetLine: number; // the line it silences
  ruleIds: string[];
  reason: string | null;
  used: boolean;
}

// The rule list is ids separated by commas or spaces; the reason follows " -- ".
const DIRECTIVE = /(?:^|\s)(?:#|\/\/|\/\*+|<!--|--|;|%|\{#)\s*carbon-secret-lint-disable-(next-line|line)\b([^\n]*)/g;
// Markdown's own comments are HTML comments; a `#` line in a code block is an example, not a directive.
const MARKDOWN_DIRECTIVE = /<!--\s*carbon-secret-lint-disable-(next-line|line)\b([^\n]*)/g;

export function parseSuppressions(text: string, kind?: FileKind): SuppressionDirective[] {
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const directives: SuppressionDirective[] = [];
  lineTexts(text).forEach((lineText, index) => {
    if (!lineText.includes(SUPPRESSION_MARKER)) return;
    for (const match of lineText.matchAll(kind === "markdown" ? MARKDOWN_DIRECTIVE : DIRECTIVE)) {
      const [, form, rest = ""] = match;
      const cleaned = rest.replace(/\s*(\*\/|-->|%>|#}|\}\})\s*$/, "");
      const separator = cleaned.indexOf("--");
      const ids = (separator === -1 ? cleaned : cleaned.slice(0, separator)).split(/[\s,]+/).filter((s) => /^[a-z0-9][a-z0-9-]*$/.test(s));
      const reason = separator === -1 ? null : cleaned.slice(separator + 2).trim() || null;
      const line = index + 1;
      directives.push({ line, targetLine: form === "next-line" ? line + 1 : line, ruleIds: ids, reason, used: false });
    }
  });
  return directives;
}
