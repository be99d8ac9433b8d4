// TOML, line by line: [tables], key = "value", dotted and quoted keys, multi-line strings and
// inline tables. Only string values are literals here; numbers, dates and arrays are skipped.
import { bind } from "./binding.js";
import { contentStart, lineEndAt, skipSpaces } from "./lines.js";
import { createIndexFinder, findClosingQuote, hasReference, unescapeBackslashes } from "./strings.js";
const BARE_KEY = /[A-Za-z0-9_-]+/y;
const MAX_INLINE_DEPTH = 8;
export function tomlAssignments(text) {
    const reader = {
        text,
        found: [],
        closing: { '"""': createIndexFinder(text, '"""'), "'''": createIndexFinder(text, "'''") },
    };
    let table = [];
    let pos = contentStart(text);
    while (pos < text.length) {
        const lineEnd = lineEndAt(text, pos);
        let resume = lineEnd;
        const i = skipSpaces(text, pos, lineEnd);
        if (text.charAt(i) === "[") {
            // [servers.alpha]   [[products]]
            const header = readKey(text, i + (text.charAt(i + 1) === "[" ? 2 : 1), lineEnd);
            if (header)
                table = header.parts;
        }
        else {
            const key = readKey(text, i, lineEnd);
            const equals = key ? skipSpaces(text, key.end, lineEnd) : -1;
            if (key && text.charAt(equals) === "=") {
                const end = readValue(reader, skipSpaces(text, equals + 1, lineEnd), lineEnd, [...table, ...key.parts], 0);
                if (end !== null)
                    resume = Math.max(lineEnd, end);
            }
        }
        const newline = text.indexOf("\n", resume);
        pos = newline === -1 ? text.length : newline + 1;
    }
    return reader.found;
}
// password   "db password"   'literal'   database.password   site."google.com"
function readKey(text, start, limit) {
    const parts = [];
    let i = start;
    for (;;) {
        i = skipSpaces(text, i, limit);
        const c = text.charAt(i);
        if (c === '"' || c === "'") {
            const close = findClosingQuote(text, i, limit, c === '"');
            if (close === -1)
                return null;
            const raw = text.slice(i + 1, close);
            parts.push(c === '"' ? unescapeBackslashes(raw) : raw);
            i = close + 1;
        }
        else {
            BARE_KEY.lastIndex = i;
            if (!BARE_KEY.test(text))
                return null;
            parts.push(text.slice(i, BARE_KEY.lastIndex));
            i = BARE_KEY.lastIndex;
        }
        const after = skipSpaces(text, i, limit);
        if (text.charAt(after) !== ".")
            return { parts, end: i };
        i = after + 1;
    }
}
/** Reads a value at `at`; returns the offset after it, or null when it is not a string or inline table. */
function readValue(reader, at, lineEnd, keyPath, depth) {
    const { text, found } = reader;
    const key = keyPath[keyPath.length - 1] ?? "";
    const emit = (valueStart, valueEnd, value) => {
        found.push(bind(key, keyPath, { value, valueStart, valueEnd, quoted: true, templated: hasReference(value) }, "toml"));
    };
    const delimiter = text.slice(at, at + 3);
    const findClosing = reader.closing[delimiter];
    if (findClosing) {
        // key = """
        // multi-line"""      (a newline right after the opening delimiter is not part of the value)
        const close = findClosing(at + 3);
        if (close === -1)
            return null;
        let start = at + 3;
        if (text.startsWith("\r\n", start))
            start += 2;
        else if (text.charAt(start) === "\n")
            start += 1;
        const raw = text.slice(start, close).replace(/\r\n/g, "\n");
        // a backslash at a line's end joins the next non-blank text
        emit(start, close, delimiter === "'''" ? raw : unescapeBackslashes(raw.replace(/\\[ \t]*\n\s*/g, "")));
        return close + 3;
    }
    const c = text.charAt(at);
    if (c === '"' || c === "'") {
        const close = findClosingQuote(text, at, lineEnd, c === '"');
        if (close === -1)
            return null;
        const raw = text.slice(at + 1, close);
        emit(at + 1, close, c === '"' ? unescapeBackslashes(raw) : raw);
        return close + 1;
    }
    if (c === "{" && depth < MAX_INLINE_DEPTH)
        return readInlineTable(reader, at + 1, lineEnd, keyPath, depth + 1);
    return null;
}
// db = { user = "app", password = "x", pool = { size = 5 } }
function readInlineTable(reader, start, lineEnd, keyPath, depth) {
    const { text } = reader;
    let i = start;
    while (i < lineEnd) {
        i = skipSpaces(text, i, lineEnd);
        const c = text.charAt(i);
        if (c === "}")
            return i + 1;
        if (c === ",") {
            i += 1;
            continue;
        }
        const key = readKey(text, i, lineEnd);
        const equals = key ? skipSpaces(text, key.end, lineEnd) : -1;
        if (!key || text.charAt(equals) !== "=")
            return lineEnd;
        const valueAt = skipSpaces(text, equals + 1, lineEnd);
        i = readValue(reader, valueAt, lineEnd, [...keyPath, ...key.parts], depth) ?? skipScalar(text, valueAt, lineEnd);
    }
    return lineEnd;
}
// 5   true   [1, 2]   ["a", "b"]   (to the next "," or "}" outside brackets and strings)
function skipScalar(text, start, lineEnd) {
    let depth = 0;
    for (let i = start; i < lineEnd; i += 1) {
        const c = text.charAt(i);
        if (c === '"' || c === "'") {
            const close = findClosingQuote(text, i, lineEnd, c === '"');
            if (close === -1)
                return lineEnd;
            i = close;
        }
        else if (c === "[")
            depth += 1;
        else if (c === "]")
            depth -= 1;
        else if ((c === "," || c === "}") && depth <= 0)
            return i;
    }
    return lineEnd;
}
