import type { Tree } from "web-tree-sitter";
export declare class SyntaxNode {
    private readonly source;
    readonly id: number;
    readonly type: string;
    readonly isNamed: boolean;
    readonly startIndex: number;
    readonly endIndex: number;
    readonly children: SyntaxNode[];
    /** This node's field in its parent (`left`, `function`, …), if any. */
    fieldName: string | null;
    parent: SyntaxNode | null;
    private named;
    constructor(source: PythonTree, id: number, type: string, isNamed: boolean, startIndex: number, endIndex: number);
    /** A token the parser inserted to recover from an error (set by the copy, asked only of zero-width leaves). */
    isMissing: boolean;
    get text(): string;
    get namedChildren(): SyntaxNode[];
    get namedChildCount(): number;
    namedChild(index: number): SyntaxNode | null;
    get firstNamedChild(): SyntaxNode | null;
    childForFieldName(field: string): SyntaxNode | null;
    childrenForFieldName(field: string): SyntaxNode[];
    /** Zero-based row and column (UTF-16) of the node's start. */
    get startPosition(): {
        row: number;
        column: number;
    };
    /** Descendants of these types, the node itself included, in source order. */
    descendantsOfType(types: string | readonly string[]): SyntaxNode[];
}
export declare class PythonTree {
    readonly text: string;
    readonly rootNode: SyntaxNode;
    /** An ERROR or MISSING node anywhere: the parser recovered from a syntax error. */
    readonly hasError: boolean;
    private lineOf;
    constructor(text: string, tree: Tree);
    positionAt(index: number): {
        row: number;
        column: number;
    };
    private copy;
}
