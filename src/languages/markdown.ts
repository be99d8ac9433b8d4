// Markdown: fenced code blocks read by their language, with offsets mapped back into the file,
// and KEY=value lines in the prose around them.

import { bind, shiftAssignments, type Assignment } from "./binding.js";
import { parseKeyValueLines } from "./dotenv.js";
import { splitLines, type Line } from "./lines.js";

/** Assignments of a code block's text, by its fence's language ("bash", "yaml", "" when none). */
export type CodeBlockReader = (language: string, text: string) => Assignment[];

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/; // ```yaml   ~~~ {.python}

export function markdownAssignments(text: string, readBlock: CodeBlockReader): Assignment[] {
  const found: Assignment[] = [];
  const lines = splitLines(text);
  let proseStart = lines[0]?.start ?? 0;
  for (let l = 0; l < lines.length; l += 1) {
    const line = lines[l];
    const fence = line ? FENCE.exec(text.slice(line.start, line.end)) : null;
    if (!line || !fence?.[1]) continue;
    found.push(...proseAssignments(text, proseStart, line.start));
    const close = closingFence(text, lines, l + 1, fence[1]);
    const blockStart = line.next;
    const blockEnd = close === -1 ? text.length : (lines[close]?.start ?? text.length);
    const language = (fence[2] ?? "").replace(/^\{?\.?/, "").replace(/\}$/, "").toLowerCase();
    found.push(...shiftAssignments(readBlock(language, text.slice(blockStart, blockEnd)), blockStart));
    l = close === -1 ? lines.length : close;
    proseStart = close === -1 ? text.length : (lines[close]?.next ?? text.length);
  }
  found.push(...proseAssignments(text, proseStart, text.length));
  return found;
}

// DB_PASSWORD=x   export API_KEY=x   (whole lines of prose)
function proseAssignments(text: string, start: number, end: number): Assignment[] {
  if (end <= start) return [];
  return parseKeyValueLines(text, start, end).map((entry) => bind(entry.key, [entry.key], entry, "text"));
}

/** The line closing a fence: the same character, at least as many, nothing after but spaces. */
function closingFence(text: string, lines: readonly Line[], from: number, fence: string): number {
  const char = fence.charAt(0);
  for (let l = from; l < lines.length; l += 1) {
    const line = lines[l];
    if (!line) continue;
    const content = text.slice(line.start, line.end).trim();
    if (content.length >= fence.length && content.startsWith(fence) && [...content].every((c) => c === char)) return l;
  }
  return -1;
}

/** A span of the text: offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

// Prose that presents the next example as what not to do: "Never do this:", "Don't hardcode the
// key like this:", "❌ Bad:", "Anti-pattern". Read on the last sentence before the fence only, so
// "Never hardcode secrets. Read them from the environment:" introduces a good example.
const COUNTER_EXAMPLE_PROSE =
  /\b(?:never|don['’]t|do not|avoid)\b[^\n.]{0,60}?(?:\bdo (?:this|that)\b|\blike (?:this|that)\b|\bthis way\b|hard-?cod|\bcommit\b|\bstore\b|\bput\b|\bwrite\b|\bembed\b|\bplain-?text\b|\bin (?:code|source|the repo))|\b(?:bad|wrong|insecure|incorrect|unsafe)\b(?: example| practice| pattern| config(?:uration)?)?\s*[:(—–-]|❌|🚫|⛔|\banti-?pattern\b|\bnot recommended\b|\bvulnerable\b/i;
const GOOD_EXAMPLE_PROSE = /\binstead\b|\brather\b|✅|\b(?:good|correct|better|recommended|secure|right)\b(?: example| practice| way)?\s*:/i;

// Inside a fence, a comment line that starts a counter-example (`# ❌ Bad`, `// Don't do this`), and one that ends it.
const COUNTER_EXAMPLE_COMMENT = /^[ \t]*(?:#|\/\/|--|;|\/\*|<!--)[ \t]*(?:[-*]+[ \t]*)?(?:❌|🚫|⛔|\b(?:bad|wrong|insecure|incorrect|unsafe|never|don['’]t|do not|avoid|anti-?pattern|vulnerable)\b)/i;
const GOOD_EXAMPLE_COMMENT = /^[ \t]*(?:#|\/\/|--|;|\/\*|<!--)[ \t]*(?:[-*]+[ \t]*)?(?:✅|\b(?:good|correct|better|secure|recommended|instead)\b|\bdo\b\s*:)/i;

/**
 * The parts of a Markdown text that show what not to do: a fence the prose before it introduces
 * as a bad example ("Never do this:"), and inside any fence the lines after a comment that says
 * so (`# ❌ Bad`), up to a blank line or a comment that starts the good example (`# ✅ Good`).
 */
export function counterExampleSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const lines = splitLines(text);
  let proseStart = 0;
  for (let l = 0; l < lines.length; l += 1) {
    const line = lines[l];
    const fence = line ? FENCE.exec(text.slice(line.start, line.end)) : null;
    if (!line || !fence?.[1]) continue;
    const close = closingFence(text, lines, l + 1, fence[1]);
    const blockStart = line.next;
    const blockEnd = close === -1 ? text.length : (lines[close]?.start ?? text.length);
    if (introducesCounterExample(text.slice(proseStart, line.start))) spans.push({ start: blockStart, end: blockEnd });
    else spans.push(...commentedCounterExamples(text, lines, l + 1, close === -1 ? lines.length : close));
    l = close === -1 ? lines.length : close;
    proseStart = close === -1 ? text.length : (lines[close]?.next ?? text.length);
  }
  return spans;
}

/** Does the last sentence of the prose before a fence (at most its last 400 characters) say that what follows is wrong? */
function introducesCounterExample(prose: string): boolean {
  const tail = prose.slice(-400).trimEnd();
  const paragraph = tail.split(/\n[ \t]*\n/).at(-1) ?? "";
  const sentence = paragraph.split(/(?<=[.!?])\s+(?=\S)/).at(-1) ?? "";
  return COUNTER_EXAMPLE_PROSE.test(sentence) && !GOOD_EXAMPLE_PROSE.test(sentence);
}

function commentedCounterExamples(text: string, lines: readonly Line[], from: number, to: number): TextSpan[] {
  const spans: TextSpan[] = [];
  let open: number | null = null;
  for (let l = from; l < to; l += 1) {
    const line = lines[l];
    if (!line) continue;
    const content = text.slice(line.start, line.end);
    if (open !== null && (content.trim() === "" || GOOD_EXAMPLE_COMMENT.test(content))) {
      spans.push({ start: open, end: line.start });
      open = null;
    }
    if (open === null && COUNTER_EXAMPLE_COMMENT.test(content)) open = line.start;
  }
  if (open !== null) spans.push({ start: open, end: lines[to]?.start ?? text.length });
  return spans;
}
