// extractAssignments: every key bound to a literal value in a file, read per file kind, with the
// exact offsets of the value as written. Whether a key is secret-like or a value a placeholder is
// the rules' call, not this module's.

import { kindOfEmbeddedName, kindOfFence, type FileKind } from "../core/file-kinds.js";
import { bind, type Assignment } from "./binding.js";
import { codeLineAssignments, JAVASCRIPT_STYLE, PYTHON_STYLE, TEXT_STYLE } from "./code-lines.js";
import { parseDotenv, parseKeyValueLines, type DotenvEntry } from "./dotenv.js";
import { dockerfileAssignments } from "./dockerfile.js";
import { hclAssignments } from "./hcl.js";
import { iniAssignments } from "./ini.js";
import { javascriptAssignments } from "./javascript-assignments.js";
import { parseJson } from "./json.js";
import { markdownAssignments } from "./markdown.js";
import { propertiesAssignments } from "./properties.js";
import { pythonAssignments } from "./python-assignments.js";
import type { ParsedPython } from "./python.js";
import { shellAssignments } from "./shell.js";
import { tomlAssignments } from "./toml.js";
import type { ParsedJavaScript } from "./javascript.js";
import { xmlAssignments } from "./xml.js";
import { yamlAssignments } from "./yaml-assignments.js";
import { parseYaml, type ParsedYaml } from "./yaml.js";

export type { Assignment, AssignmentSource, LiteralSpan } from "./binding.js";

export interface AssignmentFile {
  path: string;
  kind: FileKind;
  text: string;
}

/**
 * Parses the caller already holds (from the file's cache), so nothing is parsed twice. Python and
 * TS/JS are read from their trees only when given one; without it (or when the file did not parse)
 * a line reader stands in.
 */
export interface ParsedViews {
  yaml?: ParsedYaml; // from parseYaml, for kind "yaml"
  json?: ParsedYaml; // from parseJson, for kind "json"
  dotenv?: readonly DotenvEntry[];
  python?: ParsedPython;
  javascript?: ParsedJavaScript;
}

export function extractAssignments(file: AssignmentFile, parsed: ParsedViews = {}): Assignment[] {
  return ordered(byKind(file.kind, file.text, parsed));
}

function byKind(kind: FileKind, text: string, parsed: ParsedViews): Assignment[] {
  switch (kind) {
    case "dotenv":
      return (parsed.dotenv ?? parseDotenv(text)).map((entry) => bind(entry.key, [entry.key], entry, "dotenv"));
    case "shell":
      return shellAssignments(text);
    case "yaml":
      return yamlAssignments(parsed.yaml ?? parseYaml(text), text, { source: "yaml", embedded: embeddedFile });
    case "json": {
      const json = parsed.json ?? parseJson(text);
      // a file the parser refused (nested too deep to parse safely) is still read line by line
      if (json.documents.length === 0) return codeLineAssignments(text, TEXT_STYLE);
      return yamlAssignments(json, text, { source: "json" });
    }
    case "toml":
      return tomlAssignments(text);
    case "ini":
      return iniAssignments(text);
    case "properties":
      return propertiesAssignments(text);
    case "xml":
      return xmlAssignments(text);
    case "dockerfile":
      return dockerfileAssignments(text);
    case "hcl":
      return hclAssignments(text);
    case "python":
      return parsed.python ? pythonAssignments(parsed.python, text) : codeLineAssignments(text, PYTHON_STYLE);
    case "javascript":
      return parsed.javascript?.ast ? javascriptAssignments(parsed.javascript.ast) : codeLineAssignments(text, JAVASCRIPT_STYLE);
    case "markdown":
      return markdownAssignments(text, (language, block) => byKind(kindOfFence(language), block, {}));
    case "text":
      return textAssignments(text);
    case "gitignore":
      return [];
  }
}

// name = "x" anywhere, and whole KEY=value lines; an unquoted value ending in ";" or "," is a
// statement or an initializer of code (`status_pass = pass;`, `sym_pass = 128,`), not a setting.
function textAssignments(text: string): Assignment[] {
  return [
    ...codeLineAssignments(text, TEXT_STYLE),
    ...parseKeyValueLines(text, 0, text.length)
      .filter((entry) => entry.quoted || !/[;,]$/.test(entry.value))
      .map((entry) => bind(entry.key, [entry.key], entry, "text")),
    ...quotedWordLines(text),
    ...environmentDefaults(text),
    ...makeAssignments(text),
  ];
}

// GNU make's `NAME ?= value`, `NAME := value`, `NAME ::= value`, `NAME :::= value` (with `export` or
// `override` before it): the value runs to the end of the line or a `#`. Plain `NAME = value` is a
// KEY=value line, read above.
const MAKE_ASSIGNMENT = /^[ \t]*(?:(?:export|override)[ \t]+)*([A-Za-z_][A-Za-z0-9_.-]{0,127})[ \t]*(?:\?|:{1,3})=[ \t]*([^#\n]{0,1000}?)[ \t]*\r?$/gm;

function makeAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const match of text.matchAll(MAKE_ASSIGNMENT)) {
    const value = match[2]!;
    // Go's `token := getEnv("API_TOKEN", "go")`, `x := map[string]int{}`: code, whose quoted literals the line reader takes
    if (value.length === 0 || /["'\x60]|(?<!\$)\(|[{};]$/.test(value)) continue;
    const valueStart = match.index! + match[0].lastIndexOf(value);
    found.push(bind(match[1]!, [match[1]!], { value, valueStart, valueEnd: valueStart + value.length, quoted: false, templated: /\$[({]/.test(value) }, "text"));
  }
  return found;
}

// env('DB_PASSWORD', 'x') (Laravel), ENV.fetch("DB_PASSWORD", "x") (Ruby), getEnv("DB_PASSWORD", "x")
// (Go helpers), System.getenv: the default a program runs with when the variable is unset. The
// variable's name is the key. Quotes must close on the line; the regex has no nested quantifiers.
const ENV_DEFAULT_CALL = /\b(?:env|getenv|getEnv|get_env|fetch|envOr)[ \t]*\([ \t]*(["'])([A-Za-z_][\w.-]{0,127})\1[ \t]*,[ \t]*(["'])([^"'\n\\]{0,1000})\3/g;

function environmentDefaults(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const match of text.matchAll(ENV_DEFAULT_CALL)) {
    const name = match[2]!;
    const value = match[4]!;
    const valueStart = match.index! + match[0].length - value.length - 1;
    found.push(bind(name, [name], { value, valueStart, valueEnd: valueStart + value.length, quoted: true }, "text"));
  }
  return found;
}

// `password "s3cret"` alone on a line: msmtp, esmtp, fetchmail and mutt configs. Only the quoted
// form, so prose ("password reset") is never read as a binding.
const QUOTED_WORD_LINE = /^[ \t]*([A-Za-z_][\w.-]{0,63})[ \t]+"([^"\n]{0,1000})"[ \t]*\r?$/gm;

function quotedWordLines(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const match of text.matchAll(QUOTED_WORD_LINE)) {
    const value = match[2]!;
    const valueStart = match.index! + match[0].lastIndexOf(`"${value}"`) + 1;
    found.push(bind(match[1]!, [match[1]!], { value, valueStart, valueEnd: valueStart + value.length, quoted: true }, "text"));
  }
  return found;
}

// Files held in a YAML block scalar, by the key's extension:
//   data:
//     application.properties: |
//       spring.datasource.password=x
function embeddedFile(name: string, text: string): Assignment[] | null {
  const kind = kindOfEmbeddedName(name);
  return kind ? byKind(kind, text, {}) : null;
}

/** In file order, each binding once (two readers may see the same one: a text file's `KEY="x"`). */
function ordered(assignments: Assignment[]): Assignment[] {
  const seen = new Set<string>();
  return assignments
    .sort((a, b) => a.valueStart - b.valueStart || a.valueEnd - b.valueEnd)
    .filter((a) => {
      const identity = `${a.valueStart}:${a.valueEnd}:${a.key}`;
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
}
