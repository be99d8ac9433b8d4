// Runbook sections: headings (Markdown `#`, setext, AsciiDoc `=`, reStructuredText underlines) with
// their bodies, and whether a section is a procedure (numbered steps, commands) rather than prose.

import { EMERGENCY_ACTION, EMERGENCY_HEADING } from "./vocabulary.js";
import { linesOf } from "./text.js";

export interface Section {
  heading: string;
  level: number;
  /** Offset of the heading line, and of the end of the section (the next heading of its level or above). */
  start: number;
  end: number;
  body: string;
}

/** The sections of a document; text before the first heading is not a section. */
export function sectionsOf(text: string): Section[] {
  const lines = linesOf(text);
  const headings: { heading: string; level: number; start: number; line: number; bodyLine: number }[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.text;
    if (/^\s*(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const atx = /^(#{1,6})[ \t]+(\S.*)$/.exec(line) ?? /^(={1,6})[ \t]+(\S.*)$/.exec(line);
    if (atx) {
      // "## Emergency rotation ##" -> "Emergency rotation"
      let end = atx[2]!.length;
      while (end > 0 && " \t#".includes(atx[2]!.charAt(end - 1))) end--;
      const heading = atx[2]!.slice(0, end) || atx[2]!;
      headings.push({ heading, level: atx[1]!.length, start: lines[i]!.start, line: i, bodyLine: i + 1 });
      continue;
    }
    const next = lines[i + 1]?.text ?? "";
    if (line.trim().length > 0 && !/^\s*[-*+]\s/.test(line) && /^(?:={3,}|-{3,}|~{3,}|\^{3,})\s*$/.test(next) && next.trim().length >= Math.min(3, line.trim().length)) {
      headings.push({ heading: line.trim(), level: next.startsWith("=") ? 1 : 2, start: lines[i]!.start, line: i, bodyLine: i + 2 });
      i += 1;
    }
  }
  // Each section ends at the next heading of its level or above: a stack finds them all in one pass.
  const ends = new Array<number>(headings.length).fill(lines.length);
  const open: number[] = [];
  headings.forEach((h, index) => {
    while (open.length > 0 && headings[open.at(-1)!]!.level >= h.level) ends[open.pop()!] = h.line;
    open.push(index);
  });
  return headings.map((h, index) => ({
    heading: h.heading,
    level: h.level,
    start: h.start,
    end: lines[ends[index]!]?.start ?? text.length,
    body: lines.slice(h.bodyLine, ends[index]).map((l) => l.text).join("\n"),
  }));
}

/** A section written as steps: numbered items, a command block, or several bullets that carry commands. */
export function isProcedure(body: string): boolean {
  // 1. step   2) step   . step (AsciiDoc)
  const numbered = (body.match(/^\s*(?:\d+[.)]|\.)\s+\S/gm) ?? []).length;
  // ```fence```, ~~~fence~~~, ----listing---- (AsciiDoc), or an indented code block
  const fenced = /^\s*(?:```|~~~)/m.test(body) || /^-{4,}\s*$/m.test(body) || /^(?: {4}|\t)\S/m.test(body);
  const commandBullets = (body.match(/^[ \t]*[-*+][ \t]+[^`\n]*`[^`\n]+`/gm) ?? []).length;
  return numbered >= 2 || fenced || commandBullets >= 2;
}

/** Sections that document an emergency procedure: an emergency heading over steps that rotate, revoke or break glass. */
export function emergencySections(text: string): { section: Section; kind: string }[] {
  const found = sectionsOf(text).filter((s) => EMERGENCY_HEADING.test(s.heading) && isProcedure(s.body) && EMERGENCY_ACTION.test(s.body));
  // "# Emergency runbook" over "## Emergency rotation" and "## Break-glass access": the subsections are the evidence.
  return found
    .filter((outer) => !found.some((inner) => inner !== outer && inner.start > outer.start && inner.start < outer.end))
    .map((section) => ({
      section,
      kind: /break[\s_-]?glass/i.test(section.heading + "\n" + section.body) && !/rotat/i.test(section.heading) ? "break-glass access" : "emergency rotation",
    }));
}
