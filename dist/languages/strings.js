// Quoted strings shared by the line parsers: finding the closing quote, unescaping, and references.
/**
 * Index of the quote closing the one at `open`, or -1 before `limit`.
 * With `escapes`, a backslash escapes the next character ("a\"b").
 */
export function findClosingQuote(text, open, limit, escapes) {
    const quote = text.charCodeAt(open);
    for (let i = open + 1; i < limit; i += 1) {
        const c = text.charCodeAt(i);
        if (c === quote)
            return i;
        if (escapes && c === 92)
            i += 1;
    }
    return -1;
}
/**
 * findClosingQuote for scans that may cross lines (shell, dotenv): remembers the last scan per
 * quote kind so that a file full of unmatched quotes stays linear. A quote opened inside the span
 * of the last scan closes where that scan closed (or nowhere), since the scans line up after it.
 */
export function createQuoteFinder(text, limit) {
    const memo = new Map();
    return (open, escapes) => {
        const memoKey = text.charAt(open) + (escapes ? "\\" : "");
        const last = memo.get(memoKey);
        if (last && open > last.from && (last.close === -1 || open < last.close))
            return last.close;
        const close = findClosingQuote(text, open, limit, escapes);
        memo.set(memoKey, { from: open, close });
        return close;
    };
}
/** indexOf that stays linear when asked again and again from increasing offsets. */
export function createIndexFinder(text, needle) {
    let last = { from: Infinity, found: -1 };
    return (from) => {
        if (from >= last.from && (last.found === -1 || from <= last.found))
            return last.found;
        last = { from, found: text.indexOf(needle, from) };
        return last.found;
    };
}
const ESCAPE = /\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|[\s\S])/g;
const SIMPLE_ESCAPES = {
    n: "\n",
    r: "\r",
    t: "\t",
    b: "\b",
    f: "\f",
    v: "\v",
    a: "\x07",
    e: "\x1b",
    "\n": "",
    "\r\n": "",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "`": "`",
    "/": "/",
};
/**
 * C-family escapes as JSON, TOML, Python and JavaScript write them: "\n", "\u00e9", "\x41",
 * "\101", a backslash before a newline continues the line. An unknown escape keeps its backslash.
 */
export function unescapeBackslashes(raw) {
    if (!raw.includes("\\"))
        return raw;
    return raw.replace(ESCAPE, (whole, body) => {
        const simple = SIMPLE_ESCAPES[body];
        if (simple !== undefined)
            return simple;
        const first = body.charAt(0);
        if (first === "u" || first === "U" || first === "x") {
            const hex = body.replace(/[{}]/g, "").slice(1);
            const code = Number.parseInt(hex, 16);
            return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        if (first >= "0" && first <= "7")
            return String.fromCharCode(Number.parseInt(body, 8));
        return whole;
    });
}
/**
 * A reference the value's consumer expands: "${DB_PASSWORD}", "{{ .Values.password }}",
 * Kubernetes "$(DB_PASSWORD)". Checked with indexOf so long values stay linear.
 */
export function hasReference(value) {
    return (enclosed(value, "${", "}") || enclosed(value, "{{", "}}") || /\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(value));
}
function enclosed(value, open, close) {
    const start = value.indexOf(open);
    return start !== -1 && value.indexOf(close, start + open.length) !== -1;
}
/** `%2F` -> `/`; text that is not valid percent-encoding is returned as written. */
export function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
