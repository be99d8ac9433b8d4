// Key→literal bindings in a TypeScript / JavaScript AST:
//   const apiKey = "x"   this.token = "x"   config.db.password = "x"   process.env["TOKEN"] = "x"
//   { apiKey: "x" }   function f(password = "x")   const { token = "x" } = opts
//   class C { token = "x"; #secret = "x" }   <Client apiKey="x" />   enum K { Token = "x" }
//   const password = opts.password ?? "x"   (a fallback is what runs when the other side is unset)
//   connect(process.env.DB_PASSWORD || "x")  → DB_PASSWORD (an environment variable's default)
//   JWT_SECRET: z.string().default("x")   JWT_SECRET: str({ default: "x" })   (a config schema's default)
// Only string literals and template literals without substitutions count.

import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { bind, bindComparison, type Assignment, type LiteralSpan } from "./binding.js";
import { hasReference } from "./strings.js";
import { walk } from "./javascript.js";

type Node = TSESTree.Node;

// Key paths name at most this many enclosing objects (deeper nesting would make the walk quadratic).
const MAX_ENCLOSING = 32;

export function javascriptAssignments(ast: TSESTree.Program): Assignment[] {
  const found: Assignment[] = [];
  const parents = new Map<Node, Node | null>();
  walk(ast, (node, parent) => {
    parents.set(node, parent);
    const binding = bindingOf(node, parents);
    if (binding) found.push(binding);
  });
  return found;
}

function bindingOf(node: Node, parents: ReadonlyMap<Node, Node | null>): Assignment | null {
  switch (node.type) {
    case "VariableDeclarator":
      return node.id.type === "Identifier" ? make([node.id.name], node.init) : null;
    case "AssignmentExpression": {
      if (node.operator !== "=") return null;
      let right: Node = node.right;
      while (right.type === "AssignmentExpression" && right.operator === "=") right = right.right; // a = b = "x"
      return make(memberPath(node.left), right);
    }
    case "AssignmentPattern": // default parameters and destructuring defaults
      return node.left.type === "Identifier" ? make([node.left.name], node.right) : null;
    case "Property": {
      if (parents.get(node)?.type !== "ObjectExpression") return null; // ObjectPattern: see AssignmentPattern
      const key = propertyKey(node.key, node.computed);
      return key === null ? null : make([...enclosingKeys(node, parents), key], node.value);
    }
    case "PropertyDefinition":
    case "AccessorProperty": {
      const key = propertyKey(node.key, node.computed);
      return key === null ? null : make([key], node.value);
    }
    case "JSXAttribute": {
      const value = node.value?.type === "JSXExpressionContainer" ? node.value.expression : node.value;
      return node.name.type === "JSXIdentifier" ? make([node.name.name], value) : null;
    }
    case "TSEnumMember": {
      const key = propertyKey(node.id, false);
      return key === null ? null : make([key], node.initializer);
    }
    case "BinaryExpression": {
      // if (token === "…")   if (req.headers["x-api-key"] !== "…")
      if (!["===", "==", "!==", "!="].includes(node.operator) || node.left.type === "PrivateIdentifier") return null;
      const literal = literalOf(node.right);
      const path = memberPath(node.left);
      const key = path?.[path.length - 1];
      return literal && path && key !== undefined ? bindComparison(key, path, literal, "javascript") : null;
    }
    case "LogicalExpression": {
      // process.env.DB_PASSWORD ?? "x"   process.env["TOKEN"] || "x"
      const name = node.operator === "&&" ? null : environmentName(node.left);
      return name === null ? null : make(["process", "env", name], node.right);
    }
    default:
      return null;
  }
}

function make(path: readonly string[] | null, valueNode: Node | null | undefined): Assignment | null {
  const key = path?.[path.length - 1];
  const literal = valueNode ? literalOf(fallbackOf(schemaDefaultOf(valueNode))) : null;
  return path && key !== undefined && literal ? bind(key, path, literal, "javascript") : null;
}

/**
 * The default a configuration schema gives a setting, which the service runs with when the
 * variable is unset: zod, joi and yup's `.default("x")` at the end of a chain, envalid's
 * `str({ default: "x" })` (not `devDefault`: envalid ignores it in production). Otherwise the node.
 */
function schemaDefaultOf(node: Node): Node {
  if (node.type !== "CallExpression") return node;
  const callee = node.callee;
  const first = node.arguments[0];
  if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && callee.property.name === "default") {
    return first && first.type !== "SpreadElement" && literalOf(first) ? first : node;
  }
  if (callee.type === "Identifier" && ENVALID_VALIDATORS.has(callee.name) && first?.type === "ObjectExpression") {
    for (const property of first.properties) {
      if (property.type === "Property" && propertyKey(property.key, property.computed) === "default" && literalOf(property.value)) return property.value;
    }
  }
  return node;
}

const ENVALID_VALIDATORS = new Set(["str", "url", "host", "email", "json"]);

/** `a ?? "x"`, `a || "x"`: the literal the expression falls back to; otherwise the node itself. */
function fallbackOf(node: Node): Node {
  let inner = node;
  while (inner.type === "LogicalExpression" && inner.operator !== "&&") inner = inner.right;
  return inner;
}

/** `process.env.NAME`, `process.env["NAME"]`, `import.meta.env.NAME`, `env.NAME` → NAME. */
function environmentName(node: Node): string | null {
  let inner = node;
  while (inner.type === "TSNonNullExpression" || inner.type === "TSAsExpression") inner = inner.expression;
  if (inner.type !== "MemberExpression") return null;
  // import.meta.env.NAME reads as [env, NAME]: the walk stops at `import.meta`
  const path = memberPath(inner);
  if (!path || path.at(-2) !== "env") return null;
  return path.length === 2 || (path.length === 3 && path[0] === "process") ? (path.at(-1) ?? null) : null;
}

/** A string literal or a template literal without substitutions, seen through `as`/`satisfies`/`!`. */
export function literalOf(node: Node): LiteralSpan | null {
  let inner = node;
  while (inner.type === "TSAsExpression" || inner.type === "TSSatisfiesExpression" || inner.type === "TSNonNullExpression" || inner.type === "TSTypeAssertion") {
    inner = inner.expression;
  }
  let literal: LiteralSpan | null = null;
  if (inner.type === "Literal" && typeof inner.value === "string") {
    literal = { value: inner.value, valueStart: inner.range[0] + 1, valueEnd: inner.range[1] - 1, quoted: true };
  } else if (inner.type === "TemplateLiteral" && inner.expressions.length === 0) {
    const quasi = inner.quasis[0];
    const value = quasi?.value.cooked ?? quasi?.value.raw ?? "";
    literal = { value, valueStart: inner.range[0] + 1, valueEnd: inner.range[1] - 1, quoted: true };
  }
  if (literal && hasReference(literal.value)) literal.templated = true;
  return literal;
}

/** token → [token]; this.config.token → [this, config, token]; env["TOKEN"] → [env, TOKEN]. */
function memberPath(target: Node): string[] | null {
  const path: string[] = [];
  for (let node: Node = target; ; ) {
    if (node.type === "Identifier") return [node.name, ...path];
    if (node.type === "ThisExpression") return ["this", ...path];
    if (node.type !== "MemberExpression") return path.length > 0 ? path : null; // getConfig().token → [token]
    const key = propertyKey(node.property, node.computed);
    if (key === null) return null;
    path.unshift(key);
    node = node.object;
  }
}

function propertyKey(key: Node, computed: boolean): string | null {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

// const config = { db: { password: "x" } }  → [config, db] for password
function enclosingKeys(property: Node, parents: ReadonlyMap<Node, Node | null>): string[] {
  const keys: string[] = [];
  let object = parents.get(property) ?? null; // the ObjectExpression
  let levels = 0;
  for (let owner = object ? parents.get(object) : null; owner && levels < MAX_ENCLOSING; owner = object ? parents.get(object) : null, levels += 1) {
    if (owner.type === "Property" && owner.value === object) {
      const key = propertyKey(owner.key, owner.computed);
      if (key === null) break;
      keys.unshift(key);
      object = parents.get(owner) ?? null;
      continue;
    }
    if (owner.type === "VariableDeclarator" && owner.id.type === "Identifier") keys.unshift(owner.id.name);
    if (owner.type === "AssignmentExpression") keys.unshift(...(memberPath(owner.left) ?? []));
    break;
  }
  return keys;
}
