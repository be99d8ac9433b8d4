// Each parsed view of a file, computed once and shared by every rule through the file's cache.
// A parse failure becomes a notice on the file; rules then fall back to text.

import { withoutSourceText } from "../core/redact.js";
import type { FileKind, SourceFile } from "../core/types.js";
import { parseDotenv, type DotenvEntry } from "./dotenv.js";
import { parseJson } from "./json.js";
import { loadPython, parsePython, type ParsedPython } from "./python.js";
import { loadJavaScript, parseJavaScript, type ParsedJavaScript } from "./javascript.js";
import { parseYaml, type ParsedYaml } from "./yaml.js";

export function yamlView(file: SourceFile): ParsedYaml {
  return file.cached("yaml", () => {
    const parsed = file.kind === "json" ? parseJson(file.text) : parseYaml(file.text);
    const first = parsed.errors[0];
    if (first) file.notice(`${file.kind === "json" ? "JSON" : "YAML"} does not parse (line ${first.line}: ${withoutSourceText(first.message)}); text rules still ran`);
    return parsed;
  });
}

export function dotenvView(file: SourceFile): readonly DotenvEntry[] {
  return file.cached("dotenv", () => parseDotenv(file.text));
}

/** Larger code files are bundles or generated: parsing them costs seconds and finds nothing a person wrote. */
export const MAX_PARSE_BYTES = 256_000;

/** Minified or generated code: few, very long lines. The text rules still read it. */
export function isMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > 5_000 || text.length / lines > 300;
}

/** Why a code file is not parsed, or null when it should be. */
function notParsed(file: SourceFile): string | null {
  if (file.text.length > MAX_PARSE_BYTES) return "not parsed: larger than 250 KB of code (a bundle or generated file); text rules still ran";
  if (isMinified(file.text)) return "not parsed: minified or generated code; text rules still ran";
  return null;
}

// Up to this many Python files, the grammar's wasm is not worth the optimizing compiler.
const FEW_PYTHON_FILES = 200;

/**
 * Starts loading the parsers the files about to be scanned need, given how many of each kind
 * there are. The Python grammar compiles on a background thread, so starting it before the first
 * file is read overlaps it with reading the blobs; a failure here surfaces again, as a notice,
 * when a file asks for the view.
 */
export function preloadParsers(counts: ReadonlyMap<FileKind, number>): void {
  const python = counts.get("python") ?? 0;
  if (python > 0) loadPython({ fewFiles: python <= FEW_PYTHON_FILES }).catch(() => undefined);
}

export async function pythonView(file: SourceFile): Promise<ParsedPython> {
  const skip = notParsed(file);
  if (skip) {
    file.notice(skip);
    return { tree: null, hasError: true, dispose() {} };
  }
  await loadPython();
  return file.cached("python", () => {
    const parsed = parsePython(file.text);
    if (parsed.hasError) file.notice("Python has syntax errors; the parts that parse were read, text rules still ran");
    return parsed;
  });
}

export async function javascriptView(file: SourceFile): Promise<ParsedJavaScript> {
  const skip = notParsed(file);
  if (skip) {
    file.notice(skip);
    return { ast: null, error: skip };
  }
  await loadJavaScript();
  return file.cached("javascript", () => {
    const parsed = parseJavaScript(file.text, file.path);
    if (parsed.error) file.notice(`does not parse (${withoutSourceText(parsed.error)}); text rules still ran`);
    return parsed;
  });
}
