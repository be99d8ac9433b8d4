export interface DotenvEntry {
    key: string;
    value: string;
    line: number;
    keyStart: number;
    valueStart: number;
    valueEnd: number;
    quoted: boolean;
    /** The value expands another variable: "${DB_HOST}" (unquoted or double-quoted only). */
    templated: boolean;
}
/** Every entry of a .env file; lines that are not entries (comments, junk) are skipped. */
export declare function parseDotenv(text: string): DotenvEntry[];
/**
 * KEY=value lines in a region of another file (Markdown prose, a shell heredoc). A quote opened
 * on such a line must close on it: prose would otherwise swallow the paragraphs that follow.
 */
export declare function parseKeyValueLines(text: string, start: number, end: number): DotenvEntry[];
