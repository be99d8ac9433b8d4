import type { FileKind, SourceFile } from "./types.js";
/** Builds the line index once; positions are 1-based lines and UTF-16 columns. */
export declare function createSourceFile(init: {
    path: string;
    kind: FileKind;
    text: string;
    size: number;
    tracked: boolean;
}): SourceFile;
