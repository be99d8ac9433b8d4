// Line iteration with offsets into the original text; CRLF and a leading BOM are handled here once.
import { lineIndexAt, lineStarts } from "../core/line-index.js";

export interface Line {
  number: number; // 1-based, counted from the region's start
  start: number; // offset of the first character (after a BOM on the first line)
  end: number; // offset after the last character, before "\r\n" or "\n"
  next: number; // offset of the next line's start
}

const BOM = "\uFEFF";

/** Where content starts: past a UTF-8 BOM, which editors hide and parsers must not read as text. */
export function contentStart(text: string, start = 0): number {
  return start === 0 && text.startsWith(BOM) ? 1 : start;
}

export function splitLines(text: string, start = 0, end = text.length): Line[] {
  const lines: Line[] = [];
  let pos = contentStart(text, start);
  let number = 1;
  while (pos < end || (pos === end && lines.length === 0)) {
    const newline = text.indexOf("\n", pos);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    const next = lineEnd === end ? end : lineEnd + 1;
    const trimmedEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lines.push({ number, start: pos, end: trimmedEnd, next });
    if (next === pos) break;
    pos = next;
    number += 1;
  }
  return lines;
}

/** Each line's text, without its "\r\n" or "\n" (and without a leading BOM). */
export function lineTexts(text: string): string[] {
  return splitLines(text).map((line) => text.slice(line.start, line.end));
}

/** The end of the line holding `offset` (before "\r\n" or "\n"). */
export function lineEndAt(text: string, offset: number, limit = text.length): number {
  const newline = text.indexOf("\n", offset);
  const end = newline === -1 || newline > limit ? limit : newline;
  return end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** First offset in [start, end) that is not a space or tab. */
export function skipSpaces(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i += 1;
  return i;
}

/** Offset after the last character in [start, end) that is not whitespace. */
export function trimEndOffset(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text.charAt(i - 1))) i -= 1;
  return i;
}

/** A function from offset to 1-based line number, for many lookups in one text. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = lineStarts(text);
  return (offset) => lineIndexAt(starts, offset) + 1;
}

/**
 * The offset of the "\n" ending the line at an offset (or `limit`), for scanners that ask again and
 * again while moving forward: one search per line, however many tokens the line holds.
 */
export function createNewlineFinder(text: string, limit = text.length): (at: number) => number {
  let cached = -1;
  return (at) => {
    if (at > cached) {
      const newline = text.indexOf("\n", at);
      cached = newline === -1 || newline > limit ? limit : newline;
    }
    return cached;
  };
}
