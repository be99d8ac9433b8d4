import type { TSESTree } from "@typescript-eslint/typescript-estree";
import type { SourceFile } from "../engine/types.js";
import { type CodeFacts, type Leak, type LeakOptions } from "./shared.js";
type Node = TSESTree.Node;
interface Binding {
    name: string;
    pos: number;
    /** member: `const { apiKey } = config` reads `key` of `value`; keys: `for (k in obj)`. */
    kind: "assign" | "iter" | "augment" | "mutate" | "param" | "member" | "keys";
    value: Node | null;
    key?: string | null;
    /** A destructuring default: `const { API_KEY = "dev" } = process.env`. */
    fallback?: Node | null;
    scope: Scope;
}
interface Scope {
    kind: "module" | "function";
    node: Node;
    parent: Scope | null;
    name: string;
    bindings: Map<string, Binding[]>;
    params: string[];
    /** The fact scope id: this function's, or the enclosing one's for an immediately invoked function. */
    factScope: string;
    /** `missing.push(name)` calls on a local array, by array name. */
    feeds: Map<string, Node[]>;
}
export interface JavaScriptModel {
    program: TSESTree.Program;
    module: Scope;
    parents: Map<Node, Node | null>;
    /** The scope each node runs in. */
    scopes: Map<Node, Scope>;
    /** Function nodes and the scope their body is. */
    functions: Map<Node, Scope>;
    instance: Map<string, Binding[]>;
    calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
    throws: TSESTree.ThrowStatement[];
    ifs: TSESTree.IfStatement[];
    members: TSESTree.MemberExpression[];
    patterns: TSESTree.VariableDeclarator[];
    /** pino / fastify `redact` paths configured in this file. */
    redactions: string[][];
}
export declare function buildJavaScriptModel(program: TSESTree.Program, path: string): JavaScriptModel;
export declare function keyName(key: Node, computed?: boolean): string | null;
/** `process.env.API_KEY` for a chain of identifiers and non-computed members (seen through `?.` and `!`). */
export declare function dottedName(node: Node | null | undefined): string | null;
/** The name a call calls: `getenv`, `info` for `logger.child({}).info`, `Error` for `new Error(…)`. */
export declare function calleeName(callee: Node): string | null;
export declare function stringValue(node: Node): string | null;
export declare function javascriptLeaks(model: JavaScriptModel, options: LeakOptions): Leak[];
type PositionAt = (offset: number) => {
    line: number;
    column: number;
};
export declare function javascriptStartupFacts(model: JavaScriptModel, path: string, positionAt: PositionAt): CodeFacts;
/** The file's scope model, built once over the shared parse and kept in the file's cache; null when the file does not parse. */
export declare function javascriptModelOf(file: SourceFile): Promise<JavaScriptModel | null>;
export {};
