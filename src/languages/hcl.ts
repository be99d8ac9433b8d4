// Terraform / HCL (.tf, .tfvars, .hcl): attributes with string values inside nested blocks.
//   resource "aws_db_instance" "main" { password = "x" }   → password, path resource/aws_db_instance/main
//   variable "db_password" { default = "x" }               → db_password (a variable's default value)
// Strings holding ${…} or %{…} are templated; heredoc values are skipped.

import { bind, type Assignment, type LiteralSpan } from "./binding.js";
import { contentStart, createNewlineFinder, lineEndAt } from "./lines.js";
import { unescapeBackslashes } from "./strings.js";

type Token =
  | { kind: "name"; text: string }
  | { kind: "string"; literal: LiteralSpan | null } // null: not closed on its line
  | { kind: "punct"; text: string } // = : , { } [ ]
  | { kind: "newline" }
  | { kind: "other" };

const NAME = /[A-Za-z_][\w.-]*/y;
const MAX_PATH_FRAMES = 32;
const HEREDOC = /<<-?([A-Za-z_][\w-]*)/y;

export function hclAssignments(text: string): Assignment[] {
  const tokens = tokenizeHcl(text);
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
        if (token.kind === "string" && token.literal && ends) found.push(attribute(frames, key, token.literal));
      }
    }
  }
  return found;
}

function attribute(frames: readonly string[][], key: string, literal: LiteralSpan): Assignment {
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
  if (token.kind === "name") return token.text;
  if (token.kind === "string" && token.literal) return token.literal.value;
  return null;
}

function isPunct(token: Token, text: string): boolean {
  return token.kind === "punct" && token.text === text;
}

function tokenizeHcl(text: string): Token[] {
  const tokens: Token[] = [];
  const lineEnd = createNewlineFinder(text);
  let i = contentStart(text);
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "\t" || c === "\r") {
      i += 1;
    } else if (c === "\n") {
      tokens.push({ kind: "newline" });
      i += 1;
    } else if (c === "#" || (c === "/" && next === "/")) {
      i = lineEnd(i);
    } else if (c === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (c === '"') {
      const { literal, end } = readString(text, i, lineEnd(i));
      tokens.push({ kind: "string", literal });
      i = end;
    } else if (c === "<" && next === "<") {
      // password = <<EOT … EOT   (the body is skipped)
      HEREDOC.lastIndex = i;
      const match = HEREDOC.exec(text);
      tokens.push({ kind: "other" });
      i = match?.[1] ? skipHeredoc(text, HEREDOC.lastIndex, match[1]) : i + 2;
    } else if (c === "=" && (next === "=" || next === ">")) {
      tokens.push({ kind: "other" });
      i += 2;
    } else if ("=:,{}[]".includes(c)) {
      tokens.push({ kind: "punct", text: c });
      i += 1;
    } else {
      NAME.lastIndex = i;
      if (NAME.test(text)) {
        tokens.push({ kind: "name", text: text.slice(i, NAME.lastIndex) });
        i = NAME.lastIndex;
      } else {
        tokens.push({ kind: "other" });
        i += 1;
      }
    }
  }
  return tokens;
}

// "plain"   "with ${var.x} and %{ if x }y%{ endif }"   "$${literal}"
function readString(text: string, open: number, lineEnd: number): { literal: LiteralSpan | null; end: number } {
  let templated = false;
  let i = open + 1;
  while (i < lineEnd) {
    const c = text.charAt(i);
    if (c === '"') {
      const raw = text.slice(open + 1, i);
      const value = unescapeBackslashes(raw.replace(/([$%])\1\{/g, "$1{"));
      const literal: LiteralSpan = { value, valueStart: open + 1, valueEnd: i, quoted: true };
      if (templated) literal.templated = true;
      return { literal, end: i + 1 };
    }
    if (c === "\\") {
      i += 2;
    } else if ((c === "$" || c === "%") && text.charAt(i + 1) === c && text.charAt(i + 2) === "{") {
      i += 3; // $${ is a literal "${"
    } else if ((c === "$" || c === "%") && text.charAt(i + 1) === "{") {
      templated = true;
      i = templateEnd(text, i + 2, lineEnd);
    } else {
      i += 1;
    }
  }
  return { literal: null, end: lineEnd };
}

/** The offset after the `}` closing a template (nested braces and quoted strings inside count). */
function templateEnd(text: string, start: number, lineEnd: number): number {
  let depth = 1;
  for (let i = start; i < lineEnd; i += 1) {
    const c = text.charAt(i);
    if (c === "{") depth += 1;
    else if (c === "}" && --depth === 0) return i + 1;
    else if (c === '"') {
      // ${lookup(var.m, "key")}
      for (i += 1; i < lineEnd && text.charAt(i) !== '"'; i += text.charAt(i) === "\\" ? 2 : 1);
    }
  }
  return lineEnd;
}

function skipHeredoc(text: string, from: number, delimiter: string): number {
  let pos = text.indexOf("\n", from);
  while (pos !== -1) {
    const start = pos + 1;
    const end = lineEndAt(text, start);
    if (text.slice(start, end).trim() === delimiter) return end;
    pos = text.indexOf("\n", start);
  }
  return text.length;
}
