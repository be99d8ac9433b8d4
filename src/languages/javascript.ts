// TypeScript and JavaScript through @typescript-eslint/typescript-estree: no project, no types.
// The parser is heavy, so it is imported on demand; once loaded, parsing is sync.

import type { TSESTree } from "@typescript-eslint/typescript-estree";

type Estree = typeof import("@typescript-eslint/typescript-estree");
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export interface ParsedJavaScript {
  ast: TSESTree.Program | null;
  /** The parser's message when the file does not parse (with its line), else null. */
  error: string | null;
}

let estree: Estree | null = null;
let keys: VisitorKeys | null = null;
let loading: Promise<void> | null = null;

/** Imports the parser once; later calls share the promise. A failure can be retried. */
export function loadJavaScript(): Promise<void> {
  loading ??= Promise.all([import("@typescript-eslint/typescript-estree"), import("@typescript-eslint/visitor-keys")]).then(
    ([parser, visitor]) => {
      // Both are CommonJS: Node's loader names their exports, a bundle may only give `default`.
      estree = commonJs(parser, "parse");
      keys = commonJs(visitor, "visitorKeys").visitorKeys;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function commonJs<T extends object>(namespace: T, member: keyof T): T {
  if (typeof namespace[member] !== "undefined") return namespace;
  const fallback = (namespace as { default?: T }).default;
  if (fallback && typeof fallback[member] !== "undefined") return fallback;
  throw new Error(`the TypeScript parser module has no ${String(member)}`);
}

export function isTypeScriptLoaded(): boolean {
  return estree !== null;
}

// JSX is on where the extension allows it; in .ts files `<T>x` is a type assertion.
const JSX_EXTENSION = /\.(?:tsx|jsx|js|mjs|cjs)$/i;

/** Parses TS/JS; call loadJavaScript() first. A syntax error is returned in `error`, never thrown. */
export function parseJavaScript(text: string, path: string): ParsedJavaScript {
  if (!estree) throw new Error("parseJavaScript() needs the parser: await loadJavaScript() first");
  try {
    const ast = estree.parse(text, {
      range: true,
      loc: true,
      jsx: JSX_EXTENSION.test(path),
      filePath: path,
      comment: false,
      tokens: false,
      errorOnUnknownASTType: false,
      loggerFn: false,
      suppressDeprecatedPropertyWarnings: true,
    });
    return { ast, error: null };
  } catch (error) {
    return { ast: null, error: describe(error) };
  }
}

// TSError carries the position; other errors only a message.
function describe(error: unknown): string {
  if (error && typeof error === "object" && "lineNumber" in error && "message" in error) {
    return `line ${String(error.lineNumber)}: ${String(error.message)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Visits `node` and its descendants in source order (depth first). `visit` returning false skips
 * the node's children. Iterative, so deep nesting does not overflow the stack.
 */
export function walk(
  node: TSESTree.Node,
  visit: (node: TSESTree.Node, parent: TSESTree.Node | null) => boolean | void,
): void {
  if (!keys) throw new Error("walk() needs the visitor keys: await loadJavaScript() first");
  const visitorKeys = keys;
  const stack: { node: TSESTree.Node; parent: TSESTree.Node | null }[] = [{ node, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry || visit(entry.node, entry.parent) === false) continue;
    const children: TSESTree.Node[] = [];
    for (const key of visitorKeys[entry.node.type] ?? []) {
      const child: unknown = (entry.node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) {
        children.push(child);
      }
    }
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, parent: entry.node });
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
