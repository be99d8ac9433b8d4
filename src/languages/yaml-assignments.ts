// Key→literal bindings in parsed YAML or JSON documents: every scalar map entry with its key path,
// plus the shapes that carry environment variables and command lines:
//   env: [{name: DB_PASSWORD, value: x}]        environment: ["DB_PASSWORD=x"]
//   args: ["--requirepass", "x"]                command: redis-server --requirepass x

import { isAlias, isMap, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { literalWord } from "./arguments.js";
import { bind, shiftAssignments, type Assignment, type LiteralSpan } from "./binding.js";
import { trimEndOffset } from "./lines.js";
import { argumentListAssignments, shellAssignments } from "./shell.js";
import { hasReference } from "./strings.js";
import type { ParsedYaml, TextSpan } from "./yaml.js";

export interface YamlAssignmentOptions {
  source: "yaml" | "json";
  /**
   * Assignments of a file held in a block scalar, named by its key
   * (a ConfigMap's `application.properties: |`), or null when the name says nothing.
   */
  embedded?: (name: string, text: string) => Assignment[] | null;
}

const COMMAND_KEYS = new Set(["command", "args", "entrypoint"]);
const SCRIPT_KEYS = new Set(["run", "script", "before_script", "after_script"]);
const ENV_LIST_KEYS = new Set(["environment", "env", "args", "build_args"]);
const ENV_ITEM = /^([A-Za-z_][A-Za-z0-9_.-]*)=/; // DB_PASSWORD=x
const NAME_FIELDS = new Set(["name", "key"]);
const VALUE_FIELDS = new Set(["value"]);

export function yamlAssignments(parsed: ParsedYaml, text: string, options: YamlAssignmentOptions): Assignment[] {
  const found: Assignment[] = [];
  for (const doc of parsed.documents) {
    new DocumentWalker(doc, text, parsed.templates, options, found).visit(doc.contents, []);
  }
  return found;
}

class DocumentWalker {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly templates: readonly TextSpan[],
    private readonly options: YamlAssignmentOptions,
    private readonly found: Assignment[],
  ) {}

  visit(node: unknown, path: readonly string[]): void {
    if (isMap(node)) {
      for (const pair of node.items) this.visitPair(pair, path);
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isMap(item) && this.visitEnvVar(item, path)) continue;
        this.visit(item, path);
      }
    }
  }

  private visitPair(pair: Pair<unknown, unknown>, path: readonly string[]): void {
    const key = this.keyText(pair.key);
    if (key === null || key === "<<") return; // merge keys repeat what their anchor already showed
    const keyPath = [...path, key];
    const name = key.toLowerCase();
    const value = pair.value;
    if (isSeq(value)) {
      this.visitSequence(name, value, keyPath);
      this.visit(value, keyPath);
      return;
    }
    if (isMap(value)) {
      this.visit(value, keyPath);
      return;
    }
    const literal = this.literalOf(value);
    if (!literal) return;
    if (COMMAND_KEYS.has(name) || SCRIPT_KEYS.has(name)) {
      // command: redis-server --requirepass x
      this.found.push(...shellAssignments(this.text, literal.valueStart, literal.valueEnd));
      return;
    }
    const embedded = isScalar(value) && value.type === "BLOCK_LITERAL" ? this.embeddedFile(key, value) : null;
    if (embedded) this.found.push(...embedded);
    else this.found.push(bind(key, keyPath, literal, this.options.source));
  }

  private visitSequence(name: string, seq: YAMLSeq<unknown>, keyPath: readonly string[]): void {
    const literals = seq.items.map((item) => this.literalOf(item));
    const items = literals.filter((l): l is LiteralSpan => l !== null);
    if (ENV_LIST_KEYS.has(name)) {
      // environment: ["DB_PASSWORD=x"]
      for (const literal of items) {
        const match = ENV_ITEM.exec(literal.value);
        if (match?.[1]) {
          this.found.push(bind(match[1], [...keyPath, match[1]], literalWord(literal).tail(match[0].length), this.options.source));
        }
      }
    }
    if (COMMAND_KEYS.has(name)) {
      // args: ["--requirepass", "x"]   command: ["sh", "-c", "redis-server --requirepass x"]
      this.found.push(...argumentListAssignments(this.text, items));
    } else if (SCRIPT_KEYS.has(name)) {
      // script: ["export DB_PASSWORD=x", "./migrate"]
      for (const literal of items) this.found.push(...shellAssignments(this.text, literal.valueStart, literal.valueEnd));
    }
  }

  /** env: [{name: DB_PASSWORD, value: x}] reads as DB_PASSWORD → x; other fields are visited as usual. */
  private visitEnvVar(item: YAMLMap<unknown, unknown>, path: readonly string[]): boolean {
    const field = (names: Set<string>): Pair<unknown, unknown> | undefined =>
      item.items.find((p) => isScalar(p.key) && names.has(String(p.key.value).toLowerCase()));
    const namePair = field(NAME_FIELDS);
    const valuePair = field(VALUE_FIELDS);
    const envName = namePair && isScalar(namePair.value) ? this.keyText(namePair.value) : null;
    if (!namePair || !valuePair || envName === null || isMap(valuePair.value) || isSeq(valuePair.value)) return false;
    const literal = this.literalOf(valuePair.value);
    if (literal) this.found.push(bind(envName, [...path, envName], literal, this.options.source));
    for (const pair of item.items) {
      if (pair !== namePair && pair !== valuePair) this.visitPair(pair, path);
    }
    return true;
  }

  private embeddedFile(key: string, scalar: Scalar): Assignment[] | null {
    const range = scalar.range;
    const newline = range ? this.text.indexOf("\n", range[0]) : -1;
    if (!range || !this.options.embedded || newline === -1 || newline >= range[1]) return null;
    // application.properties: |
    //   spring.datasource.password=x     (the block from the line after the header, indentation kept)
    const found = this.options.embedded(key, this.text.slice(newline + 1, range[1]));
    return found ? shiftAssignments(found, newline + 1) : null;
  }

  private keyText(node: unknown): string | null {
    if (!isScalar(node) || node.value === null || node.value === undefined) return null;
    const range = node.range;
    if (range && overlapsAny(this.templates, range[0], range[1])) return this.text.slice(range[0], range[1]);
    // A plain key over several lines is the parser recovering from a line that is not YAML
    // (`export DB_PASSWORD="…"` above `password:`): the key is its last line, not the text above it.
    if (range && node.type === "PLAIN") {
      const source = this.text.slice(range[0], range[1]);
      const lastBreak = source.lastIndexOf("\n");
      if (lastBreak !== -1) return source.slice(lastBreak + 1).trim() || null;
    }
    return String(node.value);
  }

  /** The scalar (or the scalar an alias names) as a literal; null, booleans and collections are none. */
  private literalOf(node: unknown): LiteralSpan | null {
    const target = isAlias(node) ? node.resolve(this.doc) : node;
    if (!isScalar(target) || !target.range) return null;
    const value: unknown = target.value;
    if (value === null || value === undefined || typeof value === "boolean") return null;
    const [start, end] = scalarContent(this.text, target);
    const quoted = target.type === "QUOTE_DOUBLE" || target.type === "QUOTE_SINGLE";
    if (overlapsAny(this.templates, target.range[0], target.range[1])) {
      // password: {{ .Values.password }}   -> the template text itself, for callers to recognise
      return { value: this.text.slice(start, end), valueStart: start, valueEnd: end, quoted, templated: true };
    }
    const text = typeof value === "string" ? value : this.text.slice(start, end); // 0123 stays "0123"
    const literal: LiteralSpan = { value: text, valueStart: start, valueEnd: end, quoted };
    // password: !Ref DbPassword   password: !vault |   (a tool resolves it; not a literal secret)
    const customTag = typeof target.tag === "string" && target.tag.startsWith("!");
    if (customTag || hasReference(text)) literal.templated = true;
    return literal;
  }
}

/** Offsets of a scalar's content as written: inside quotes, past a block scalar's header. */
function scalarContent(text: string, scalar: Scalar): [number, number] {
  const [start, end] = scalar.range ?? [0, 0];
  switch (scalar.type) {
    case "QUOTE_DOUBLE":
    case "QUOTE_SINGLE":
      return [start + 1, Math.max(start + 1, end - 1)];
    case "BLOCK_LITERAL":
    case "BLOCK_FOLDED": {
      // key: |        (header)
      //   content     (from the first character of content to the last)
      const newline = text.indexOf("\n", start);
      if (newline === -1 || newline >= end) return [end, end];
      let first = newline + 1;
      while (first < end && /\s/.test(text.charAt(first))) first += 1;
      return [first, Math.max(first, trimEndOffset(text, first, end))];
    }
    default:
      return [start, end];
  }
}

/** Whether [start, end) meets one of the sorted spans. */
function overlapsAny(spans: readonly TextSpan[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((spans[mid]?.end ?? 0) <= start) low = mid + 1;
    else high = mid;
  }
  const span = spans[low];
  return span !== undefined && span.start < end;
}
