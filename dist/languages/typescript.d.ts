import type { TSESTree } from "@typescript-eslint/typescript-estree";
export interface ParsedTypeScript {
    ast: TSESTree.Program | null;
    /** The parser's message when the file does not parse (with its line), else null. */
    error: string | null;
}
/** Imports the parser once; later calls share the promise. A failure can be retried. */
export declare function loadTypeScript(): Promise<void>;
export declare function isTypeScriptLoaded(): boolean;
/** Parses TS/JS; call loadTypeScript() first. A syntax error is returned in `error`, never thrown. */
export declare function parseTypeScript(text: string, path: string): ParsedTypeScript;
/**
 * Visits `node` and its descendants in source order (depth first). `visit` returning false skips
 * the node's children. Iterative, so deep nesting does not overflow the stack.
 */
export declare function walk(node: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node | null) => boolean | void): void;
