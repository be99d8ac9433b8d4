// Text from a scanned repository (file names, code lines, messages that quote them) is hostile:
// it may hold terminal escape sequences, carriage returns, bidi overrides or workflow commands.
// Reporters pass every such string through here before it reaches a terminal or a CI log.

// C0 controls but tab, DEL, C1 controls, and the bidirectional overrides and isolates that make a
// line read differently from what it holds.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character shown as an escape (`\x1b`, `\r`, `\u202e`), so it cannot act. */
export function visible(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** At most `width` characters, with an ellipsis where it was cut. */
export function capped(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + "…" : text;
}

// GitHub's runner reads a log line that starts with `::` as a workflow command (`::error …`,
// `::add-mask::`, `::stop-commands::`). A zero-width space after the first colon keeps such a
// line plain text while it looks the same.
export function noWorkflowCommands(output: string): string {
  return output.replace(/^([ \t]*):(?=:)/gm, "$1:\u200b");
}
