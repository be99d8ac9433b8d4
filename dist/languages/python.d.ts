import { PythonTree } from "./python-tree.js";
export interface ParsedPython {
    /** null only if the parser gave up (it recovers from syntax errors, marking ERROR nodes). */
    tree: PythonTree | null;
    hasError: boolean;
    /** Kept for callers that release views; the wasm tree is already freed. */
    dispose(): void;
}
/** Loads the runtime and the grammar once; later calls share the same promise. A failure can be retried. */
export declare function loadPython(): Promise<void>;
export declare function isPythonLoaded(): boolean;
/** Parses Python text; call loadPython() first. A syntax error is `hasError`, never an exception. */
export declare function parsePython(text: string): ParsedPython;
/** The grammar beside this module (a bundled build), else the one tree-sitter-python ships. */
export declare function grammarPath(): string;
