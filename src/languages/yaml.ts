// YAML (Kubernetes, Helm, compose, CI): every document of a file, parsed once with ranges.
// Helm templates are masked first, offset for offset, so the YAML around them still parses.

import { parseAllDocuments, type Document } from "yaml";
import { lineLocator, splitLines } from "./lines.js";

export interface TextSpan {
  start: number;
  end: number;
}

export interface ParseError {
  message: string;
  line: number; // 1-based
}

export interface ParsedYaml {
  documents: Document.Parsed[];
  errors: ParseError[];
  /** `{{ … }}` spans masked before parsing (offsets in the original text); values over them are templated. */
  templates: TextSpan[];
}

/** Parses every document; errors are returned with their line, never thrown. */
export function parseYaml(text: string): ParsedYaml {
  const templates = text.includes("{{") ? findTemplates(text) : [];
  return parseMasked(templates.length > 0 ? maskTemplates(text, templates) : text, templates);
}

/** The parse for a text whose offsets already match the original (a masked template, JSON without comments). */
export function parseMasked(source: string, templates: TextSpan[]): ParsedYaml {
  const tooDeep = nestingBeyond(source, MAX_NESTING);
  if (tooDeep !== -1) {
    const message = `nested more than ${MAX_NESTING} levels deep; not parsed`;
    return { documents: [], errors: [{ message, line: lineLocator(source)(tooDeep) }], templates };
  }
  try {
    const documents = parseAllDocuments(source, { prettyErrors: false, uniqueKeys: false, strict: false });
    // prettyErrors would quote the source line, secret included, in the message
    const lineAt = lineLocator(source);
    const errors = documents.flatMap((doc) =>
      doc.errors.map((error) => ({ message: error.message, line: lineAt(error.pos[0]) })),
    );
    return { documents: [...documents], errors, templates };
  } catch (error) {
    return { documents: [], errors: [{ message: error instanceof Error ? error.message : String(error), line: 1 }], templates };
  }
}

// The yaml package recurses per nesting level; thousands of levels exhaust the stack inside V8's
// regexp compiler, which aborts the process instead of throwing. Real files nest a few dozen deep.
const MAX_NESTING = 500;

/**
 * Where nesting first passes `limit`, or -1. An upper bound, cheap to compute: open indentation
 * levels, compact "- - x" / "? x" indicators and open "[" / "{" (strings and comments not excluded).
 */
function nestingBeyond(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (text.charCodeAt(j) === 32) j += 1;
    const first = text.charAt(j);
    if (j < text.length && first !== "\n" && first !== "\r" && first !== "#") {
      const indent = j - i;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] ?? 0) < indent) indents.push(indent);
      let compact = 0;
      while ((text.charAt(j) === "-" || text.charAt(j) === "?") && text.charAt(j + 1) === " ") {
        compact += 1;
        j += 2;
        while (text.charCodeAt(j) === 32) j += 1;
      }
      if (indents.length + compact + flow > limit) return i;
    }
    for (; j < text.length && text.charCodeAt(j) !== 10; j += 1) {
      const c = text.charCodeAt(j);
      if (c === 91 || c === 123) {
        flow += 1;
        if (indents.length + flow > limit) return j;
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow -= 1;
      }
    }
    i = j + 1;
  }
  return -1;
}

/** `{{ … }}` spans, in order; an unclosed `{{` ends the search. */
export function findTemplates(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let open = text.indexOf("{{"); open !== -1; ) {
    const close = text.indexOf("}}", open + 2);
    if (close === -1) break;
    spans.push({ start: open, end: close + 2 });
    open = text.indexOf("{{", close + 2);
  }
  return spans;
}

/**
 * Replaces each template with filler of the same length:
 *   {{- if .Values.enabled }}          (alone on its line)  -> spaces: the line disappears
 *   password: {{ .Values.password }}   (inside YAML)        -> underscores: a plain scalar
 * Newlines inside a template are kept so line numbers stay right.
 */
export function maskTemplates(text: string, templates: readonly TextSpan[]): string {
  const blanked = fill(text, templates, () => " ");
  const standalone = standaloneLines(blanked, text, templates);
  return fill(text, templates, (span) => (standalone.has(span) ? " " : "_"));
}

function fill(text: string, templates: readonly TextSpan[], filler: (span: TextSpan) => string): string {
  const pieces: string[] = [];
  let at = 0;
  for (const span of templates) {
    pieces.push(text.slice(at, span.start));
    const pad = filler(span);
    pieces.push(text.slice(span.start, span.end).replace(/[^\r\n]/g, pad));
    at = span.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

/** Templates on lines that hold nothing else once every template is blanked. */
function standaloneLines(blanked: string, text: string, templates: readonly TextSpan[]): Set<TextSpan> {
  const standalone = new Set<TextSpan>();
  const lines = splitLines(blanked);
  const blank = new Map<number, boolean>(); // per line, computed once: many templates may share a line
  let l = 0;
  for (const span of templates) {
    while (l < lines.length - 1 && (lines[l]?.next ?? 0) <= span.start) l += 1;
    const line = lines[l];
    if (line && !blank.has(l)) blank.set(l, blanked.slice(line.start, line.end).trim() === "");
    const multiline = text.slice(span.start, span.end).includes("\n");
    if (multiline || blank.get(l)) standalone.add(span);
  }
  return standalone;
}
