import { type Document, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import type { SourceFile } from "../engine/types.js";
import type { ParsedYaml } from "../languages/yaml.js";
/** The file's YAML (or JSON) parse, shared with every other rule through the source file's cache. */
export declare function parsedYaml(file: SourceFile): ParsedYaml;
/** The node an alias points to, else the node itself. */
export declare function resolve(doc: Document.Parsed, node: unknown): unknown;
export declare function asMap(doc: Document.Parsed, node: unknown): YAMLMap<unknown, unknown> | null;
export declare function asSeq(doc: Document.Parsed, node: unknown): YAMLSeq<unknown> | null;
/** The key of a pair as text (plain keys only; a templated key reads as written in the mask). */
export declare function keyOf(pair: Pair<unknown, unknown>): string | null;
export declare function pairOf(doc: Document.Parsed, map: YAMLMap<unknown, unknown> | null, key: string): Pair<unknown, unknown> | undefined;
export declare function valueOf(doc: Document.Parsed, map: YAMLMap<unknown, unknown> | null, key: string): unknown;
/** Follows keys through nested maps: `at(doc, obj, "spec", "template", "spec")`. */
export declare function at(doc: Document.Parsed, map: YAMLMap<unknown, unknown> | null, ...keys: string[]): unknown;
/** A scalar's value as text (strings, numbers, booleans); null for anything else or an empty value. */
export declare function scalarText(doc: Document.Parsed, node: unknown): string | null;
export declare function scalarOf(doc: Document.Parsed, node: unknown): Scalar | null;
/** Offsets of a node as written; [0, 0] when the parser gave none. */
export declare function rangeOf(node: unknown): {
    start: number;
    end: number;
};
/** Offsets of a scalar's content: inside quotes, past a block scalar's header. */
export declare function contentRange(text: string, node: unknown): {
    start: number;
    end: number;
};
/** Whether a node is (or holds) a Helm `{{ }}` template: the original text still shows it. */
export declare function isTemplated(text: string, node: unknown): boolean;
/** A pair's span from its key to the end of its value: reports start on the key's line. */
export declare function pairRange(pair: Pair<unknown, unknown>): {
    start: number;
    end: number;
};
/** Every pair in a node tree with its key path, depth-first; aliases are not followed (they repeat their anchor). */
export declare function walkPairs(node: unknown, visit: (pair: Pair<unknown, unknown>, path: readonly string[]) => void, path?: readonly string[], depth?: number): void;
/** Every map in a node tree (the node itself included), depth-first. */
export declare function walkMaps(node: unknown, visit: (map: YAMLMap<unknown, unknown>, path: readonly string[]) => void, path?: readonly string[], depth?: number): void;
