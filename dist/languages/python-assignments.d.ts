import type { SyntaxNode as Node } from "./python-tree.js";
import { type Assignment, type LiteralSpan } from "./binding.js";
import type { ParsedPython } from "./python.js";
export declare function pythonAssignments(parsed: ParsedPython, text: string): Assignment[];
/** A string literal ("x", 'x', r"x", f"x" without substitutions, "a" "b"), or null. */
export declare function literalOf(outer: Node | null, text: string): LiteralSpan | null;
