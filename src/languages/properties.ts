// Java .properties: key=value, key: value and "key value" lines, ! and # comments, backslash
// escapes (\t \n \uXXXX, "\ " and "\=" in keys), and a trailing backslash continuing the line.

import { bind, type Assignment } from "./binding.js";
import { splitLines, type Line } from "./lines.js";
import { hasReference } from "./strings.js";

export function propertiesAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  const lines = splitLines(text);
  for (let l = 0; l < lines.length; l += 1) {
    const line = lines[l];
    if (!line) continue;
    const start = skipWhitespace(text, line.start, line.end);
    const first = text.charAt(start);
    if (start === line.end || first === "#" || first === "!") continue;
    // db.password = first part \
    //               second part       (one logical line)
    let last = l;
    while (last + 1 < lines.length && continues(text, lines[last])) last += 1;
    const logicalEnd = lines[last]?.end ?? line.end;
    l = last;

    let keyEnd = start;
    while (keyEnd < logicalEnd && !isKeyTerminator(text.charAt(keyEnd))) keyEnd += text.charAt(keyEnd) === "\\" ? 2 : 1;
    keyEnd = Math.min(keyEnd, logicalEnd);
    let valueStart = skipWhitespace(text, keyEnd, logicalEnd);
    if (text.charAt(valueStart) === "=" || text.charAt(valueStart) === ":") {
      valueStart = skipWhitespace(text, valueStart + 1, logicalEnd);
    }
    const key = unescape(text.slice(start, keyEnd));
    const value = unescape(text.slice(valueStart, logicalEnd));
    // ${DB_PASSWORD} is a Spring placeholder, resolved at startup
    const templated = hasReference(value);
    found.push(bind(key, [key], { value, valueStart, valueEnd: logicalEnd, quoted: false, templated }, "properties"));
  }
  return found;
}

function isKeyTerminator(c: string): boolean {
  return c === "=" || c === ":" || c === " " || c === "\t" || c === "\f";
}

function skipWhitespace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charAt(i) === " " || text.charAt(i) === "\t" || text.charAt(i) === "\f")) i += 1;
  return i;
}

/** An odd number of backslashes at a line's end continues it ("\\\\" is an escaped backslash). */
function continues(text: string, line: Line | undefined): boolean {
  if (!line) return false;
  let count = 0;
  for (let i = line.end - 1; i >= line.start && text.charAt(i) === "\\"; i -= 1) count += 1;
  return count % 2 === 1;
}

const ESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };

function unescape(raw: string): string {
  if (!raw.includes("\\")) return raw;
  return raw
    .replace(/\\\r?\n[ \t\f]*/g, "") // a continuation and the next line's indentation
    .replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_, c: string) =>
      c.length === 5 ? String.fromCharCode(Number.parseInt(c.slice(1), 16)) : (ESCAPES[c] ?? c),
    );
}
