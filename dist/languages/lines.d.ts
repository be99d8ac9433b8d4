export interface Line {
    number: number;
    start: number;
    end: number;
    next: number;
}
/** Where content starts: past a UTF-8 BOM, which editors hide and parsers must not read as text. */
export declare function contentStart(text: string, start?: number): number;
export declare function splitLines(text: string, start?: number, end?: number): Line[];
/** The end of the line holding `offset` (before "\r\n" or "\n"). */
export declare function lineEndAt(text: string, offset: number, limit?: number): number;
/** First offset in [start, end) that is not a space or tab. */
export declare function skipSpaces(text: string, start: number, end: number): number;
/** Offset after the last character in [start, end) that is not whitespace. */
export declare function trimEndOffset(text: string, start: number, end: number): number;
/** A function from offset to 1-based line number, for many lookups in one text. */
export declare function lineLocator(text: string): (offset: number) => number;
/**
 * The offset of the "\n" ending the line at an offset (or `limit`), for scanners that ask again and
 * again while moving forward: one search per line, however many tokens the line holds.
 */
export declare function createNewlineFinder(text: string, limit?: number): (at: number) => number;
