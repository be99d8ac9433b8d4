// The line fallback for code that has no AST (the parser is not loaded, the file does not parse,
// a Markdown fence): per line, a small tokenizer and the shapes
//   name = "literal"   name: "literal"   "key": "literal"   name: type = "literal"   self.name = "literal"
// A string followed by + % . [ ( or another string is part of an expression, not a literal value.

import { bind, bindComparison, type Assignment, type LiteralSpan } from "./binding.js";
import { splitLines } from "./lines.js";
import { findClosingQuote, hasReference, unescapeBackslashes } from "./strings.js";

export interface CodeLineStyle {
  hashComments: boolean; // "#" starts a comment (Python, shell-like text)
  slashComments: boolean; // "//" and "/*" start one (JavaScript, TypeScript)
  stringPrefixes: boolean; // r"…" b"…" f"…" (Python)
  annotations: boolean; // name: type = "x" (in prose, "note: key = x" reads otherwise)
  fatArrow: boolean; // 'password' => 'x' binds (PHP, Perl, Ruby); in JavaScript "=>" starts a function body
}

export const PYTHON_STYLE: CodeLineStyle = { hashComments: true, slashComments: false, stringPrefixes: true, annotations: true, fatArrow: false };
export const JAVASCRIPT_STYLE: CodeLineStyle = { hashComments: false, slashComments: true, stringPrefixes: false, annotations: true, fatArrow: false };
export const TEXT_STYLE: CodeLineStyle = { hashComments: true, slashComments: true, stringPrefixes: true, annotations: false, fatArrow: true };

type Token =
  | { kind: "name"; text: string }
  | { kind: "string"; literal: LiteralSpan | null } // null: has substitutions, not a literal
  | { kind: "op"; text: string } // a run of operator characters: "=", "==", ":", ":=", "=>"
  | { kind: "punct"; text: string };

const NAME = /[A-Za-z_$][\w$]*/y;
const PRIVATE_NAME = /#[A-Za-z_$][\w$]*/y; // class fields: #token = "x"
const OPERATOR = /[=!<>+\-*/%&|^~:?@]+/y;
const STRING_PREFIX = /^[rbuf]{1,2}$/i;
const BINDING_OPERATORS = new Set(["=", ":", ":="]);
// if token == "…": a literal the value is checked against is the secret the code accepts.
const COMPARISON_OPERATORS = new Set(["==", "===", "!=", "!=="]);
// var dbPassword string = "…"   const apiToken string = "…"   (Go)
const TYPED_DECLARATIONS = new Set(["var", "const"]);

export function codeLineAssignments(text: string, style: CodeLineStyle, start = 0, end = text.length): Assignment[] {
  const found: Assignment[] = [];
  for (const line of splitLines(text, start, end)) {
    const tokens = tokenizeLine(text, line.start, line.end, style);
    for (let k = 2; k < tokens.length; k += 1) {
      const assignment = bindingAt(tokens, k, style);
      if (assignment) found.push(assignment);
    }
  }
  return found;
}

function bindingAt(tokens: readonly Token[], k: number, style: CodeLineStyle): Assignment | null {
  const value = tokens[k];
  const operator = tokens[k - 1];
  if (value?.kind !== "string" || !value.literal || operator?.kind !== "op") return null;
  const compared = COMPARISON_OPERATORS.has(operator.text);
  if (!BINDING_OPERATORS.has(operator.text) && !compared && !(style.fatArrow && operator.text === "=>")) return null;
  const annotations = style.annotations;
  const after = tokens[k + 1];
  if (after && continuesExpression(after)) return null;
  // name: type = "literal"
  const annotated = annotations && operator.text === "=" && isName(tokens[k - 2]) && isOp(tokens[k - 3], ":") && isName(tokens[k - 4]);
  // (inside `const ( … )` the line starts at the name: apiToken string = "…"; Java's `String password = "…"` names its type first)
  const typed = operator.text === "=" && isName(tokens[k - 2]) && isName(tokens[k - 3]) && (isDeclaration(tokens[k - 4]) || (k === 3 && isGoString(tokens[k - 2])));
  // $password .= "…"   (PHP appends the literal to the value)
  const appended = operator.text === "=" && isPunct(tokens[k - 2], ".") && isName(tokens[k - 3]);
  const keyIndex = annotated ? k - 4 : typed || appended ? k - 3 : k - 2;
  // a == "x" in a chain (a.b == "x") keeps its qualifiers; "x" == a is not read
  if (compared && !isName(tokens[keyIndex])) return null;
  const keyToken = tokens[keyIndex];
  // cond ? "a" : "b"   is no binding
  if (operator.text === ":" && isOp(tokens[keyIndex - 1], "?")) return null;
  const key = keyToken?.kind === "name" ? keyToken.text : keyToken?.kind === "string" ? keyToken.literal?.value : undefined;
  if (key === undefined) return null;
  return (compared ? bindComparison : bind)(key, [...qualifiers(tokens, keyIndex), key], value.literal, "text");
}

// self.db.password = "x"  → ["self", "db"]
function qualifiers(tokens: readonly Token[], keyIndex: number): string[] {
  const names: string[] = [];
  for (let i = keyIndex - 1; i >= 1; i -= 2) {
    const dot = tokens[i];
    const name = tokens[i - 1];
    if (dot?.kind !== "punct" || dot.text !== "." || name?.kind !== "name") break;
    names.unshift(name.text);
  }
  return names;
}

function continuesExpression(token: Token): boolean {
  if (token.kind === "string") return true; // "a" "b"
  if (token.kind === "op") return token.text.startsWith("+") || token.text.startsWith("%");
  return token.kind === "punct" && (token.text === "." || token.text === "[" || token.text === "(");
}

function isName(token: Token | undefined): boolean {
  return token?.kind === "name";
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === "punct" && token.text === text;
}

function isGoString(token: Token | undefined): boolean {
  return token?.kind === "name" && token.text === "string";
}

function isDeclaration(token: Token | undefined): boolean {
  return token?.kind === "name" && TYPED_DECLARATIONS.has(token.text);
}

function isOp(token: Token | undefined, text: string): boolean {
  return token?.kind === "op" && token.text === text;
}

function tokenizeLine(text: string, start: number, end: number, style: CodeLineStyle): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "\t" || c === "\uFEFF") {
      i += 1;
    } else if ((style.hashComments && c === "#") || (style.slashComments && c === "/" && (next === "/" || next === "*"))) {
      break;
    } else if (c === '"' || c === "'" || c === "`") {
      const string = readString(text, i, end, "");
      if (!string) break; // not closed on this line (a docstring, a multi-line template)
      tokens.push(string.token);
      i = string.end;
    } else if (c === "#" && matchAt(PRIVATE_NAME, text, i)) {
      tokens.push({ kind: "name", text: text.slice(i, PRIVATE_NAME.lastIndex) });
      i = PRIVATE_NAME.lastIndex;
    } else if (matchAt(NAME, text, i)) {
      const nameEnd = NAME.lastIndex;
      const name = text.slice(i, nameEnd);
      const quote = text.charAt(nameEnd);
      if (style.stringPrefixes && STRING_PREFIX.test(name) && (quote === '"' || quote === "'")) {
        // r"raw\d"   f"{user}"   b"bytes"
        const string = readString(text, nameEnd, end, name.toLowerCase());
        if (!string) break;
        tokens.push(string.token);
        i = string.end;
      } else {
        tokens.push({ kind: "name", text: name });
        i = nameEnd;
      }
    } else if (matchAt(OPERATOR, text, i)) {
      tokens.push({ kind: "op", text: text.slice(i, OPERATOR.lastIndex) });
      i = OPERATOR.lastIndex;
    } else {
      tokens.push({ kind: "punct", text: c });
      i += 1;
    }
  }
  return tokens;
}

function matchAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

function readString(text: string, open: number, end: number, prefix: string): { token: Token; end: number } | null {
  const quote = text.charAt(open);
  const triple = text.startsWith(quote.repeat(3), open);
  const contentStart = open + (triple ? 3 : 1);
  const close = triple ? text.slice(contentStart, end).indexOf(quote.repeat(3)) : findClosingQuote(text, open, end, !prefix.includes("r"));
  if (close === -1) return null;
  const contentEnd = triple ? contentStart + close : close;
  const raw = text.slice(contentStart, contentEnd);
  const stop = contentEnd + (triple ? 3 : 1);
  // f"{token}" and `${token}` substitute; f"{{literal}}" does not
  if ((prefix.includes("f") && /\{(?!\{)/.test(raw.replace(/\{\{/g, ""))) || (quote === "`" && raw.includes("${"))) {
    return { token: { kind: "string", literal: null }, end: stop };
  }
  let value = prefix.includes("r") ? raw : unescapeBackslashes(raw);
  if (prefix.includes("f")) value = value.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
  const literal: LiteralSpan = { value, valueStart: contentStart, valueEnd: contentEnd, quoted: true };
  if (hasReference(value)) literal.templated = true;
  return { token: { kind: "string", literal }, end: stop };
}
