// Python through web-tree-sitter and the wasm grammar tree-sitter-python ships. Loading is async
// and done once; parsing is sync after it. Each tree is copied out of wasm memory into plain
// objects (python-tree.ts) and freed there at once.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { PythonTree } from "./python-tree.js";
const GRAMMAR = "tree-sitter-python.wasm";
let loading = null;
let parser = null;
/**
 * Loads the runtime and the grammar once; later calls share the same promise. A failure can be
 * retried. `fewFiles`: compile the wasm with the baseline tier only. For a handful of files the
 * optimizing tier's code is ready only after the scan, and the process waits for it to exit
 * (~50 ms on a pre-commit hook). The V8 flag is process-wide: it also holds for later loads.
 */
export function loadPython(options = {}) {
    if (options.fewFiles && !loading)
        setFlagsFromString("--liftoff-only");
    loading ??= createParser().catch((error) => {
        loading = null;
        throw error;
    });
    return loading.then((ready) => {
        parser = ready;
    });
}
export function isPythonLoaded() {
    return parser !== null;
}
/** Parses Python text; call loadPython() first. A syntax error is `hasError`, never an exception. */
export function parsePython(text) {
    if (!parser)
        throw new Error("parsePython() needs the grammar: await loadPython() first");
    const parsed = parser.parse(text);
    if (!parsed)
        return { tree: null, hasError: true, dispose() { } };
    try {
        const tree = new PythonTree(text, parsed);
        return { tree, hasError: tree.hasError, dispose() { } };
    }
    finally {
        parsed.delete();
    }
}
async function createParser() {
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
export function grammarPath() {
    return besideModule(GRAMMAR) ?? createRequire(import.meta.url).resolve(`tree-sitter-python/${GRAMMAR}`);
}
function besideModule(file) {
    const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
    return existsSync(path) ? path : null;
}
