// .env files: KEY=value lines as dotenv, docker compose and python-dotenv read them.

import { basename, isEnvTemplateName } from "../core/file-kinds.js";
import { contentStart, lineEndAt, trimEndOffset } from "./lines.js";
import { createQuoteFinder, findClosingQuote, hasReference, unescapeBackslashes } from "./strings.js";

export interface DotenvEntry {
  key: string;
  value: string; // unquoted; escapes of double-quoted values decoded, CRLF inside values read as LF
  line: number; // 1-based line of the key
  keyStart: number;
  valueStart: number; // offsets of the value as written, inside the quotes
  valueEnd: number;
  quoted: boolean;
  /** The value expands another variable: "${DB_HOST}" (unquoted or double-quoted only). */
  templated: boolean;
}

// KEY=   export KEY =   (the key is what dotenv accepts: letters, digits, _ . -); not `key => x`
// (Perl, PHP and Ruby's fat arrow) nor `a == b`, which a text file's lines also hold.
const ENTRY_START = /[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=(?![=>])[ \t]*/dy;

/** Every entry of a .env file; lines that are not entries (comments, junk) are skipped. */
export function parseDotenv(text: string): DotenvEntry[] {
  return scanEntries(text, 0, text.length, true);
}

/**
 * KEY=value lines in a region of another file (Markdown prose, a shell heredoc). A quote opened
 * on such a line must close on it: prose would otherwise swallow the paragraphs that follow.
 */
export function parseKeyValueLines(text: string, start: number, end: number): DotenvEntry[] {
  return scanEntries(text, start, end, false);
}

function scanEntries(text: string, start: number, end: number, multiline: boolean): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  const findQuote = createQuoteFinder(text, end);
  let pos = contentStart(text, start);
  let line = 1;
  while (pos < end) {
    const lineEnd = lineEndAt(text, pos, end);
    let next = nextLineStart(text, lineEnd, end);
    ENTRY_START.lastIndex = pos;
    const match = ENTRY_START.exec(text);
    const keyIndices = match?.indices?.[1];
    if (match && keyIndices && ENTRY_START.lastIndex <= lineEnd) {
      const valueAt = ENTRY_START.lastIndex;
      const quote = text.charAt(valueAt);
      const close =
        quote === '"' || quote === "'" || quote === "`"
          ? multiline
            ? findQuote(valueAt, quote === '"')
            : findClosingQuote(text, valueAt, lineEnd, quote === '"')
          : -1;
      const base = { key: match[1] ?? "", line, keyStart: keyIndices[0] };
      if (close !== -1) {
        // KEY="multi
        // line"        (the entry ends on the line holding the closing quote)
        const raw = text.slice(valueAt + 1, close).replace(/\r\n/g, "\n");
        entries.push({
          ...base,
          value: quote === '"' ? unescapeBackslashes(raw) : raw,
          valueStart: valueAt + 1,
          valueEnd: close,
          quoted: true,
          templated: quote === '"' && hasReference(raw),
        });
        const closingLineEnd = lineEndAt(text, close, end);
        line += countNewlines(text, pos, closingLineEnd);
        next = nextLineStart(text, closingLineEnd, end);
      } else {
        const valueEnd = unquotedValueEnd(text, valueAt, lineEnd, valueAt > keyIndices[1] + 1);
        const value = text.slice(valueAt, valueEnd);
        entries.push({ ...base, value, valueStart: valueAt, valueEnd, quoted: false, templated: hasReference(value) });
      }
    }
    pos = next;
    line += 1;
  }
  return entries;
}

// KEY=value # comment   -> "value"; KEY=pa#ss -> "pa#ss" (a comment needs a space before "#")
function unquotedValueEnd(text: string, valueAt: number, lineEnd: number, spaceBefore: boolean): number {
  if (spaceBefore && text.charAt(valueAt) === "#") return valueAt;
  let end = lineEnd;
  for (let i = valueAt + 1; i < lineEnd; i += 1) {
    if (text.charAt(i) === "#" && (text.charAt(i - 1) === " " || text.charAt(i - 1) === "\t")) {
      end = i;
      break;
    }
  }
  return trimEndOffset(text, valueAt, end);
}

function nextLineStart(text: string, lineEnd: number, end: number): number {
  const newline = text.indexOf("\n", lineEnd);
  return newline === -1 || newline >= end ? end : newline + 1;
}

function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

/** `.env`, `.env.local`, `.env.production`: the files the guide keeps out of git. Not `prod.env`-style names, which are often templates. */
export function isCommittableEnvFile(path: string): boolean {
  const name = basename(path);
  return (name === ".env" || name.startsWith(".env.")) && !isEnvTemplateName(name);
}
