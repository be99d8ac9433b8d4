// The line fallback for code that has no AST (the parser is not loaded, the file does not parse,
// a Markdown fence): per line, a small tokenizer and the shapes
//   name = "literal"   name: "literal"   "key": "literal"   name: type = "literal"   self.name = "literal"
// A string followed by + % . [ ( or another string is part of an expression, not a literal value.
import { bind } from "./binding.js";
import { splitLines } from "./lines.js";
import { findClosingQuote, hasReference, unescapeBackslashes } from "./strings.js";
export const PYTHON_STYLE = { hashComments: true, slashComments: false, stringPrefixes: true, annotations: true, fatArrow: false };
export const JAVASCRIPT_STYLE = { hashComments: false, slashComments: true, stringPrefixes: false, annotations: true, fatArrow: false };
export const TEXT_STYLE = { hashComments: true, slashComments: true, stringPrefixes: true, annotations: false, fatArrow: true };
const NAME = /[A-Za-z_$][\w$]*/y;
const PRIVATE_NAME = /#[A-Za-z_$][\w$]*/y; // class fields: #token = "x"
const OPERATOR = /[=!<>+\-*/%&|^~:?@]+/y;
const STRING_PREFIX = /^[rbuf]{1,2}$/i;
const BINDING_OPERATORS = new Set(["=", ":", ":="]);
export function codeLineAssignments(text, style, start = 0, end = text.length) {
    const found = [];
    for (const line of splitLines(text, start, end)) {
        const tokens = tokenizeLine(text, line.start, line.end, style);
        for (let k = 2; k < tokens.length; k += 1) {
            const assignment = bindingAt(tokens, k, style);
            if (assignment)
                found.push(assignment);
        }
    }
    return found;
}
function bindingAt(tokens, k, style) {
    const value = tokens[k];
    const operator = tokens[k - 1];
    if (value?.kind !== "string" || !value.literal || operator?.kind !== "op")
        return null;
    if (!BINDING_OPERATORS.has(operator.text) && !(style.fatArrow && operator.text === "=>"))
        return null;
    const annotations = style.annotations;
    const after = tokens[k + 1];
    if (after && continuesExpression(after))
        return null;
    // name: type = "literal"
    const annotated = annotations && operator.text === "=" && isName(tokens[k - 2]) && isOp(tokens[k - 3], ":") && isName(tokens[k - 4]);
    const keyIndex = annotated ? k - 4 : k - 2;
    const keyToken = tokens[keyIndex];
    // cond ? "a" : "b"   is no binding
    if (operator.text === ":" && isOp(tokens[keyIndex - 1], "?"))
        return null;
    const key = keyToken?.kind === "name" ? keyToken.text : keyToken?.kind === "string" ? keyToken.literal?.value : undefined;
    if (key === undefined)
        return null;
    return bind(key, [...qualifiers(tokens, keyIndex), key], value.literal, "text");
}
// self.db.password = "x"  → ["self", "db"]
function qualifiers(tokens, keyIndex) {
    const names = [];
    for (let i = keyIndex - 1; i >= 1; i -= 2) {
        const dot = tokens[i];
        const name = tokens[i - 1];
        if (dot?.kind !== "punct" || dot.text !== "." || name?.kind !== "name")
            break;
        names.unshift(name.text);
    }
    return names;
}
function continuesExpression(token) {
    if (token.kind === "string")
        return true; // "a" "b"
    if (token.kind === "op")
        return token.text.startsWith("+") || token.text.startsWith("%");
    return token.kind === "punct" && (token.text === "." || token.text === "[" || token.text === "(");
}
function isName(token) {
    return token?.kind === "name";
}
function isOp(token, text) {
    return token?.kind === "op" && token.text === text;
}
function tokenizeLine(text, start, end, style) {
    const tokens = [];
    let i = start;
    while (i < end) {
        const c = text.charAt(i);
        const next = text.charAt(i + 1);
        if (c === " " || c === "\t" || c === "\uFEFF") {
            i += 1;
        }
        else if ((style.hashComments && c === "#") || (style.slashComments && c === "/" && (next === "/" || next === "*"))) {
            break;
        }
        else if (c === '"' || c === "'" || c === "`") {
            const string = readString(text, i, end, "");
            if (!string)
                break; // not closed on this line (a docstring, a multi-line template)
            tokens.push(string.token);
            i = string.end;
        }
        else if (c === "#" && matchAt(PRIVATE_NAME, text, i)) {
            tokens.push({ kind: "name", text: text.slice(i, PRIVATE_NAME.lastIndex) });
            i = PRIVATE_NAME.lastIndex;
        }
        else if (matchAt(NAME, text, i)) {
            const nameEnd = NAME.lastIndex;
            const name = text.slice(i, nameEnd);
            const quote = text.charAt(nameEnd);
            if (style.stringPrefixes && STRING_PREFIX.test(name) && (quote === '"' || quote === "'")) {
                // r"raw\d"   f"{user}"   b"bytes"
                const string = readString(text, nameEnd, end, name.toLowerCase());
                if (!string)
                    break;
                tokens.push(string.token);
                i = string.end;
            }
            else {
                tokens.push({ kind: "name", text: name });
                i = nameEnd;
            }
        }
        else if (matchAt(OPERATOR, text, i)) {
            tokens.push({ kind: "op", text: text.slice(i, OPERATOR.lastIndex) });
            i = OPERATOR.lastIndex;
        }
        else {
            tokens.push({ kind: "punct", text: c });
            i += 1;
        }
    }
    return tokens;
}
function matchAt(pattern, text, at) {
    pattern.lastIndex = at;
    return pattern.test(text);
}
function readString(text, open, end, prefix) {
    const quote = text.charAt(open);
    const triple = text.startsWith(quote.repeat(3), open);
    const contentStart = open + (triple ? 3 : 1);
    const close = triple ? text.slice(contentStart, end).indexOf(quote.repeat(3)) : findClosingQuote(text, open, end, !prefix.includes("r"));
    if (close === -1)
        return null;
    const contentEnd = triple ? contentStart + close : close;
    const raw = text.slice(contentStart, contentEnd);
    const stop = contentEnd + (triple ? 3 : 1);
    // f"{token}" and `${token}` substitute; f"{{literal}}" does not
    if ((prefix.includes("f") && /\{(?!\{)/.test(raw.replace(/\{\{/g, ""))) || (quote === "`" && raw.includes("${"))) {
        return { token: { kind: "string", literal: null }, end: stop };
    }
    let value = prefix.includes("r") ? raw : unescapeBackslashes(raw);
    if (prefix.includes("f"))
        value = value.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
    const literal = { value, valueStart: contentStart, valueEnd: contentEnd, quoted: true };
    if (hasReference(value))
        literal.templated = true;
    return { token: { kind: "string", literal }, end: stop };
}
