// Python through web-tree-sitter and the wasm grammar tree-sitter-python ships. Loading is async
// and done once; parsing is sync after it. Trees live in wasm memory: dispose() each one.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Parser, Tree } from "web-tree-sitter";

export interface ParsedPython {
  /** null only if the parser gave up (it recovers from syntax errors, marking ERROR nodes). */
  tree: Tree | null;
  hasError: boolean;
  /** Frees the tree's wasm memory; the tree must not be used after. */
  dispose(): void;
}

const GRAMMAR = "tree-sitter-python.wasm";
let loading: Promise<Parser> | null = null;
let parser: Parser | null = null;

/** Loads the runtime and the grammar once; later calls share the same promise. A failure can be retried. */
export function loadPython(): Promise<void> {
  loading ??= createParser().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading.then((ready) => {
    parser = ready;
  });
}

export function isPythonLoaded(): boolean {
  return parser !== null;
}

/** Parses Python text; call loadPython() first. A syntax error is `hasError`, never an exception. */
export function parsePython(text: string): ParsedPython {
  if (!parser) throw new Error("parsePython() needs the grammar: await loadPython() first");
  const tree = parser.parse(text);
  let disposed = false;
  return {
    tree,
    hasError: tree === null || tree.rootNode.hasError,
    dispose() {
      if (!disposed) tree?.delete();
      disposed = true;
    },
  };
}

async function createParser(): Promise<Parser> {
  const { Parser: ParserClass, Language } = await import("web-tree-sitter");
  // a bundled build ships tree-sitter.wasm (the runtime) beside this module
  const runtime = besideModule("tree-sitter.wasm");
  await ParserClass.init(runtime ? { locateFile: () => runtime } : undefined);
  const language = await Language.load(grammarPath());
  const created = new ParserClass();
  created.setLanguage(language);
  return created;
}

/** The grammar beside this module (a bundled build), else the one tree-sitter-python ships. */
export function grammarPath(): string {
  return besideModule(GRAMMAR) ?? createRequire(import.meta.url).resolve(`tree-sitter-python/${GRAMMAR}`);
}

function besideModule(file: string): string | null {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  return existsSync(path) ? path : null;
}
