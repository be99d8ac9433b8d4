// A small, forgiving HCL reader for what the Vault rules need: blocks with labels
// (`path "secret/*" { … }`, `listener "tcp" { … }`, `resource "vault_policy" "x" { … }`),
// attributes with strings, numbers, booleans, lists and heredocs, and offsets for all of them.
// One pass over the text; anything it does not understand is skipped to the end of the line.

export type HclValue =
  | { type: "string"; value: string; start: number; end: number } // start/end inside the quotes
  | { type: "heredoc"; value: string; start: number; end: number } // the body's offsets
  | { type: "number"; value: number; start: number; end: number }
  | { type: "bool"; value: boolean; start: number; end: number }
  | { type: "list"; items: HclValue[]; start: number; end: number }
  | { type: "object"; body: HclBody; start: number; end: number }
  | { type: "other"; text: string; start: number; end: number };

export interface HclAttribute {
  name: string;
  nameStart: number;
  value: HclValue;
}

export interface HclBlock {
  type: string;
  labels: string[];
  start: number; // offset of the block's type word
  end: number; // offset after its closing brace
  body: HclBody;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

type Token =
  | { kind: "word"; text: string; start: number; end: number }
  | { kind: "string"; text: string; start: number; end: number } // start/end of the content
  | { kind: "heredoc"; text: string; start: number; end: number }
  | { kind: "number"; text: string; start: number; end: number }
  | { kind: "punct"; text: string; start: number; end: number }
  | { kind: "newline"; text: "\n"; start: number; end: number };

const WORD = /[A-Za-z_][\w.-]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC_OPEN = /<<(-?)([A-Za-z_][\w]*)[ \t]*\r?\n/y;

/** Tokens of an HCL text (or a region of one); comments dropped, newlines kept: they end attributes. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charAt(i);
    if (c === "\n") {
      tokens.push({ kind: "newline", text: "\n", start: i, end: i + 1 });
      i += 1;
    } else if (c === " " || c === "\t" || c === "\r") {
      i += 1;
    } else if (c === "#" || (c === "/" && text.charAt(i + 1) === "/")) {
      const newline = text.indexOf("\n", i);
      i = newline === -1 || newline > end ? end : newline;
    } else if (c === "/" && text.charAt(i + 1) === "*") {
      const close = text.indexOf("*/", i + 2);
      const stop = close === -1 || close + 2 > end ? end : close + 2;
      // a block comment spanning lines still separates attributes
      if (text.slice(i, stop).includes("\n")) tokens.push({ kind: "newline", text: "\n", start: i, end: stop });
      i = stop;
    } else if (c === '"') {
      const close = closingQuote(text, i, end);
      tokens.push({ kind: "string", text: unescape(text.slice(i + 1, close)), start: i + 1, end: close });
      i = Math.min(end, close + 1);
    } else if (c === "<" && text.charAt(i + 1) === "<") {
      HEREDOC_OPEN.lastIndex = i;
      const open = HEREDOC_OPEN.exec(text);
      if (!open || open.index !== i) {
        tokens.push({ kind: "punct", text: "<", start: i, end: i + 1 });
        i += 1;
        continue;
      }
      const bodyStart = HEREDOC_OPEN.lastIndex;
      const { bodyEnd, next } = heredocEnd(text, bodyStart, end, open[2]!);
      tokens.push({ kind: "heredoc", text: text.slice(bodyStart, bodyEnd), start: bodyStart, end: bodyEnd });
      tokens.push({ kind: "newline", text: "\n", start: bodyEnd, end: next });
      i = next;
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const match = WORD.exec(text)!;
      tokens.push({ kind: "word", text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else if (/[-0-9]/.test(c)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match && match.index === i) {
        tokens.push({ kind: "number", text: match[0], start: i, end: i + match[0].length });
        i += match[0].length;
      } else {
        tokens.push({ kind: "punct", text: c, start: i, end: i + 1 });
        i += 1;
      }
    } else {
      tokens.push({ kind: "punct", text: c, start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}

// "a \"quoted\" ${var.x}" ends at the first unescaped quote on its line (HCL strings are one line).
function closingQuote(text: string, open: number, end: number): number {
  for (let i = open + 1; i < end; i++) {
    const c = text.charAt(i);
    if (c === "\\") i += 1;
    else if (c === '"' || c === "\n") return i;
  }
  return end;
}

function unescape(raw: string): string {
  return raw.includes("\\") ? raw.replace(/\\(["\\nt])/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c)) : raw;
}

// The body runs to the line that holds only the delimiter (indented with <<-).
function heredocEnd(text: string, bodyStart: number, end: number, delimiter: string): { bodyEnd: number; next: number } {
  let line = bodyStart;
  while (line < end) {
    const newline = text.indexOf("\n", line);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    if (text.slice(line, lineEnd).trim() === delimiter) return { bodyEnd: line, next: lineEnd };
    line = lineEnd + 1;
  }
  return { bodyEnd: end, next: end };
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  body(closing: boolean): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i]!;
      if (token.kind === "newline" || (token.kind === "punct" && token.text === ",")) {
        this.i++;
        continue;
      }
      if (token.kind === "punct" && token.text === "}") {
        if (closing) return body;
        this.i++;
        continue;
      }
      if (token.kind === "word" || token.kind === "string") this.item(body);
      else this.skipLine();
    }
    return body;
  }

  // name = value   |   type "label" label {
  private item(body: HclBody): void {
    const first = this.tokens[this.i]!;
    const next = this.tokens[this.i + 1];
    if (next?.kind === "punct" && (next.text === "=" || next.text === ":")) {
      this.i += 2;
      body.attributes.push({ name: first.text, nameStart: first.start, value: this.value() });
      return;
    }
    const labels: string[] = [];
    let j = this.i + 1;
    while (j < this.tokens.length && (this.tokens[j]!.kind === "string" || this.tokens[j]!.kind === "word")) labels.push(this.tokens[j++]!.text);
    const open = this.tokens[j];
    if (first.kind === "word" && open?.kind === "punct" && open.text === "{") {
      this.i = j + 1;
      const inner = this.body(true);
      const close = this.tokens[this.i];
      const end = close ? close.end : (this.tokens.at(-1)?.end ?? first.end);
      if (close) this.i++;
      body.blocks.push({ type: first.text, labels, start: first.start, end, body: inner });
      return;
    }
    this.skipLine();
  }

  private value(): HclValue {
    while (this.tokens[this.i]?.kind === "newline") this.i++;
    const token = this.tokens[this.i];
    if (!token) return { type: "other", text: "", start: 0, end: 0 };
    if (token.kind === "string" || token.kind === "heredoc") {
      this.i++;
      if (token.kind === "string" && this.continues()) return this.rest(token.start - 1);
      return { type: token.kind, value: token.text, start: token.start, end: token.end };
    }
    if (token.kind === "number") {
      this.i++;
      if (this.continues()) return this.rest(token.start);
      return { type: "number", value: Number(token.text), start: token.start, end: token.end };
    }
    if (token.kind === "word" && (token.text === "true" || token.text === "false")) {
      this.i++;
      return { type: "bool", value: token.text === "true", start: token.start, end: token.end };
    }
    if (token.kind === "punct" && token.text === "[") return this.list();
    if (token.kind === "punct" && token.text === "{") {
      this.i++;
      const body = this.body(true);
      const close = this.tokens[this.i];
      if (close) this.i++;
      return { type: "object", body, start: token.start, end: close?.end ?? token.end };
    }
    return this.rest(token.start);
  }

  // An operator or call after a literal: `"a" + var.b`, `file("x")`: keep it as other text.
  private continues(): boolean {
    const next = this.tokens[this.i];
    return next !== undefined && next.kind !== "newline" && !(next.kind === "punct" && (next.text === "," || next.text === "}" || next.text === "]"));
  }

  private list(): HclValue {
    const open = this.tokens[this.i++]!;
    const items: HclValue[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i]!;
      if (token.kind === "newline" || (token.kind === "punct" && token.text === ",")) {
        this.i++;
        continue;
      }
      if (token.kind === "punct" && token.text === "]") {
        this.i++;
        return { type: "list", items, start: open.start, end: token.end };
      }
      if (token.kind === "punct" && token.text === "}") break; // unclosed list: let the block close
      const before = this.i;
      items.push(this.value());
      if (this.i === before) this.i++;
    }
    return { type: "list", items, start: open.start, end: this.tokens[this.i - 1]?.end ?? open.end };
  }

  // Everything to the end of the line at bracket depth zero, as raw text.
  private rest(start: number): HclValue {
    let depth = 0;
    let end = start;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i]!;
      if (token.kind === "newline" && depth === 0) break;
      if (token.kind === "punct" && "([{".includes(token.text)) depth++;
      if (token.kind === "punct" && ")]}".includes(token.text)) {
        if (depth === 0) break;
        depth--;
      }
      end = token.end;
      this.i++;
    }
    return { type: "other", text: "", start, end };
  }

  private skipLine(): void {
    while (this.i < this.tokens.length && this.tokens[this.i]!.kind !== "newline") {
      const token = this.tokens[this.i]!;
      if (token.kind === "punct" && token.text === "}") return;
      this.i++;
    }
  }
}

/** The body of an HCL text, or of a region of a text (a heredoc, a YAML block scalar). Offsets are the text's. */
export function parseHcl(text: string, start = 0, end = text.length): HclBody {
  return new Parser(tokenize(text, start, end)).body(false);
}

export function attribute(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

/** A string, number or boolean attribute as text; lists and expressions give null. */
export function attributeText(body: HclBody, name: string): string | null {
  const value = attribute(body, name)?.value;
  if (!value) return null;
  if (value.type === "string" || value.type === "heredoc") return value.value;
  if (value.type === "number" || value.type === "bool") return String(value.value);
  return null;
}

/** The strings of a list attribute: `capabilities = ["read", "list"]`. */
export function stringList(value: HclValue | undefined): string[] {
  if (!value || value.type !== "list") return [];
  return value.items.flatMap((item) => (item.type === "string" ? [item.value] : []));
}

/** Every block of a body and its descendants, depth-first. */
export function allBlocks(body: HclBody): HclBlock[] {
  const found: HclBlock[] = [];
  const visit = (b: HclBody, depth: number): void => {
    if (depth > 32) return;
    for (const block of b.blocks) {
      found.push(block);
      visit(block.body, depth + 1);
    }
  };
  visit(body, 0);
  return found;
}
