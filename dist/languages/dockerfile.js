// Dockerfiles: ENV and ARG values, and the shell or exec-form commands of RUN, CMD and ENTRYPOINT.
import { bind } from "./binding.js";
import { contentStart, lineEndAt, skipSpaces, trimEndOffset } from "./lines.js";
import { argumentListAssignments, shellAssignments, tokenizeShell } from "./shell.js";
import { findClosingQuote, hasReference, unescapeBackslashes } from "./strings.js";
const INSTRUCTION = /([A-Za-z]+)[ \t]*/y;
const ENV_PAIR = /^([A-Za-z_][\w.-]*)=/; // ENV / ARG keys may hold "." and "-"
const COMMANDS = new Set(["RUN", "CMD", "ENTRYPOINT"]);
export function dockerfileAssignments(text) {
    const found = [];
    let pos = contentStart(text);
    while (pos < text.length) {
        const start = skipSpaces(text, pos, lineEndAt(text, pos));
        const end = instructionEnd(text, start);
        INSTRUCTION.lastIndex = start;
        const match = text.charAt(start) === "#" ? null : INSTRUCTION.exec(text);
        const instruction = match?.[1]?.toUpperCase() ?? "";
        const body = INSTRUCTION.lastIndex;
        if (match && (instruction === "ENV" || instruction === "ARG")) {
            found.push(...variableAssignments(text, body, end, instruction));
        }
        else if (match && COMMANDS.has(instruction)) {
            found.push(...(text.charAt(body) === "[" ? argumentListAssignments(text, execForm(text, body, end)) : shellAssignments(text, body, end)));
        }
        pos = nextLine(text, end);
    }
    return found;
}
// ENV A=1 B="two words"   ARG VERSION=1.0   ENV KEY value with spaces  (legacy form)
function variableAssignments(text, start, end, instruction) {
    const words = tokenizeShell(text, start, end, { operators: false }).commands.flat();
    const first = words[0];
    if (!first)
        return [];
    if (!ENV_PAIR.test(first.raw)) {
        const second = words[1];
        if (instruction !== "ENV" || !second)
            return [];
        const valueEnd = trimEndOffset(text, second.start, end);
        const literal = words.length === 2 ? second.tail(0) : { value: text.slice(second.start, valueEnd), valueStart: second.start, valueEnd, quoted: false };
        if (hasReference(literal.value))
            literal.templated = true;
        return [bind(first.value, [first.value], literal, "dockerfile")];
    }
    const found = [];
    for (const word of words) {
        const pair = ENV_PAIR.exec(word.raw);
        if (pair?.[1])
            found.push(bind(pair[1], [pair[1]], word.tail(pair[0].length), "dockerfile"));
    }
    return found;
}
// CMD ["redis-server", "--requirepass", "x"]   (JSON strings, as written)
function execForm(text, start, end) {
    const items = [];
    for (let open = start; open < end; open += 1) {
        if (text.charAt(open) !== '"')
            continue;
        const close = findClosingQuote(text, open, end, true);
        if (close === -1)
            break;
        items.push({ value: unescapeBackslashes(text.slice(open + 1, close)), valueStart: open + 1, valueEnd: close, quoted: true });
        open = close;
    }
    return items;
}
// RUN apt-get install \
//     # a comment line inside is dropped, as Docker does
//     curl                 (one instruction over several lines)
function instructionEnd(text, start) {
    let end = lineEndAt(text, start);
    let continuing = endsWithBackslash(text, start, end);
    while (continuing && end < text.length) {
        const lineStart = nextLine(text, end);
        end = lineEndAt(text, lineStart);
        const first = skipSpaces(text, lineStart, end);
        if (first === end || text.charAt(first) === "#")
            continue;
        continuing = endsWithBackslash(text, lineStart, end);
    }
    return end;
}
function endsWithBackslash(text, start, end) {
    const last = trimEndOffset(text, start, end);
    return last > start && text.charAt(last - 1) === "\\";
}
function nextLine(text, lineEnd) {
    const newline = text.indexOf("\n", lineEnd);
    return newline === -1 ? text.length : newline + 1;
}
