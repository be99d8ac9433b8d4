// Each parsed view of a file, computed once and shared by every rule through the file's cache.
// A parse failure becomes a notice on the file; rules then fall back to text.

import type { SourceFile } from "../engine/types.js";
import { parseDotenv, type DotenvEntry } from "./dotenv.js";
import { parseJson } from "./json.js";
import { loadPython, parsePython, type ParsedPython } from "./python.js";
import { loadTypeScript, parseTypeScript, type ParsedTypeScript } from "./typescript.js";
import { parseYaml, type ParsedYaml } from "./yaml.js";

export function yamlView(file: SourceFile): ParsedYaml {
  return file.cached("yaml", () => {
    const parsed = file.kind === "json" ? parseJson(file.text) : parseYaml(file.text);
    const first = parsed.errors[0];
    if (first) file.notice(`${file.kind === "json" ? "JSON" : "YAML"} does not parse (line ${first.line}: ${first.message}); text rules still ran`);
    return parsed;
  });
}

export function dotenvView(file: SourceFile): readonly DotenvEntry[] {
  return file.cached("dotenv", () => parseDotenv(file.text));
}

export async function pythonView(file: SourceFile): Promise<ParsedPython> {
  await loadPython();
  return file.cached("python", () => {
    const parsed = parsePython(file.text);
    if (parsed.hasError) file.notice("Python has syntax errors; the parts that parse were read, text rules still ran");
    return parsed;
  });
}

export async function typescriptView(file: SourceFile): Promise<ParsedTypeScript> {
  await loadTypeScript();
  return file.cached("typescript", () => {
    const parsed = parseTypeScript(file.text, file.path);
    if (parsed.error) file.notice(`does not parse (${parsed.error}); text rules still ran`);
    return parsed;
  });
}
