// Key→literal bindings in a Python syntax tree:
//   password = "x"   self.password = "x"   password: str = "x"   os.environ["TOKEN"] = "x"
//   connect(password="x")   {"password": "x"}   def f(password="x")
//   password = get("password") or "x"            (the fallback runs when the other side is empty)
//   os.getenv("DB_PASSWORD", "x")   os.environ.get("DB_PASSWORD", default="x")   → DB_PASSWORD
//   self.get_secret("DB_PASSWORD", "x")   config.get("api_key", "x")   (a lookup's fallback)
//   jwt_secret: str = Field(default="x", env="JWT_SECRET")   (a settings class's default)
// Only string literals count (an f-string without substitutions too); names, calls and f-strings
// with substitutions are no literal. Regions the parser could not read fall back to the line reader.

import type { SyntaxNode as Node } from "./python-tree.js";
import { bind, bindComparison, type Assignment, type LiteralSpan } from "./binding.js";
import { codeLineAssignments, PYTHON_STYLE } from "./code-lines.js";
import { lineEndAt } from "./lines.js";
import { hasReference, unescapeBackslashes } from "./strings.js";
import type { ParsedPython } from "./python.js";
import { PYTHON_ENV_GETTERS } from "../core/vocabulary.js";

// Key paths name at most this many enclosing dictionaries (deeper nesting would make the walk quadratic).
const MAX_ENCLOSING = 32;
const BINDINGS = ["assignment", "keyword_argument", "pair", "default_parameter", "typed_default_parameter", "call", "comparison_operator"];
const ENV_GETTERS = new Set(PYTHON_ENV_GETTERS);

export function pythonAssignments(parsed: ParsedPython, text: string): Assignment[] {
  const root = parsed.tree?.rootNode;
  if (!root) return codeLineAssignments(text, PYTHON_STYLE);
  const found: Assignment[] = [];
  for (const node of root.descendantsOfType(BINDINGS)) {
    if (node) found.push(...bindingsOf(node, text));
  }
  if (parsed.hasError) found.push(...recovered(root, text, found));
  return found;
}

function bindingsOf(node: Node, text: string): Assignment[] {
  switch (node.type) {
    case "assignment": {
      const left = node.childForFieldName("left");
      let right = node.childForFieldName("right");
      while (right?.type === "assignment") right = right.childForFieldName("right"); // a = b = "x"
      if (!left || !right) return [];
      if ((left.type === "pattern_list" || left.type === "tuple_pattern") && (right.type === "expression_list" || right.type === "tuple")) {
        // user, password = "app", "x"
        const targets = left.namedChildren;
        const values = right.namedChildren;
        return targets.flatMap((target, i) => {
          const value = values[i];
          return target && value && targets.length === values.length ? bindTarget(target, value, text) : [];
        });
      }
      return bindTarget(left, right, text);
    }
    case "call":
      return environmentDefault(node, text);
    case "comparison_operator": {
      // if token == "…":   if settings.api_key != "…":
      const [left, right] = node.namedChildren;
      const operators = node.children.filter((child) => child && !child.isNamed).map((child) => child!.type);
      if (!left || !right || node.namedChildCount !== 2 || !operators.every((op) => op === "==" || op === "!=")) return [];
      const value = literalOf(right, text);
      const path = targetPath(left, text);
      const key = path?.[path.length - 1];
      return value && path && key !== undefined ? [bindComparison(key, path, value, "python")] : [];
    }
    case "pair": {
      const key = literalOf(node.childForFieldName("key"), text);
      const value = literalOf(node.childForFieldName("value"), text);
      return key && value ? [bind(key.value, [...enclosingKeys(node, text), key.value], value, "python")] : [];
    }
    default: {
      // connect(password="x")   def f(password="x")   def f(password: str = "x")
      const name = node.childForFieldName("name");
      const value = literalOf(fallbackOf(node.childForFieldName("value")), text);
      return name?.type === "identifier" && value ? [bind(name.text, [name.text], value, "python")] : [];
    }
  }
}

function bindTarget(target: Node, valueNode: Node, text: string): Assignment[] {
  const value = literalOf(fallbackOf(settingsDefaultOf(valueNode, text)), text);
  const path = targetPath(target, text);
  const key = path?.[path.length - 1];
  return value && path && key !== undefined ? [bind(key, path, value, "python")] : [];
}

/** `a or "x"`: the literal the expression falls back to; otherwise the node itself. */
function fallbackOf(node: Node | null): Node | null {
  let inner = node;
  while (inner?.type === "boolean_operator" && inner.childForFieldName("operator")?.type === "or") inner = inner.childForFieldName("right");
  return inner;
}

/**
 * `Field(default="x", env="JWT_SECRET")`, `Field("x")`: the default of a pydantic settings
 * field, which the service runs with when the variable is unset; otherwise the node itself.
 */
function settingsDefaultOf(node: Node, text: string): Node {
  if (node.type !== "call") return node;
  const callee = node.childForFieldName("function")?.text.replace(/\s+/g, "");
  if (callee === undefined || !SETTINGS_FIELDS.has(callee)) return node;
  const args = node.childForFieldName("arguments")?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  const keyword = args.find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "default");
  const value = keyword ? keyword.childForFieldName("value") : args[0]?.type === "keyword_argument" ? null : args[0];
  return value && literalOf(value, text) ? value : node;
}

const SETTINGS_FIELDS = new Set(["Field", "pydantic.Field", "pydantic_settings.Field"]);

/**
 * A lookup of a configuration value by name with a literal fallback, beyond the environment's
 * own getters: `self.get_secret("DB_PASSWORD", "postgres")`, `config.get("api_key", "x")`,
 * `env.str("SECRET_KEY", "x")`. The name's judge decides whether the fallback is a credential.
 */
function isLookupCallee(callee: string): boolean {
  if (ENV_GETTERS.has(callee)) return true;
  const last = callee.split(".").at(-1) ?? callee;
  return callee.includes(".") ? LOOKUP_METHODS.has(last) : LOOKUP_FUNCTIONS.has(last);
}

const LOOKUP_METHODS = new Set(["get", "get_secret", "get_env", "get_setting", "get_config", "getenv", "str", "secret"]);
const LOOKUP_FUNCTIONS = new Set(["get_secret", "get_env", "get_setting", "get_config", "env"]);

/** os.getenv("DB_PASSWORD", "x"), os.environ.get("DB_PASSWORD", default="x"): the variable's name bound to its default. */
function environmentDefault(call: Node, text: string): Assignment[] {
  const callee = call.childForFieldName("function");
  if (!callee || !isLookupCallee(callee.text.replace(/\s+/g, ""))) return [];
  const args = call.childForFieldName("arguments")?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  const name = literalOf(args[0] ?? null, text);
  const keyword = args.find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "default");
  const fallback = keyword ? keyword.childForFieldName("value") : args[1]?.type === "keyword_argument" ? null : (args[1] ?? null);
  const value = literalOf(fallbackOf(fallback), text);
  return name && value ? [bind(name.value, [callee.text, name.value], value, "python")] : [];
}

/** password → [password]; self.db.password → [self, db, password]; config["password"] → [config, password]. */
function targetPath(target: Node, text: string): string[] | null {
  const path: string[] = [];
  // from the outermost access inwards: config["db"].password → password, db, config
  for (let node: Node | null = target; node; ) {
    if (node.type === "identifier") {
      path.unshift(node.text);
      break;
    }
    if (node.type === "attribute") {
      const attribute = node.childForFieldName("attribute");
      if (!attribute) return null;
      path.unshift(attribute.text);
      node = node.childForFieldName("object");
    } else if (node.type === "subscript") {
      const key = literalOf(node.childForFieldName("subscript"), text);
      if (!key) return null;
      path.unshift(key.value);
      node = node.childForFieldName("value");
    } else {
      if (path.length === 0) return null;
      break; // get_config().password → [password]
    }
  }
  return path;
}

// DATABASES = {"default": {"PASSWORD": "x"}}  → [DATABASES, default] for PASSWORD
function enclosingKeys(pair: Node, text: string): string[] {
  const keys: string[] = [];
  let levels = 0;
  for (let node: Node | null = pair.parent?.parent ?? null; node && levels < MAX_ENCLOSING; node = node.parent?.parent ?? null, levels += 1) {
    if (node.type === "pair") {
      const key = literalOf(node.childForFieldName("key"), text);
      if (!key) break;
      keys.unshift(key.value);
      continue;
    }
    if (node.type === "assignment") keys.unshift(...(targetPath(node.childForFieldName("left") ?? node, text) ?? []));
    if (node.type === "keyword_argument") keys.unshift(node.childForFieldName("name")?.text ?? "");
    break;
  }
  return keys.filter((k) => k !== "");
}

/** A string literal ("x", 'x', r"x", f"x" without substitutions, "a" "b"), or null. */
export function literalOf(outer: Node | null, text: string): LiteralSpan | null {
  let node = outer;
  while (node?.type === "parenthesized_expression" && node.namedChildCount === 1) node = node.namedChild(0); // ("x")
  if (!node) return null;
  if (node.type === "concatenated_string") {
    const parts = node.namedChildren.map((child) => literalOf(child, text));
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last || parts.some((p) => p === null)) return null;
    const value = parts.map((p) => p?.value ?? "").join("");
    return withReference({ value, valueStart: first.valueStart, valueEnd: last.valueEnd, quoted: true });
  }
  if (node.type !== "string") return null;
  const children = node.children;
  if (children.some((child) => child?.type === "interpolation")) return null; // f"{token}"
  const start = children.find((child) => child?.type === "string_start");
  const end = children.find((child) => child?.type === "string_end" && !child.isMissing);
  if (!start) return null;
  const prefix = start.text.replace(/["']/g, "").toLowerCase();
  const valueStart = start.endIndex;
  const valueEnd = end?.startIndex ?? node.endIndex;
  const raw = text.slice(valueStart, valueEnd);
  let value = prefix.includes("r") ? raw : unescapeBackslashes(raw);
  if (prefix.includes("f")) value = value.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
  return withReference({ value, valueStart, valueEnd, quoted: true });
}

function withReference(literal: LiteralSpan): LiteralSpan {
  if (hasReference(literal.value)) literal.templated = true;
  return literal;
}

/** Line-reader results inside the tree's ERROR regions that the tree did not already give. */
function recovered(root: Node, text: string, found: readonly Assignment[]): Assignment[] {
  const known = new Set(found.map((a) => a.valueStart));
  const regions = root
    .descendantsOfType("ERROR")
    .filter((n): n is Node => n !== null)
    .map((n) => ({ start: text.lastIndexOf("\n", n.startIndex - 1) + 1, end: lineEndAt(text, n.endIndex) }))
    .sort((a, b) => a.start - b.start);
  const extra: Assignment[] = [];
  let covered = -1;
  for (const region of regions) {
    const start = Math.max(region.start, covered);
    if (region.end <= start) continue;
    for (const a of codeLineAssignments(text, PYTHON_STYLE, start, region.end)) {
      if (!known.has(a.valueStart)) extra.push(a);
    }
    covered = region.end;
  }
  return extra;
}
