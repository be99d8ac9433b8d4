export interface TextLine {
    text: string;
    start: number;
}
/** The lines of a text with their offsets (CRLF kept out of the text). */
export declare function linesOf(text: string): TextLine[];
/** A whole-line comment in the usual syntaxes: `# …`, `// …`, `-- …`, `; …`, ` * …`, `<!-- …`. */
export declare function isCommentLine(line: string): boolean;
export interface ParsedUrl {
    scheme: string;
    /** `user:password` as written, or null. */
    userinfo: string | null;
    password: string | null;
    /** Offset of the password in the URL text. */
    passwordOffset: number;
    host: string;
    port: string | null;
    path: string;
}
export declare const URL_PATTERN: RegExp;
export declare function parseUrl(scheme: string, rest: string): ParsedUrl;
export declare function isLoopbackHost(host: string): boolean;
/**
 * The region of text around `offset` that one setting belongs to:
 *   Client(host=…, password=…, ssl=False)     the innermost call or object holding it
 *   listener "tcp" { tls_disable = 1 }        the innermost block
 *   redis:\n  ssl: false\n  password: x       else the lines indented like it (YAML siblings)
 * Scans at most `limit` characters each way.
 */
export declare function enclosingRegion(text: string, offset: number, limit?: number): {
    start: number;
    end: number;
};
/** The lines around `offset` indented at least as deep as its own line, up to `maxLines` each way. */
export declare function indentedBlock(text: string, offset: number, maxLines: number): {
    start: number;
    end: number;
};
