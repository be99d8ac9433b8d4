// Line-bounded text helpers for the rules that read configuration as text: lines with offsets,
// comment lines, URLs with their parts, and the bracketed or indented region around an offset
// (the call or block a setting belongs to). Every scan is bounded, so a file of any size stays linear.

import { LOOPBACK_HOST } from "./vocabulary.js";

export interface TextLine {
  text: string;
  start: number; // offset of the line's first character
}

/** The lines of a text with their offsets (CRLF kept out of the text). */
export function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), start });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** A whole-line comment in the usual syntaxes: `# …`, `// …`, `-- …`, `; …`, ` * …`, `<!-- …`. */
export function isCommentLine(line: string): boolean {
  return /^\s*(?:#|\/\/|--\s|;|\*|\/\*|<!--|REM\s)/.test(line);
}

export interface ParsedUrl {
  scheme: string;
  /** `user:password` as written, or null. */
  userinfo: string | null;
  password: string | null;
  /** Offset of the password in the URL text. */
  passwordOffset: number;
  host: string;
  port: string | null;
  path: string;
}

// scheme://  then everything up to a quote, space or bracket that cannot be in a URL.
export const URL_PATTERN = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s"'`<>()\[\]]*)/gi;

export function parseUrl(scheme: string, rest: string): ParsedUrl {
  const authorityEnd = firstOf(rest, ["/", "?", "#"]);
  const authority = rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf("@");
  const userinfo = at === -1 ? null : authority.slice(0, at);
  const colon = userinfo === null ? -1 : userinfo.indexOf(":");
  const password = userinfo !== null && colon !== -1 && colon < userinfo.length - 1 ? userinfo.slice(colon + 1) : null;
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::([0-9]+))?/.exec(hostPort);
  return {
    scheme: scheme.toLowerCase(),
    userinfo,
    password,
    passwordOffset: scheme.length + 3 + colon + 1,
    host: (portMatch?.[1] ?? hostPort).toLowerCase(),
    port: portMatch?.[2] ?? null,
    path: rest.slice(authorityEnd),
  };
}

function firstOf(text: string, needles: string[]): number {
  let best = text.length;
  for (const needle of needles) {
    const i = text.indexOf(needle);
    if (i !== -1 && i < best) best = i;
  }
  return best;
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

const OPENERS = "([{";
const CLOSERS = ")]}";

/**
 * The region of text around `offset` that one setting belongs to:
 *   Client(host=…, password=…, ssl=False)     the innermost call or object holding it
 *   listener "tcp" { tls_disable = 1 }        the innermost block
 *   redis:\n  ssl: false\n  password: x       else the lines indented like it (YAML siblings)
 * Scans at most `limit` characters each way.
 */
export function enclosingRegion(text: string, offset: number, limit = 3000): { start: number; end: number } {
  let depth = 0;
  let start = -1;
  for (let i = offset - 1; i >= Math.max(0, offset - limit); i--) {
    const c = text.charAt(i);
    if (CLOSERS.includes(c)) depth++;
    else if (OPENERS.includes(c)) {
      if (depth === 0) {
        start = i;
        break;
      }
      depth--;
    }
  }
  if (start !== -1) {
    depth = 0;
    for (let i = start + 1; i < Math.min(text.length, start + 1 + 2 * limit); i++) {
      const c = text.charAt(i);
      if (OPENERS.includes(c)) depth++;
      else if (CLOSERS.includes(c)) {
        if (depth === 0) return { start, end: i + 1 };
        depth--;
      }
    }
  }
  return indentedBlock(text, offset, 40);
}

/** The lines around `offset` indented at least as deep as its own line, up to `maxLines` each way. */
export function indentedBlock(text: string, offset: number, maxLines: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = indentOf(text, lineStart);
  let start = lineStart;
  for (let n = 0; n < maxLines && start > 0; n++) {
    const previous = text.lastIndexOf("\n", start - 2) + 1;
    if (isBlankLine(text, previous)) {
      start = previous;
      continue;
    }
    if (indentOf(text, previous) < indent) break;
    start = previous;
  }
  let end = lineEndOf(text, offset);
  for (let n = 0; n < maxLines && end < text.length; n++) {
    const next = end + 1;
    if (isBlankLine(text, next)) {
      end = lineEndOf(text, next);
      continue;
    }
    if (indentOf(text, next) < indent) break;
    end = lineEndOf(text, next);
  }
  return { start, end };
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charAt(i) === " " || text.charAt(i) === "\t" || text.charAt(i) === "-") i++;
  return i - lineStart;
}

function isBlankLine(text: string, lineStart: number): boolean {
  return text.slice(lineStart, lineEndOf(text, lineStart)).trim() === "";
}

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline;
}
