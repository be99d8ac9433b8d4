/**
 * Index of the quote closing the one at `open`, or -1 before `limit`.
 * With `escapes`, a backslash escapes the next character ("a\"b").
 */
export declare function findClosingQuote(text: string, open: number, limit: number, escapes: boolean): number;
/**
 * findClosingQuote for scans that may cross lines (shell, dotenv): remembers the last scan per
 * quote kind so that a file full of unmatched quotes stays linear. A quote opened inside the span
 * of the last scan closes where that scan closed (or nowhere), since the scans line up after it.
 */
export declare function createQuoteFinder(text: string, limit: number): (open: number, escapes: boolean) => number;
/** indexOf that stays linear when asked again and again from increasing offsets. */
export declare function createIndexFinder(text: string, needle: string): (from: number) => number;
/**
 * C-family escapes as JSON, TOML, Python and JavaScript write them: "\n", "\u00e9", "\x41",
 * "\101", a backslash before a newline continues the line. An unknown escape keeps its backslash.
 */
export declare function unescapeBackslashes(raw: string): string;
/**
 * A reference the value's consumer expands: "${DB_PASSWORD}", "{{ .Values.password }}",
 * Kubernetes "$(DB_PASSWORD)". Checked with indexOf so long values stay linear.
 */
export declare function hasReference(value: string): boolean;
/** `%2F` -> `/`; text that is not valid percent-encoding is returned as written. */
export declare function decodeURIComponentSafe(text: string): string;
