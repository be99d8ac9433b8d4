// INI, cfg and conf files (configparser, php.ini, .npmrc, .pypirc, git config): [section] headers,
// key = value and key: value lines, ; and # comments.
import { bind } from "./binding.js";
import { splitLines, skipSpaces, trimEndOffset } from "./lines.js";
import { findClosingQuote, hasReference } from "./strings.js";
export function iniAssignments(text) {
    const found = [];
    let section = [];
    for (const line of splitLines(text)) {
        const start = skipSpaces(text, line.start, line.end);
        const first = text.charAt(start);
        if (start === line.end || first === "#" || first === ";")
            continue;
        if (first === "[") {
            // [database]   [remote "origin"]
            const close = text.slice(start, line.end).indexOf("]");
            if (close !== -1)
                section = [text.slice(start + 1, start + close).trim()];
            continue;
        }
        const delimiter = delimiterAt(text, start, line.end);
        if (delimiter === -1)
            continue;
        const key = text.slice(start, trimEndOffset(text, start, delimiter));
        if (key === "")
            continue;
        found.push(bind(key, [...section, key], valueAt(text, skipSpaces(text, delimiter + 1, line.end), line.end), "ini"));
    }
    return found;
}
/**
 * The key's delimiter: the first "=", or an earlier ":" followed by a space or the line's end.
 *   password = x        password: x        //registry.npmjs.org/:_authToken=x   (":" inside the key)
 */
function delimiterAt(text, start, end) {
    const line = text.slice(start, end); // searches stay on the line
    const equals = line.indexOf("=");
    const limit = equals === -1 ? line.length : equals;
    for (let i = line.indexOf(":"); i !== -1 && i < limit; i = line.indexOf(":", i + 1)) {
        const next = line.charAt(i + 1);
        if (i + 1 === line.length || next === " " || next === "\t")
            return start + i;
    }
    return equals === -1 ? -1 : start + equals;
}
// "quoted value"   plain value ; inline comment   plain value # inline comment
function valueAt(text, start, end) {
    const quote = text.charAt(start);
    if (quote === '"' || quote === "'") {
        const close = findClosingQuote(text, start, end, false);
        if (close !== -1 && trimEndOffset(text, close + 1, commentStart(text, close + 1, end)) === close + 1) {
            const value = text.slice(start + 1, close);
            return { value, valueStart: start + 1, valueEnd: close, quoted: true, templated: hasReference(value) };
        }
    }
    const valueEnd = trimEndOffset(text, start, commentStart(text, start, end));
    const value = text.slice(start, valueEnd);
    return { value, valueStart: start, valueEnd, quoted: false, templated: hasReference(value) };
}
/** An inline comment starts at ";" or "#" after whitespace (a "#" inside a password is part of it). */
function commentStart(text, start, end) {
    for (let i = start + 1; i < end; i += 1) {
        const c = text.charAt(i);
        const before = text.charAt(i - 1);
        if ((c === ";" || c === "#") && (before === " " || before === "\t"))
            return i;
    }
    return end;
}
