/** What reading a file's bytes gave: text to scan, or the reason it was skipped. */
export type Decoded = {
    text: string;
    notice?: string;
} | {
    skipped: string;
};
/** Binary files are skipped; UTF-16 with a BOM is decoded; invalid UTF-8 is scanned with replacement characters. */
export declare function decode(bytes: Buffer): Decoded;
