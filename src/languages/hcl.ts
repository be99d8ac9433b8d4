// HCL (.tf, .tfvars, .hcl), one reader: the text becomes tokens once (comments, strings with their
// templates, heredocs, numbers), and two readings are made of them.
//   parseHcl: blocks with labels and attributes with typed values, all with offsets, for the Vault
//   policy and the Terraform / Vault configuration recognisers:
//     path "secret/*" { capabilities = ["read"] }   listener "tcp" { … }   resource "vault_policy" "x" { … }
//   hclAssignments: attributes with string values inside nested blocks, for the generic secret pass:
//     resource "aws_db_instance" "main" { password = "x" }   → password, path resource/aws_db_instance/main
//     variable "db_password" { default = "x" }               → db_password (a variable's default value)
// Strings holding ${…} or %{…} are templated; heredoc values are not assignments. Both readings are
// forgiving: what they do not understand is skipped to the end of its line.

import { bind, type Assignment, type LiteralSpan } from "./binding.js";
import { contentStart, createNewlineFinder, lineEndAt } from "./lines.js";
import { unescapeBackslashes } from "./strings.js";

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
  | WordToken
  | { kind: "number" | "punct"; text: string; start: number; end: number }
  | StringToken
  | { kind: "heredoc"; text: string; start: number; end: number } // the body
  // A line break, or a block comment spanning lines: the tree reads that as a line break too.
  | { kind: "newline"; start: number; end: number; blockComment: boolean };

interface WordToken {
  kind: "word";
  text: string;
  start: number;
  end: number;
}

interface StringToken {
  kind: "string";
  text: string; // unescaped
  start: number; // inside the quotes
  end: number; // the closing quote, or the line's end when the string is not closed on its line
  closed: boolean;
  templated: boolean;
  quotesInTemplate: boolean; // "${file("p.hcl")}": a call or lookup with a quoted argument
}

const WORD = /[A-Za-z_][\w.-]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC = /<<-?([A-Za-z_][\w-]*)/y;
const ESCAPED_TEMPLATE = /([$%])\1\{/g; // $${ and %%{ write a literal ${ and %{
const MAX_PATH_FRAMES = 32;

/** Tokens of an HCL text (or a region of one); line comments dropped, newlines kept: they end attributes. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const lineEnd = createNewlineFinder(text, end);
  let i = start;
  while (i < end) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "\t" || c === "\r") {
      i += 1;
    } else if (c === "\n") {
      tokens.push({ kind: "newline", start: i, end: i + 1, blockComment: false });
      i += 1;
    } else if (c === "#" || (c === "/" && next === "/")) {
      i = lineEnd(i);
    } else if (c === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      const stop = close === -1 || close + 2 > end ? end : close + 2;
      if (lineEnd(i) < stop) tokens.push({ kind: "newline", start: i, end: stop, blockComment: true });
      i = stop;
    } else if (c === '"') {
      const token = readString(text, i, lineEnd(i));
      tokens.push(token);
      i = token.closed ? token.end + 1 : token.end;
    } else if (c === "<" && next === "<") {
      // password = <<EOT … EOT   (the rest of the opening line is not read)
      HEREDOC.lastIndex = i;
      const delimiter = HEREDOC.exec(text)?.[1];
      if (delimiter) {
        const body = heredocBody(text, HEREDOC.lastIndex, end, delimiter);
        tokens.push({ kind: "heredoc", text: text.slice(body.start, body.end), start: body.start, end: body.end });
        i = body.next;
      } else {
        tokens.push({ kind: "punct", text: "<<", start: i, end: i + 2 });
        i += 2;
      }
    } else if (c === "=" && (next === "=" || next === ">")) {
      tokens.push({ kind: "punct", text: c + next, start: i, end: i + 2 });
      i += 2;
    } else {
      const word = matchAt(WORD, text, i);
      const number = word === null ? matchAt(NUMBER, text, i) : null;
      const lexeme = word ?? number ?? c;
      tokens.push({ kind: word !== null ? "word" : number !== null ? "number" : "punct", text: lexeme, start: i, end: i + lexeme.length });
      i += lexeme.length;
    }
  }
  return tokens;
}

function matchAt(sticky: RegExp, text: string, at: number): string | null {
  sticky.lastIndex = at;
  return sticky.exec(text)?.[0] ?? null;
}

// "plain"   "with ${var.x} and %{ if x }y%{ endif }"   "$${literal}"   (HCL strings are one line)
function readString(text: string, open: number, lineEnd: number): StringToken {
  let templated = false;
  let quotesInTemplate = false;
  let i = open + 1;
  while (i < lineEnd && text.charAt(i) !== '"') {
    const c = text.charAt(i);
    if (c === "\\") {
      i += 2;
    } else if ((c === "$" || c === "%") && text.charAt(i + 1) === c && text.charAt(i + 2) === "{") {
      i += 3; // $${ is a literal "${"
    } else if ((c === "$" || c === "%") && text.charAt(i + 1) === "{") {
      const template = readTemplate(text, i + 2, lineEnd);
      templated = true;
      quotesInTemplate ||= template.quotes;
      i = template.end;
    } else {
      i += 1;
    }
  }
  const closed = i < lineEnd;
  const end = closed ? i : lineEnd;
  const value = unescapeBackslashes(text.slice(open + 1, end).replace(ESCAPED_TEMPLATE, "$1{"));
  return { kind: "string", text: value, start: open + 1, end, closed, templated, quotesInTemplate };
}

/** Where a template ends (after the `}` closing it; nested braces and quoted strings inside count), and whether it quotes a string. */
function readTemplate(text: string, start: number, lineEnd: number): { end: number; quotes: boolean } {
  let depth = 1;
  let quotes = false;
  for (let i = start; i < lineEnd; i += 1) {
    const c = text.charAt(i);
    if (c === "{") depth += 1;
    else if (c === "}" && --depth === 0) return { end: i + 1, quotes };
    else if (c === '"') {
      // ${lookup(var.m, "key")}
      if (text.charAt(i - 1) !== "\\") quotes = true;
      for (i += 1; i < lineEnd && text.charAt(i) !== '"'; i += text.charAt(i) === "\\" ? 2 : 1);
    }
  }
  return { end: lineEnd, quotes };
}

// The body starts on the line after the opener and runs to the line that holds only the delimiter
// (indented with <<-); `next` is that line's end, or the end when the delimiter never comes.
function heredocBody(text: string, from: number, end: number, delimiter: string): { start: number; end: number; next: number } {
  const newline = text.indexOf("\n", from);
  if (newline === -1 || newline >= end) return { start: end, end, next: end };
  const start = newline + 1;
  for (let line = start; line < end; ) {
    const lineEnd = lineEndAt(text, line, end);
    if (text.slice(line, lineEnd).trim() === delimiter) return { start, end: line, next: lineEnd };
    const following = text.indexOf("\n", line);
    if (following === -1 || following >= end) break;
    line = following + 1;
  }
  return { start, end, next: end };
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
      if (token.kind === "word" || token.kind === "string") this.item(body, token);
      else this.skipLine();
    }
    return body;
  }

  // name = value   |   type "label" label {
  private item(body: HclBody, first: WordToken | StringToken): void {
    const next = this.tokens[this.i + 1];
    if (next?.kind === "punct" && (next.text === "=" || next.text === ":")) {
      this.i += 2;
      body.attributes.push({ name: first.text, nameStart: first.start, value: this.value() });
      return;
    }
    const labels: string[] = [];
    let j = this.i + 1;
    for (let label = this.tokens[j]; label?.kind === "string" || label?.kind === "word"; label = this.tokens[++j]) labels.push(label.text);
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
    // "${file("p.hcl")}" is an expression: the Vault rules read it as code, like `file("p.hcl")`
    if (token.kind === "string" && token.quotesInTemplate) return this.rest(token.start - 1);
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

/**
 * Attributes with a string value, one statement at a time: a statement is what lies between line
 * breaks, commas and brackets, and binds when it is exactly `key = "value"` (or `key: "value"`).
 * Every `{` or `[` opens a frame named by its statement, so nested keys carry their blocks' path.
 */
export function hclAssignments(text: string): Assignment[] {
  // Here a block comment is a space, even one spanning lines: `a = /* … */ "x"` binds a.
  const tokens = tokenize(text, contentStart(text), text.length).filter((t) => t.kind !== "newline" || !t.blockComment);
  const found: Assignment[] = [];
  const frames: string[][] = [];
  let statement: Token[] = [];
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t];
    if (!token) continue;
    if (token.kind === "newline" || isPunct(token, ",")) {
      statement = [];
    } else if (isPunct(token, "{") || isPunct(token, "[")) {
      frames.push(frameOf(statement));
      statement = [];
    } else if (isPunct(token, "}") || isPunct(token, "]")) {
      frames.pop();
      statement = [];
    } else {
      statement.push(token);
      const [name, operator] = statement;
      const key = name ? keyText(name) : null;
      const next = tokens[t + 1];
      const ends = !next || next.kind === "newline" || isPunct(next, ",") || isPunct(next, "}") || isPunct(next, "]");
      if (statement.length === 3 && key !== null && operator && (isPunct(operator, "=") || isPunct(operator, ":"))) {
        if (token.kind === "string" && token.closed && ends) found.push(binding(frames, key, token));
      }
    }
  }
  return found;
}

function binding(frames: readonly string[][], key: string, token: StringToken): Assignment {
  const literal: LiteralSpan = { value: token.text, valueStart: token.start, valueEnd: token.end, quoted: true };
  if (token.templated) literal.templated = true;
  const path = frames.slice(0, MAX_PATH_FRAMES).flat(); // bounded: a pathological file nests thousands deep
  const block = frames[frames.length - 1];
  // variable "db_password" { default = "x" }   — the default is the variable's value
  if (key === "default" && block?.[0] === "variable" && block[1]) return bind(block[1], [...path, key], literal, "hcl");
  return bind(key, [...path, key], literal, "hcl");
}

/** What an opening brace names: `resource "a" "b" {` → [resource, a, b]; `tags = {` → [tags]. */
function frameOf(statement: readonly Token[]): string[] {
  const last = statement[statement.length - 1];
  if (last && (isPunct(last, "=") || isPunct(last, ":"))) {
    const key = statement[statement.length - 2];
    const text = key ? keyText(key) : null;
    return text === null ? [] : [text];
  }
  return statement.map(keyText).filter((part): part is string => part !== null);
}

function keyText(token: Token): string | null {
  if (token.kind === "word") return token.text;
  if (token.kind === "string" && token.closed) return token.text;
  return null;
}

function isPunct(token: Token, text: string): boolean {
  return token.kind === "punct" && token.text === text;
}
