// Line iteration with offsets into the original text; CRLF and a leading BOM are handled here once.
const BOM = "\uFEFF";
/** Where content starts: past a UTF-8 BOM, which editors hide and parsers must not read as text. */
export function contentStart(text, start = 0) {
    return start === 0 && text.startsWith(BOM) ? 1 : start;
}
export function splitLines(text, start = 0, end = text.length) {
    const lines = [];
    let pos = contentStart(text, start);
    let number = 1;
    while (pos < end || (pos === end && lines.length === 0)) {
        const newline = text.indexOf("\n", pos);
        const lineEnd = newline === -1 || newline >= end ? end : newline;
        const next = lineEnd === end ? end : lineEnd + 1;
        const trimmedEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        lines.push({ number, start: pos, end: trimmedEnd, next });
        if (next === pos)
            break;
        pos = next;
        number += 1;
    }
    return lines;
}
/** The end of the line holding `offset` (before "\r\n" or "\n"). */
export function lineEndAt(text, offset, limit = text.length) {
    const newline = text.indexOf("\n", offset);
    const end = newline === -1 || newline > limit ? limit : newline;
    return end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
/** First offset in [start, end) that is not a space or tab. */
export function skipSpaces(text, start, end) {
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9))
        i += 1;
    return i;
}
/** Offset after the last character in [start, end) that is not whitespace. */
export function trimEndOffset(text, start, end) {
    let i = end;
    while (i > start && /\s/.test(text.charAt(i - 1)))
        i -= 1;
    return i;
}
/** A function from offset to 1-based line number, for many lookups in one text. */
export function lineLocator(text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
        starts.push(i + 1);
    return (offset) => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return low + 1;
    };
}
/**
 * The offset of the "\n" ending the line at an offset (or `limit`), for scanners that ask again and
 * again while moving forward: one search per line, however many tokens the line holds.
 */
export function createNewlineFinder(text, limit = text.length) {
    let cached = -1;
    return (at) => {
        if (at > cached) {
            const newline = text.indexOf("\n", at);
            cached = newline === -1 || newline > limit ? limit : newline;
        }
        return cached;
    };
}
