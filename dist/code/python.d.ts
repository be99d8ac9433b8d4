import type { PythonTree as Tree, SyntaxNode as Node } from "../languages/python-tree.js";
import type { SourceFile } from "../engine/types.js";
import { type CodeFacts, type Leak, type LeakOptions } from "./shared.js";
type ScopeKind = "module" | "function" | "class" | "lambda" | "comprehension";
interface Binding {
    name: string;
    /** The binding takes effect here: references at or after it see it. */
    pos: number;
    kind: "assign" | "iter" | "augment" | "mutate" | "param";
    value: Node | null;
    /** For `mutate`: the literal key written (`headers["Authorization"] = …`). */
    key?: string | null;
    scope: Scope;
}
interface Scope {
    kind: ScopeKind;
    node: Node;
    parent: Scope | null;
    name: string;
    bindings: Map<string, Binding[]>;
    params: string[];
    /** The fact scope id: the nearest function's, else the module's. */
    factScope: string;
    /** Calls `name.append(x)` / `.extend` / `.add` / `.insert` on a local list, by list name. */
    feeds: Map<string, Node[]>;
}
/** The scope model of one file, built once and shared by both rules through the file's cache. */
export interface PythonModel {
    root: Node;
    module: Scope;
    /** Scope nodes (functions, lambdas, comprehensions, classes) by node id. */
    scopes: Map<number, Scope>;
    /** `self.dsn = …` in any method, by attribute name. */
    instance: Map<string, Binding[]>;
    /** Settings fields pydantic masks when printed (`api_key: SecretStr`). */
    maskedFields: Set<string>;
    /** Every call, with the scope it runs in, in source order. */
    calls: {
        node: Node;
        scope: Scope;
    }[];
    raises: {
        node: Node;
        scope: Scope;
    }[];
    ifs: {
        node: Node;
        scope: Scope;
    }[];
    subscripts: {
        node: Node;
        scope: Scope;
    }[];
    classes: {
        node: Node;
        scope: Scope;
    }[];
    decorated: {
        node: Node;
        scope: Scope;
    }[];
}
export declare function buildPythonModel(tree: Tree, path: string): PythonModel;
/** `os.environ.get` for a chain of identifiers and attributes, else null. */
export declare function dottedName(node: Node | null): string | null;
/** The name a call calls: `getenv` for `os.getenv(…)`, `ValueError` for `ValueError(…)`, `info` for `log.bind().info(…)`. */
export declare function calleeName(fn: Node | null): string | null;
/** The value of a plain string literal (no interpolation), else null. */
export declare function stringValue(node: Node | null | undefined): string | null;
/** Secrets reaching a logger, print, stdout/stderr, warnings or an exception message. */
export declare function pythonLeaks(model: PythonModel, options: LeakOptions): Leak[];
type PositionAt = (offset: number) => {
    line: number;
    column: number;
};
/** What missing-startup-validation needs from one Python file. */
export declare function pythonStartupFacts(model: PythonModel, path: string, positionAt: PositionAt): CodeFacts;
/** The file's scope model, built once over the shared parse and kept in the file's cache; null when there is no tree. */
export declare function pythonModelOf(file: SourceFile): Promise<PythonModel | null>;
export {};
