// Markdown: fenced code blocks read by their language, with offsets mapped back into the file,
// and KEY=value lines in the prose around them.
import { bind, shiftAssignments } from "./binding.js";
import { parseKeyValueLines } from "./dotenv.js";
import { splitLines } from "./lines.js";
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/; // ```yaml   ~~~ {.python}
export function markdownAssignments(text, readBlock) {
    const found = [];
    const lines = splitLines(text);
    let proseStart = lines[0]?.start ?? 0;
    for (let l = 0; l < lines.length; l += 1) {
        const line = lines[l];
        const fence = line ? FENCE.exec(text.slice(line.start, line.end)) : null;
        if (!line || !fence?.[1])
            continue;
        found.push(...proseAssignments(text, proseStart, line.start));
        const close = closingFence(text, lines, l + 1, fence[1]);
        const blockStart = line.next;
        const blockEnd = close === -1 ? text.length : (lines[close]?.start ?? text.length);
        const language = (fence[2] ?? "").replace(/^\{?\.?/, "").replace(/\}$/, "").toLowerCase();
        found.push(...shiftAssignments(readBlock(language, text.slice(blockStart, blockEnd)), blockStart));
        l = close === -1 ? lines.length : close;
        proseStart = close === -1 ? text.length : (lines[close]?.next ?? text.length);
    }
    found.push(...proseAssignments(text, proseStart, text.length));
    return found;
}
// DB_PASSWORD=x   export API_KEY=x   (whole lines of prose)
function proseAssignments(text, start, end) {
    if (end <= start)
        return [];
    return parseKeyValueLines(text, start, end).map((entry) => bind(entry.key, [entry.key], entry, "text"));
}
/** The line closing a fence: the same character, at least as many, nothing after but spaces. */
function closingFence(text, lines, from, fence) {
    const char = fence.charAt(0);
    for (let l = from; l < lines.length; l += 1) {
        const line = lines[l];
        if (!line)
            continue;
        const content = text.slice(line.start, line.end).trim();
        if (content.length >= fence.length && content.startsWith(fence) && [...content].every((c) => c === char))
            return l;
    }
    return -1;
}
