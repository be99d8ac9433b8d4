import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { type Assignment, type LiteralSpan } from "./binding.js";
type Node = TSESTree.Node;
export declare function javascriptAssignments(ast: TSESTree.Program): Assignment[];
/** A string literal or a template literal without substitutions, seen through `as`/`satisfies`/`!`. */
export declare function literalOf(node: Node): LiteralSpan | null;
export {};
