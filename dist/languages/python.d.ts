import { PythonTree } from "./python-tree.js";
export interface ParsedPython {
    /** null only if the parser gave up (it recovers from syntax errors, marking ERROR nodes). */
    tree: PythonTree | null;
    hasError: boolean;
    /** Kept for callers that release views; the wasm tree is already freed. */
    dispose(): void;
}
/**
 * Loads the runtime and the grammar once; later calls share the same promise. A failure can be
 * retried. `fewFiles`: compile the wasm with the baseline tier only. For a handful of files the
 * optimizing tier's code is ready only after the scan, and the process waits for it to exit
 * (~50 ms on a pre-commit hook). The V8 flag is process-wide: it also holds for later loads.
 */
export declare function loadPython(options?: {
    fewFiles?: boolean;
}): Promise<void>;
export declare function isPythonLoaded(): boolean;
/** Parses Python text; call loadPython() first. A syntax error is `hasError`, never an exception. */
export declare function parsePython(text: string): ParsedPython;
/** The grammar beside this module (a bundled build), else the one tree-sitter-python ships. */
export declare function grammarPath(): string;
