// Small readers over the shared YAML parse: one parse per file (cached under "yaml"), and
// helpers that read maps, scalars and spans without each rule re-walking the same shapes.

import { isAlias, isMap, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import type { SourceFile } from "../../core/types.js";
import { yamlView } from "../../languages/views.js";
import type { ParsedYaml } from "../../languages/yaml.js";

/** The file's YAML (or JSON) parse, shared with every other rule through the source file's cache. */
export function parsedYaml(file: SourceFile): ParsedYaml {
  return yamlView(file);
}

/** The node an alias points to, else the node itself. */
export function resolve(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

export function asMap(doc: Document.Parsed, node: unknown): YAMLMap<unknown, unknown> | null {
  const target = resolve(doc, node);
  return isMap(target) ? target : null;
}

export function asSeq(doc: Document.Parsed, node: unknown): YAMLSeq<unknown> | null {
  const target = resolve(doc, node);
  return isSeq(target) ? target : null;
}

/** The key of a pair as text (plain keys only; a templated key reads as written in the mask). */
export function keyOf(pair: Pair<unknown, unknown>): string | null {
  const key = pair.key;
  if (!isScalar(key) || key.value === null || key.value === undefined) return null;
  return String(key.value);
}

export function pairOf(doc: Document.Parsed, map: YAMLMap<unknown, unknown> | null, key: string): Pair<unknown, unknown> | undefined {
  if (!map) return undefined;
  return map.items.find((pair) => keyOf(pair) === key && (pair.value === null || resolve(doc, pair.value) !== undefined));
}

export function valueOf(doc: Document.Parsed, map: YAMLMap<unknown, unknown> | null, key: string): unknown {
  const pair = pairOf(doc, map, key);
  return pair ? resolve(doc, pair.value) : undefined;
}

/** Follows keys through nested maps: `at(doc, obj, "spec", "template", "spec")`. */
export function at(doc: Document.Parsed, map: YAMLMap<unknown, unknown> | null, ...keys: string[]): unknown {
  let node: unknown = map;
  for (const key of keys) {
    const current = asMap(doc, node);
    if (!current) return undefined;
    node = valueOf(doc, current, key);
  }
  return node;
}

/** A scalar's value as text (strings, numbers, booleans); null for anything else or an empty value. */
export function scalarText(doc: Document.Parsed, node: unknown): string | null {
  const target = resolve(doc, node);
  if (!isScalar(target) || target.value === null || target.value === undefined) return null;
  return String(target.value);
}

export function scalarOf(doc: Document.Parsed, node: unknown): Scalar | null {
  const target = resolve(doc, node);
  return isScalar(target) ? target : null;
}

/** Offsets of a node as written; [0, 0] when the parser gave none. */
export function rangeOf(node: unknown): { start: number; end: number } {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** Offsets of a scalar's content: inside quotes, past a block scalar's header. */
export function contentRange(text: string, node: unknown): { start: number; end: number } {
  const { start, end } = rangeOf(node);
  const scalar = isScalar(node) ? node : null;
  if (!scalar) return { start, end };
  if (scalar.type === "QUOTE_DOUBLE" || scalar.type === "QUOTE_SINGLE") return { start: start + 1, end: Math.max(start + 1, end - 1) };
  if (scalar.type === "BLOCK_LITERAL" || scalar.type === "BLOCK_FOLDED") {
    const newline = text.indexOf("\n", start);
    if (newline === -1 || newline >= end) return { start: end, end };
    let first = newline + 1;
    while (first < end && /\s/.test(text.charAt(first))) first += 1;
    let last = end;
    while (last > first && /\s/.test(text.charAt(last - 1))) last -= 1;
    return { start: first, end: last };
  }
  return { start, end };
}

/** Whether a node is (or holds) a Helm `{{ }}` template: the original text still shows it. */
export function isTemplated(text: string, node: unknown): boolean {
  const { start, end } = rangeOf(node);
  if (end <= start) return false;
  const open = text.indexOf("{{", start);
  return open !== -1 && open < end;
}

/** A pair's span from its key to the end of its value: reports start on the key's line. */
export function pairRange(pair: Pair<unknown, unknown>): { start: number; end: number } {
  const key = rangeOf(pair.key);
  const value = rangeOf(pair.value);
  return { start: key.start, end: Math.max(key.end, value.end) };
}

/** Every pair in a node tree with its key path, depth-first; aliases are not followed (they repeat their anchor). */
export function walkPairs(node: unknown, visit: (pair: Pair<unknown, unknown>, path: readonly string[]) => void, path: readonly string[] = [], depth = 0): void {
  if (depth > 64) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key === null || key === "<<") continue;
      const next = [...path, key];
      visit(pair, next);
      walkPairs(pair.value, visit, next, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walkPairs(item, visit, path, depth + 1);
  }
}

/** Every map in a node tree (the node itself included), depth-first. */
export function walkMaps(node: unknown, visit: (map: YAMLMap<unknown, unknown>, path: readonly string[]) => void, path: readonly string[] = [], depth = 0): void {
  if (depth > 64) return;
  if (isMap(node)) {
    visit(node, path);
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key !== null && key !== "<<") walkMaps(pair.value, visit, [...path, key], depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walkMaps(item, visit, path, depth + 1);
  }
}
