// TypeScript and JavaScript for the code rules, over the shared typescript-estree AST
// (src/languages/views.ts):
//   - a scope model: which names are bound where, to what (declarations, destructuring,
//     assignments, for-of, parameters);
//   - flow: does an expression hold a secret (`${apiKey}`, `"Bearer " + token`, `{ apiKey }`),
//     and the sinks it may reach (console, pino/winston/bunyan/debug loggers, stdout/stderr,
//     `throw new Error(…)`), minus what a pino `redact` list removes;
//   - start-up facts: entry points, `process.env` reads, checks that fail when a variable is
//     missing, zod/envalid/joi/t3-env schemas, calls, for missing-startup-validation.
// Flow is intraprocedural: within a function and the module around it, in source order.

import type { TSESTree } from "@typescript-eslint/typescript-estree";
import type { SourceFile } from "../../core/types.js";
import { walk } from "../../languages/javascript.js";
import { javascriptView } from "../../languages/views.js";
import {
  ENV_SCHEMA_FUNCTIONS,
  ENV_SCHEMA_METHODS,
  ENVALID_VALIDATORS,
  JS_APP_FACTORIES,
  JS_ASSERT_CALLS,
  JS_ENV_OBJECTS,
  JS_EXIT_CALLS,
  JS_LOGGER_FACTORIES,
  JS_STREAM_SINKS,
  LOGGER_CONTROL_METHODS,
} from "../../core/vocabulary.js";
import {
  CLEAN,
  emptyFacts,
  isCleanMethod,
  memberFlow,
  isLoggerName,
  isPropagatingFunction,
  isRedacted,
  isSanitizerName,
  isSecretHeaderName,
  isSecretFunctionName,
  isSecretName,
  isShortEnd,
  isVariableName,
  moduleScope,
  variableNameOf,
  parseRedactPath,
  tainted,
  union,
  UNKNOWN,
  type CodeFacts,
  type EnvRead,
  type Flow,
  type Leak,
  type LeakOptions,
} from "./shared.js";
import { iteratedFlow, moduleConstants, writtenFlow } from "./binding-rules.js";
import { bindingsInSourceOrder, Memo, Scope as BaseScope, type Binding as BaseBinding, type ScopeRules } from "./scope.js";

type Node = TSESTree.Node;

interface Binding extends BaseBinding<Node, Scope> {
  /** member: `const { apiKey } = config` reads `key` of `value`; keys: `for (k in obj)`. */
  kind: "assign" | "iter" | "augment" | "mutate" | "param" | "member" | "keys";
  /** A destructuring default: `const { API_KEY = "dev" } = process.env`. */
  fallback?: Node | null;
}

type ScopeKind = "module" | "function";

/** Its fact scope is this function's, or the enclosing one's for an immediately invoked function. */
type Scope = BaseScope<Node, ScopeKind, Binding>;

// Every scope encloses the functions in it. A reference before every binding of its name sees
// the last one: declarations are hoisted, and a loop assigns after the reference it runs again.
const SCOPE_RULES: ScopeRules<ScopeKind> = { encloses: () => true, hoists: () => true };

export interface JavaScriptModel {
  program: TSESTree.Program;
  module: Scope;
  parents: Map<Node, Node | null>;
  /** The scope each node runs in. */
  scopes: Map<Node, Scope>;
  /** Function nodes and the scope their body is. */
  functions: Map<Node, Scope>;
  instance: Map<string, Binding[]>;
  calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  throws: TSESTree.ThrowStatement[];
  ifs: TSESTree.IfStatement[];
  members: TSESTree.MemberExpression[];
  patterns: TSESTree.VariableDeclarator[];
  /** pino / fastify `redact` paths configured in this file. */
  redactions: string[][];
}

const FEED_METHODS = new Set(["push", "unshift", "add", "set", "concat"]);

function isFunction(node: Node): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

export function buildJavaScriptModel(program: TSESTree.Program, path: string): JavaScriptModel {
  const module: Scope = new BaseScope<Node, ScopeKind, Binding>({ kind: "module", node: program, name: "<module>", factScope: moduleScope(path) }, null, SCOPE_RULES);
  const model: JavaScriptModel = {
    program,
    module,
    parents: new Map(),
    scopes: new Map(),
    functions: new Map(),
    instance: new Map(),
    calls: [],
    throws: [],
    ifs: [],
    members: [],
    patterns: [],
    redactions: [],
  };
  // The scope a node's children run in.
  const inner = new Map<Node, Scope>();
  walk(program, (node, parent) => {
    model.parents.set(node, parent);
    const outer = parent ? (inner.get(parent) ?? module) : module;
    model.scopes.set(node, outer);
    let own = outer;
    if (isFunction(node)) {
      const name = functionName(node, parent);
      const invoked = parent?.type === "CallExpression" && parent.callee === node; // (async () => { … })()
      const factScope = invoked ? outer.factScope : `${path}#${name ?? "<anonymous>"}@${node.loc.start.line}`;
      own = outer.child({ kind: "function", node, name: name ?? "<anonymous>", factScope });
      model.functions.set(node, own);
      node.params.forEach((param) => bindPattern(own, param, null, own.node.range[0], "param"));
    }
    inner.set(node, own);
    record(model, node, outer);
  });
  return model;
}

/** `function start()`, `const start = () =>`, `{ start() {} }`, `class A { start() {} }`, `exports.start = function…`. */
function functionName(node: Node, parent: Node | null): string | null {
  if ((node.type === "FunctionDeclaration" || node.type === "FunctionExpression") && node.id) return node.id.name;
  if (!parent) return null;
  if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if ((parent.type === "Property" || parent.type === "MethodDefinition" || parent.type === "PropertyDefinition") && !parent.computed) return keyName(parent.key);
  if (parent.type === "AssignmentExpression" && parent.left.type === "MemberExpression") return keyName(parent.left.property, parent.left.computed);
  if (parent.type === "AssignmentExpression" && parent.left.type === "Identifier") return parent.left.name;
  return null;
}

function record(model: JavaScriptModel, node: Node, scope: Scope): void {
  switch (node.type) {
    case "VariableDeclarator":
      model.patterns.push(node);
      // `let x;` binds nothing yet; `for (const [k, v] of …)` is bound by the loop
      if (node.init) bindPattern(scope, node.id, node.init, node.range[1], "assign");
      break;
    case "AssignmentExpression": {
      const left = node.left;
      if (left.type === "Identifier") {
        scope.bind(left.name, { pos: node.range[1], kind: node.operator === "=" ? "assign" : "augment", value: node.right });
      } else if (left.type === "MemberExpression") {
        const key = keyName(left.property, left.computed);
        if (left.object.type === "ThisExpression" && key) {
          const list = model.instance.get(key) ?? [];
          list.push({ name: key, pos: node.range[1], kind: "assign", value: node.right, scope });
          model.instance.set(key, list);
        } else if (left.object.type === "Identifier") {
          // headers.Authorization = `Bearer ${token}`   headers["x-api-key"] = key
          scope.bind(left.object.name, { pos: node.range[1], kind: "mutate", value: node.right, key });
        }
      } else {
        bindPattern(scope, left, node.right, node.range[1], "assign");
      }
      break;
    }
    case "ForOfStatement":
    case "ForInStatement": {
      const left = node.left.type === "VariableDeclaration" ? node.left.declarations[0]?.id : node.left;
      if (left) bindPattern(scope, left, node.right, node.left.range[1], node.type === "ForInStatement" ? "keys" : "iter");
      break;
    }
    case "CatchClause":
      if (node.param) bindPattern(scope, node.param, null, node.range[0], "param");
      break;
    case "CallExpression":
    case "NewExpression": {
      model.calls.push(node);
      const callee = node.callee;
      if (callee.type === "MemberExpression" && callee.object.type === "Identifier") {
        const method = keyName(callee.property, callee.computed);
        if (method && FEED_METHODS.has(method)) scope.feed(callee.object.name, node);
      }
      collectRedactions(model, node);
      break;
    }
    case "ThrowStatement":
      model.throws.push(node);
      break;
    case "IfStatement":
      model.ifs.push(node);
      break;
    case "MemberExpression":
      model.members.push(node);
      break;
  }
}

// const token = …   const { apiKey, db: { password } } = config   const [a, b] = pair   (x = "d") => …
function bindPattern(scope: Scope, pattern: Node, value: Node | null, pos: number, kind: Binding["kind"], key?: string | null, fallback?: Node | null): void {
  switch (pattern.type) {
    case "Identifier":
      if (scope.kind === "function" && kind === "param") scope.params.push(pattern.name);
      scope.bind(pattern.name, { pos, kind, value, ...(key !== undefined ? { key } : {}), ...(fallback ? { fallback } : {}) });
      break;
    case "AssignmentPattern":
      bindPattern(scope, pattern.left, value, pos, kind, key, pattern.right);
      break;
    case "ObjectPattern":
      for (const property of pattern.properties) {
        if (property.type === "RestElement") {
          bindPattern(scope, property.argument, value, pos, kind === "param" ? "param" : "assign");
          continue;
        }
        const name = keyName(property.key, property.computed);
        // const { apiKey } = config → apiKey is config.apiKey
        bindPattern(scope, property.value, value, pos, kind === "param" ? "param" : "member", name);
      }
      break;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element) bindPattern(scope, element, value, pos, kind === "param" ? "param" : "iter");
      break;
    case "RestElement":
      bindPattern(scope, pattern.argument, value, pos, kind);
      break;
    case "TSParameterProperty":
      bindPattern(scope, pattern.parameter, value, pos, kind);
      break;
    default:
      break;
  }
}

// pino({ redact: ["req.headers.authorization", "*.password"] })   fastify({ logger: { redact: { paths: [...] } } })
function collectRedactions(model: JavaScriptModel, call: TSESTree.CallExpression | TSESTree.NewExpression): void {
  const name = calleeName(call.callee);
  const requiredPino = call.callee.type === "CallExpression" && isRequireOf(call.callee, "pino");
  if (!requiredPino && !["pino", "Pino", "fastify", "Fastify", "pinoHttp", "pinoHttpLogger", "createLogger", "LoggerModule"].includes(name ?? "")) return;
  const stack: { node: Node; depth: number }[] = call.arguments.map((a) => ({ node: a as Node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type !== "ObjectExpression" || depth > 3) continue;
    for (const property of node.properties) {
      if (property.type !== "Property") continue;
      const key = keyName(property.key, property.computed);
      if (key === "redact") {
        const list = property.value.type === "ObjectExpression" ? propertyValue(property.value, "paths") : property.value;
        if (list?.type === "ArrayExpression") {
          for (const element of list.elements) {
            const path = element ? stringValue(element) : null;
            if (path !== null) model.redactions.push(parseRedactPath(path));
          }
        }
      } else {
        stack.push({ node: property.value, depth: depth + 1 });
      }
    }
  }
}

export function keyName(key: Node, computed = false): string | null {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "PrivateIdentifier") return key.name;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

/** `process.env.API_KEY` for a chain of identifiers and non-computed members (seen through `?.` and `!`). */
export function dottedName(node: Node | null | undefined): string | null {
  const parts: string[] = [];
  for (let n = node ? unwrap(node) : null; n; ) {
    if (n.type === "Identifier") return [n.name, ...parts].join(".");
    if (n.type === "ThisExpression") return ["this", ...parts].join(".");
    if (n.type === "MetaProperty") return [`${n.meta.name}.${n.property.name}`, ...parts].join(".");
    if (n.type !== "MemberExpression") return null;
    const key = keyName(n.property, n.computed);
    if (key === null) return null;
    parts.unshift(key);
    n = unwrap(n.object);
  }
  return null;
}

/** The name a call calls: `getenv`, `info` for `logger.child({}).info`, `Error` for `new Error(…)`. */
export function calleeName(callee: Node): string | null {
  const c = unwrap(callee);
  if (c.type === "Identifier") return c.name;
  if (c.type === "MemberExpression") return keyName(c.property, c.computed);
  return null;
}

/** Through `( … )!`, `as T`, `satisfies T`, `<T>x`, `a?.b`. */
function unwrap(node: Node): Node {
  let n = node;
  while (n.type === "TSNonNullExpression" || n.type === "TSAsExpression" || n.type === "TSSatisfiesExpression" || n.type === "TSTypeAssertion" || n.type === "ChainExpression") {
    n = n.expression;
  }
  return n;
}

export function stringValue(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === "Literal" && typeof n.value === "string") return n.value;
  if (n.type === "TemplateLiteral" && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? null;
  return null;
}

function numberValue(node: Node | undefined): number | null {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "number") return node.value;
  if (node.type === "UnaryExpression" && node.operator === "-" && node.argument.type === "Literal" && typeof node.argument.value === "number") return -node.argument.value;
  return null;
}

function propertyValue(object: TSESTree.ObjectExpression, name: string): Node | null {
  for (const property of object.properties) {
    if (property.type === "Property" && keyName(property.key, property.computed) === name) return property.value;
  }
  return null;
}

function isRequireOf(call: TSESTree.CallExpression, module: string): boolean {
  const first = call.arguments[0];
  return call.callee.type === "Identifier" && call.callee.name === "require" && first !== undefined && stringValue(first) === module;
}

function isEnvObject(node: Node): boolean {
  const dotted = dottedName(node);
  return dotted !== null && (ENV_OBJECTS.has(dotted) || dotted === "import.meta.env");
}

/** The variable a member of `process.env` reads: `process.env.API_KEY`, `process.env["API_KEY"]`. */
function envMemberName(node: TSESTree.MemberExpression): string | null {
  return isEnvObject(node.object) ? keyName(node.property, node.computed) : null;
}

const ENV_OBJECTS = new Set(JS_ENV_OBJECTS);
const STREAM_SINKS = new Set(JS_STREAM_SINKS);
const CONTROL_METHODS = new Set(LOGGER_CONTROL_METHODS);
const LOGGER_FACTORIES = new Set(JS_LOGGER_FACTORIES);
const REQUEST_NAMES = /^(?:req|request|ctx|ctx\.request|context\.req|c\.req|event)$/;
const MAX_DEPTH = 60;

class JavaScriptFlow {
  private readonly memo = new Memo<Node, Binding, Flow>(UNKNOWN, MAX_DEPTH);

  constructor(
    private readonly model: JavaScriptModel,
    private readonly options: Pick<LeakOptions, "sanitizers" | "loggers">,
  ) {}

  /** Evaluates every binding in source order, so that long chains of assignments stay shallow. */
  warmUp(): void {
    for (const binding of bindingsInSourceOrder([this.model.module, ...this.model.functions.values()])) this.binding(binding);
  }

  evaluate(node: Node | null | undefined): Flow {
    if (!node) return UNKNOWN;
    return this.memo.node(node, () => this.compute(node));
  }

  private compute(node: Node): Flow {
    switch (node.type) {
      case "Identifier":
        return this.identifier(node);
      case "MemberExpression":
        return this.member(node);
      case "CallExpression":
        return this.call(node);
      case "NewExpression": {
        // new URL(dsn), new Error(`… ${token}`): the object carries what it was made from
        const name = calleeName(node.callee) ?? "";
        return isPropagatingFunction(name) || /Error$/.test(name) ? union(node.arguments.map((a) => this.evaluate(a))) : UNKNOWN;
      }
      case "TemplateLiteral":
        return node.expressions.length === 0 ? CLEAN : union(node.expressions.map((e) => this.evaluate(e)));
      case "BinaryExpression":
        return node.operator === "+" ? union([this.evaluate(node.left), this.evaluate(node.right)]) : CLEAN;
      case "LogicalExpression":
        return union([this.evaluate(node.left), this.evaluate(node.right)]);
      case "ConditionalExpression":
        return union([this.evaluate(node.consequent), this.evaluate(node.alternate)]);
      case "AssignmentExpression":
        return this.evaluate(node.right);
      case "SequenceExpression":
        return this.evaluate(node.expressions[node.expressions.length - 1]);
      case "AwaitExpression":
      case "SpreadElement":
        return this.evaluate(node.argument);
      case "TSNonNullExpression":
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSTypeAssertion":
      case "ChainExpression":
        return this.evaluate(node.expression);
      case "ObjectExpression":
        return this.object(node, null, []);
      case "ArrayExpression":
        return union(node.elements.map((e) => (e ? this.evaluate(e) : CLEAN)));
      case "Literal":
      case "UnaryExpression": // !token, typeof token, !!token
      case "UpdateExpression":
      case "ArrowFunctionExpression":
      case "FunctionExpression":
      case "ClassExpression":
        return CLEAN;
      default:
        return UNKNOWN;
    }
  }

  private identifier(node: TSESTree.Identifier): Flow {
    if (node.name === "undefined") return CLEAN;
    const scope = this.model.scopes.get(node) ?? this.model.module;
    const binding = scope.lookup(node.name, node.range[0]);
    let flow = binding ? this.binding(binding) : UNKNOWN;
    if (flow.state === "unknown" && isSecretName(node.name)) flow = tainted(node.name);
    return flow;
  }

  binding(binding: Binding): Flow {
    return this.memo.binding(binding, () => this.computeBinding(binding));
  }

  private computeBinding(binding: Binding): Flow {
    switch (binding.kind) {
      case "param":
        return UNKNOWN;
      case "keys":
        return CLEAN;
      case "assign":
        return this.evaluate(binding.value);
      case "iter":
        return iteratedFlow(this.evaluate(binding.value));
      case "member": {
        // const { API_KEY } = process.env   const { apiKey = "dev" } = config
        const key = binding.key ?? null;
        const owner = binding.value && isEnvObject(binding.value) ? tainted("process.env", "environment") : this.evaluate(binding.value);
        const flow = key === null ? owner : isSecretName(key) ? tainted(key) : memberFlow(owner, key);
        return binding.fallback ? union([flow, this.evaluate(binding.fallback)]) : flow;
      }
      case "augment":
      case "mutate": {
        const before = binding.scope.before(binding);
        const added = this.evaluate(binding.value);
        return writtenFlow(binding, before ? this.binding(before) : UNKNOWN, added);
      }
    }
  }

  private member(node: TSESTree.MemberExpression): Flow {
    const key = keyName(node.property, node.computed);
    if (isEnvObject(node.object)) return key === null ? UNKNOWN : isSecretName(key) ? tainted(key) : CLEAN;
    if (isEnvObject(node)) return tainted(dottedName(node) ?? "process.env", "environment");
    const objectText = dottedName(node.object);
    // req.headers: every incoming header, Authorization and Cookie among them
    if (key === "headers" && objectText !== null && REQUEST_NAMES.test(objectText)) return tainted(`${objectText}.headers`, "headers");
    if (key !== null && isSecretHeaderName(key)) return tainted(dottedName(node) ?? key);
    if (key !== null && node.object.type === "ThisExpression") {
      const flow = union((this.model.instance.get(key) ?? []).map((b) => this.binding(b)));
      if (flow.state === "tainted") return flow;
    }
    const owner = this.evaluate(node.object);
    // headers[name]: which header is unknown; parts[i]: a piece of the value
    if (key === null) return owner.state === "tainted" && owner.container ? UNKNOWN : owner;
    return memberFlow(owner, key);
  }

  private call(node: TSESTree.CallExpression): Flow {
    const callee = unwrap(node.callee);
    const name = calleeName(callee) ?? "";
    const args = node.arguments;
    const all = () => args.map((a) => this.evaluate(a));
    if (callee.type === "MemberExpression") {
      const receiver = callee.object;
      const receiverName = dottedName(receiver);
      if (isSanitizerName(name, this.options.sanitizers) || (receiverName !== null && !receiverName.includes(".") && isSanitizerName(receiverName, this.options.sanitizers) && receiverName !== "JSON")) return CLEAN;
      if (isCleanMethod(name)) return CLEAN;
      // key.slice(0, 4)   token.substring(0, 6)   key.slice(-4)
      if ((name === "slice" || name === "substring" || name === "substr") && args.length > 0) {
        const start = numberValue(args[0]);
        const end = args[1] ? numberValue(args[1]) : null;
        if (start !== null && isShortEnd(start, name === "substr" && end !== null ? start + end : end)) return CLEAN;
      }
      // config.get("db.password")   headers.get("authorization")   Deno.env.get("API_KEY")
      if (name === "get" && args[0]) {
        const key = stringValue(args[0]);
        if (key !== null) {
          const last = key.split(".").pop() ?? key;
          if (isSecretHeaderName(key) || isSecretName(last)) return tainted(key);
          return memberFlow(this.evaluate(receiver), key);
        }
      }
      if (receiverName === "JSON" || receiverName === "Object" || receiverName === "Buffer" || receiverName === "util" || receiverName === "querystring" || receiverName === "qs") {
        if (name === "keys") return CLEAN;
        if (!isPropagatingFunction(name) && name !== "stringify" && name !== "format") return UNKNOWN;
        // Object.entries(process.env): the container's secret members come along, as plain values
        const flow = union(all());
        return flow.state === "tainted" && flow.container && name !== "stringify" ? tainted(flow.source) : flow;
      }
      const owner = this.evaluate(receiver);
      if (owner.state === "tainted") {
        if (!owner.container) return tainted(owner.source);
        return ["entries", "values", "toJSON", "toString"].includes(name) ? tainted(owner.source) : UNKNOWN;
      }
      if (name === "concat" || name === "join" || name === "replace" || name === "format") return union([owner, ...all()]);
      if (isSecretName(name)) return tainted(`${dottedName(callee) ?? name}()`);
      return UNKNOWN;
    }
    if (isSanitizerName(name, this.options.sanitizers) || name === "Boolean" || name === "Number" || name === "isNaN") return CLEAN;
    if (isPropagatingFunction(name)) return union(all());
    if (isSecretFunctionName(name)) return tainted(`${name}()`);
    return UNKNOWN;
  }

  /**
   * { apiKey }   { headers: { Authorization: `Bearer ${token}` } }   { ...headers }
   * With a pino `redact` list, paths it removes do not count.
   */
  object(node: TSESTree.ObjectExpression, redactions: readonly (readonly string[])[] | null, path: string[]): Flow {
    const flows: Flow[] = [];
    let headers = false;
    for (const property of node.properties) {
      if (property.type === "SpreadElement") {
        flows.push(this.evaluate(property.argument));
        continue;
      }
      const key = keyName(property.key, property.computed);
      const at = key === null ? [...path, "*"] : [...path, key];
      if (redactions && isRedacted(at, redactions)) continue;
      const value = property.value;
      let flow = value.type === "ObjectExpression" ? this.object(value, redactions, at) : this.evaluate(value);
      // { headers: req.headers } with `headers.authorization` redacted: the secret members are taken out
      if (redactions && flow.state === "tainted" && flow.container && redactions.some((r) => r.length === at.length + 1 && at.every((p, i) => r[i] === "*" || r[i] === p) && (r[at.length] === "*" || isSecretHeaderName(r[at.length]!)))) {
        flow = CLEAN;
      }
      if (key !== null && isSecretHeaderName(key) && !isSecretName(key)) headers = true;
      if (key !== null && isSecretHeaderName(key) && flow.state === "unknown") flows.push(tainted(key));
      else flows.push(flow);
    }
    const flow = union(flows);
    return flow.state === "tainted" && headers ? tainted(flow.source, "headers") : flow;
  }

  /** `logger`, `log`, `this.logger`, `fastify.log`, `req.log`, `pino()`, `logger.child({…})`, a `debug("app")` function. */
  isLogger(node: Node): boolean {
    const n = unwrap(node);
    if (n.type === "Identifier") {
      if (isLoggerName(n.name, this.options.loggers)) return true;
      const binding = (this.model.scopes.get(n) ?? this.model.module).lookup(n.name, n.range[0]);
      return binding?.kind === "assign" && binding.value !== null && this.isLoggerFactory(binding.value);
    }
    if (n.type === "MemberExpression") {
      const key = keyName(n.property, n.computed);
      if (key !== null && isLoggerName(key, this.options.loggers)) return true;
      if (key !== null && n.object.type === "ThisExpression") return (this.model.instance.get(key) ?? []).some((b) => b.value !== null && this.isLoggerFactory(b.value));
      return false;
    }
    return this.isLoggerFactory(n);
  }

  isLoggerFactory(node: Node): boolean {
    const n = unwrap(node);
    if (n.type === "AwaitExpression") return this.isLoggerFactory(n.argument);
    if (n.type !== "CallExpression" && n.type !== "NewExpression") return false;
    // require("debug")("ingest")   require("pino")()
    if (n.callee.type === "CallExpression" && (isRequireOf(n.callee, "debug") || isRequireOf(n.callee, "pino") || isRequireOf(n.callee, "bunyan"))) return true;
    const name = calleeName(n.callee);
    if (!name || !LOGGER_FACTORIES.has(name)) return false;
    const callee = unwrap(n.callee);
    if (name === "child" && callee.type === "MemberExpression") return this.isLogger(callee.object);
    return true;
  }
}

export function javascriptLeaks(model: JavaScriptModel, options: LeakOptions): Leak[] {
  const flow = new JavaScriptFlow(model, options);
  const sinks = model.calls.flatMap((call) => {
    const sink = call.type === "CallExpression" ? sinkOf(call, flow, options) : null;
    return sink && call.type === "CallExpression" ? [{ call, sink }] : [];
  });
  const throws = options.exceptions ? model.throws : [];
  if (sinks.length === 0 && throws.length === 0) return [];
  flow.warmUp();
  const leaks: Leak[] = [];
  for (const { call, sink } of sinks) {
    const found = leakingArgument(call.arguments, flow, sink.redacted ? model.redactions : null);
    if (found) leaks.push({ start: call.range[0], end: call.range[1], sink: sink.name, ...found, exception: false });
  }
  for (const statement of throws) {
    // throw new Error(`invalid key ${apiKey}`)   throw createError(401, `… ${token}`)
    const thrown = unwrap(statement.argument);
    if (thrown.type !== "NewExpression" && thrown.type !== "CallExpression") continue;
    const found = leakingArgument(thrown.arguments, flow, null);
    const name = dottedName(thrown.callee) ?? "Error";
    if (found) leaks.push({ start: statement.range[0], end: thrown.range[1], sink: `throw ${thrown.type === "NewExpression" ? "new " : ""}${name}`, ...found, exception: true });
  }
  return leaks.sort((a, b) => a.start - b.start);
}

function sinkOf(call: TSESTree.CallExpression, flow: JavaScriptFlow, options: LeakOptions): { name: string; redacted: boolean } | null {
  const callee = unwrap(call.callee);
  const dotted = dottedName(callee);
  if (callee.type === "Identifier") {
    // debug("token %s", token) where debug = require("debug")("app")
    return flow.isLogger(callee) ? { name: callee.name, redacted: false } : null;
  }
  if (callee.type !== "MemberExpression") return null;
  const method = keyName(callee.property, callee.computed);
  if (method === null) return null;
  const receiver = dottedName(callee.object);
  if (receiver === "console") return options.prints ? { name: `console.${method}`, redacted: false } : null;
  if (dotted && STREAM_SINKS.has(dotted)) return options.prints ? { name: dotted, redacted: false } : null;
  if (CONTROL_METHODS.has(method) || !flow.isLogger(callee.object)) return null;
  return { name: receiver ? `${receiver}.${method}` : `${calleeName(unwrap(callee.object) as Node) ?? "logger"}().${method}`, redacted: true };
}

function leakingArgument(args: readonly Node[], flow: JavaScriptFlow, redactions: readonly (readonly string[])[] | null): { source: string; via: string | null } | null {
  for (const arg of args) {
    const value = unwrap(arg);
    const result = value.type === "ObjectExpression" && redactions && redactions.length > 0 ? flow.object(value, redactions, []) : flow.evaluate(arg);
    if (result.state !== "tainted") continue;
    const text = dottedName(value);
    return { source: result.source, via: text !== null && text !== result.source && !text.endsWith(`.${result.source}`) ? text : null };
  }
  return null;
}

const APP_FACTORIES = new Set(JS_APP_FACTORIES);
const EXIT_CALLS = new Set(JS_EXIT_CALLS);
const ASSERT_CALLS = new Set(JS_ASSERT_CALLS);
const SCHEMA_METHODS = new Set(ENV_SCHEMA_METHODS);
const SCHEMA_FUNCTIONS = new Set(ENV_SCHEMA_FUNCTIONS);
const THROWING_SCHEMA_METHODS = new Set(["parse", "parseAsync", "validateSync", "validateAsync", "attempt", "assert"]);
const ENVALID = new Set(ENVALID_VALIDATORS);
const MAX_COLLECT = 400;

type PositionAt = (offset: number) => { line: number; column: number };

interface SchemaKey {
  name: string;
  node: Node;
  required: boolean;
  fallback: boolean;
}

export function javascriptStartupFacts(model: JavaScriptModel, path: string, positionAt: PositionAt): CodeFacts {
  const facts = emptyFacts(path, "javascript");
  const scopeOf = (node: Node) => (model.scopes.get(node) ?? model.module).factScope;
  const line = (node: Node) => positionAt(node.range[0]).line;

  for (const [node, scope] of model.functions) {
    if (scope.factScope === model.scopes.get(node)?.factScope) continue; // immediately invoked: part of its caller
    const parent = model.parents.get(node);
    const method = parent?.type === "MethodDefinition" ? parent : null;
    const classNode = method ? model.parents.get(model.parents.get(method) ?? method) : null;
    const owner = classNode && (classNode.type === "ClassDeclaration" || classNode.type === "ClassExpression") ? (classNode.id?.name ?? null) : null;
    facts.functions.push({ scope: scope.factScope, name: scope.name, owner });
  }

  // const REQUIRED = ["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN"] as const
  facts.constants = moduleConstants(model.module, literalNames);

  for (const call of model.calls) {
    const callee = unwrap(call.callee);
    const name = calleeName(callee);
    const dotted = dottedName(callee);
    if (name) {
      const at = positionAt(call.range[0]);
      facts.calls.push({ scope: scopeOf(call), callee: name, args: call.arguments.map((a) => variableNameOf(stringValue(a))), line: at.line, column: at.column });
    }
    if ((dotted && APP_FACTORIES.has(dotted)) || (name && APP_FACTORIES.has(name) && callee.type === "Identifier")) facts.entries.push({ line: line(call), what: `${dotted ?? name}()` });
    if (name === "listen" && callee.type === "MemberExpression" && call.arguments.length > 0) facts.entries.push({ line: line(call), what: `${dotted ?? "server.listen"}()` });
    if (call.type !== "CallExpression") continue;
    // assert(process.env.API_KEY, "API_KEY is required")
    if (dotted && ASSERT_CALLS.has(dotted) && call.arguments[0]) {
      const covered = collectNames(call.arguments[0], model);
      if (covered.names.length + covered.refs.length + covered.parameters.length > 0) facts.checks.push({ scope: scopeOf(call), line: line(call), ...covered, what: `${dotted}()` });
    }
    const schema = schemaCall(call, model);
    if (schema) {
      for (const key of schema.keys) {
        const at = positionAt(key.node.range[0]);
        facts.reads.push({ name: key.name, line: at.line, column: at.column, via: schema.what, scope: scopeOf(call), fallback: key.fallback, failFast: key.required && schema.throws });
      }
      if (schema.throws) facts.checks.push({ scope: scopeOf(call), line: line(call), names: schema.keys.filter((k) => k.required).map((k) => k.name), refs: [], parameters: [], what: schema.what });
    }
  }

  for (const node of model.members) {
    const name = envMemberName(node);
    if (name === null || !isVariableName(name)) continue;
    const parent = model.parents.get(node);
    if (parent?.type === "AssignmentExpression" && parent.left === node) continue; // process.env.X = … is a write
    if (parent?.type === "UnaryExpression" && parent.operator === "delete") continue;
    facts.reads.push(read(name, node, "process.env", scopeOf(node), fallbackOf(node, model), positionAt));
  }

  // const { API_KEY, REDIS_URL = "redis://localhost:6379" } = process.env
  for (const declarator of model.patterns) {
    if (declarator.id.type !== "ObjectPattern" || !declarator.init || !isEnvObject(declarator.init)) continue;
    for (const property of declarator.id.properties) {
      if (property.type !== "Property") continue;
      const name = keyName(property.key, property.computed);
      if (name === null || !isVariableName(name)) continue;
      const fallback = property.value.type === "AssignmentPattern" && isFallbackValue(property.value.right);
      facts.reads.push(read(name, property, "process.env", scopeOf(declarator), fallback, positionAt));
    }
  }

  for (const statement of model.ifs) {
    if (!fails(statement.consequent)) continue;
    const covered = collectNames(statement.test, model);
    if (covered.names.length + covered.refs.length + covered.parameters.length === 0) continue;
    const scope = model.scopes.get(statement) ?? model.module;
    const what = scope.kind === "function" ? `${scope.name}()` : `the check at line ${line(statement)}`;
    facts.checks.push({ scope: scope.factScope, line: line(statement), ...covered, what });
  }
  return facts;
}

function read(name: string, node: Node, via: string, scope: string, fallback: boolean, positionAt: PositionAt): EnvRead {
  const at = positionAt(node.range[0]);
  return { name, line: at.line, column: at.column, via, scope, fallback, failFast: false };
}

// process.env.API_KEY ?? "dev-key"   process.env.PORT || 3000
function fallbackOf(node: Node, model: JavaScriptModel): boolean {
  let child: Node = node;
  let parent = model.parents.get(node) ?? null;
  while (parent && (parent.type === "TSNonNullExpression" || parent.type === "TSAsExpression" || parent.type === "ChainExpression")) {
    child = parent;
    parent = model.parents.get(parent) ?? null;
  }
  return parent?.type === "LogicalExpression" && parent.left === child && (parent.operator === "??" || parent.operator === "||") && isFallbackValue(parent.right);
}

function isFallbackValue(node: Node): boolean {
  const value = stringValue(node);
  if (value !== null) return value !== "";
  const n = unwrap(node);
  return n.type === "Literal" && typeof n.value === "number";
}

/** throw, or process.exit with a code other than 0 (not inside a nested function). */
function fails(node: Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n !== node && isFunction(n)) return false;
    if (n.type === "ThrowStatement") found = true;
    if (n.type === "CallExpression") {
      const dotted = dottedName(n.callee);
      const code = n.arguments[0];
      if (dotted && EXIT_CALLS.has(dotted) && !(code?.type === "Literal" && code.value === 0)) found = true;
    }
    return !found;
  });
  return found;
}

/** The direct children of a node. */
function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  walk(node, (n) => {
    if (n === node) return true;
    children.push(n);
    return false;
  });
  return children;
}

/**
 * The variables a check's condition covers, following bindings back to their sources:
 *   if (!process.env.API_KEY)                                    → API_KEY
 *   if (missing.length)  (missing = REQUIRED.filter((k) => !process.env[k]))  → REQUIRED (a constant)
 *   if (!value)  (value = process.env[name], name a parameter)   → parameter 0
 *   if (!parsed.success)  (parsed = EnvSchema.safeParse(process.env))  → the schema's required keys
 */
function collectNames(condition: Node, model: JavaScriptModel): { names: string[]; refs: string[]; parameters: number[] } {
  const names = new Set<string>();
  const refs = new Set<string>();
  const parameters = new Set<number>();
  const seen = new Set<Node>();
  const stack: Node[] = [condition];
  while (stack.length > 0 && seen.size < MAX_COLLECT) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (isFunction(node)) continue;
    const scope = model.scopes.get(node) ?? model.module;
    const literal = stringValue(node);
    if (literal !== null) {
      if (isVariableName(literal)) names.add(literal);
      continue;
    }
    if (node.type === "Identifier") {
      const parameter = scope.kind === "function" ? scope.params.indexOf(node.name) : -1;
      if (parameter >= 0) parameters.add(parameter);
      const bindings = scope.allBindings(node.name);
      for (const b of bindings) {
        if (b.value) stack.push(b.value);
        if (b.kind === "member" && b.key && b.value && isEnvObject(b.value)) names.add(b.key);
      }
      for (const feed of scope.feedsOf(node.name)) stack.push(feed.call);
      if (bindings.length === 0 && parameter < 0) {
        refs.add(node.name);
        if (/^[A-Z][A-Z0-9_]*$/.test(node.name)) names.add(node.name);
      }
      continue;
    }
    if (node.type === "MemberExpression") {
      if (isEnvObject(node)) continue;
      const env = envMemberName(node);
      if (env !== null) names.add(env);
      else if (isEnvObject(node.object) && node.computed) stack.push(node.property);
      else {
        const key = keyName(node.property, node.computed);
        if (key !== null && key !== "length" && !/^(?:success|error|size)$/.test(key)) names.add(key);
        if (!isEnvObject(node.object)) stack.push(node.object);
      }
      continue;
    }
    if (node.type === "CallExpression") {
      const schema = schemaCall(node, model);
      if (schema) {
        for (const key of schema.keys) if (key.required) names.add(key.name);
        continue;
      }
      for (const arg of node.arguments) stack.push(arg);
      const callee = unwrap(node.callee);
      if (callee.type === "MemberExpression") stack.push(callee.object);
      continue;
    }
    for (const child of childrenOf(node)) stack.push(child);
  }
  return { names: [...names], refs: [...refs], parameters: [...parameters] };
}

/** The string literals of `["A", "B"]`, `["A", "B"] as const`, `new Set(["A"])`, `Object.freeze([...])`. */
function literalNames(value: Node): string[] {
  let node = unwrap(value);
  if ((node.type === "NewExpression" || node.type === "CallExpression") && node.arguments[0]) node = unwrap(node.arguments[0]);
  if (node.type !== "ArrayExpression") return [];
  return node.elements.flatMap((e) => {
    const v = e ? stringValue(e) : null;
    return v !== null && isVariableName(v) ? [v] : [];
  });
}

/**
 * A call that validates the environment with a schema, and the schema's keys:
 *   EnvSchema.parse(process.env)   z.object({…}).safeParse(process.env)   Joi.attempt(process.env, schema)
 *   cleanEnv(process.env, { API_KEY: str() })   createEnv({ server: { API_KEY: z.string() }, runtimeEnv: process.env })
 */
function schemaCall(call: TSESTree.CallExpression, model: JavaScriptModel): { keys: SchemaKey[]; throws: boolean; what: string } | null {
  const callee = unwrap(call.callee);
  const name = calleeName(callee);
  if (!name) return null;
  if (SCHEMA_FUNCTIONS.has(name)) {
    const [first, second] = call.arguments;
    if (name === "createEnv" && first?.type === "ObjectExpression") {
      const keys = ["server", "shared", "client"].flatMap((section) => {
        const object = propertyValue(first, section);
        return object?.type === "ObjectExpression" ? objectKeys(object, "zod") : [];
      });
      return { keys, throws: true, what: "createEnv() (t3-env)" };
    }
    const spec = second ? resolveObject(second, model) : null;
    if (first && isEnvObject(first) && spec) return { keys: objectKeys(spec, "envalid"), throws: true, what: `${name}() (envalid)` };
    return null;
  }
  if (callee.type !== "MemberExpression" || !SCHEMA_METHODS.has(name)) return null;
  const [first, second] = call.arguments;
  // Joi.attempt(process.env, schema)   Joi.assert(process.env, schema)
  if ((name === "attempt" || name === "assert") && first && isEnvObject(first) && second) {
    const schema = schemaObject(second, model);
    return schema ? { keys: objectKeys(schema.object, schema.library), throws: true, what: `${dottedName(callee) ?? name}()` } : null;
  }
  if (!first || !isEnvObject(first)) return null;
  const schema = schemaObject(callee.object, model);
  if (!schema) return null;
  return { keys: objectKeys(schema.object, schema.library), throws: THROWING_SCHEMA_METHODS.has(name), what: `${schema.library} schema .${name}(process.env)` };
}

type Library = "zod" | "joi" | "yup" | "envalid";

/** The object literal behind a schema: `z.object({…})`, `Joi.object({…}).unknown()`, `Base.extend({…})`, a const bound to one. */
function schemaObject(node: Node, model: JavaScriptModel, depth = 0): { object: TSESTree.ObjectExpression; library: Library } | null {
  const n = unwrap(node);
  if (depth > 8) return null;
  if (n.type === "Identifier") {
    const binding = (model.scopes.get(n) ?? model.module).allBindings(n.name).find((b) => b.kind === "assign");
    return binding?.value ? schemaObject(binding.value, model, depth + 1) : null;
  }
  if (n.type !== "CallExpression") return null;
  const callee = unwrap(n.callee);
  const name = calleeName(callee);
  const root = rootName(callee);
  const library: Library = root === "Joi" || root === "joi" ? "joi" : root === "yup" || root === "Yup" ? "yup" : "zod";
  const arg = n.arguments[0];
  if ((name === "object" || name === "strictObject" || name === "keys" || name === "shape" || name === "extend") && arg) {
    const object = resolveObject(arg, model);
    if (object) {
      // Base.extend({…}): the keys of both
      const base = name === "extend" && callee.type === "MemberExpression" ? schemaObject(callee.object, model, depth + 1) : null;
      if (!base) return { object, library };
      return { object: { ...object, properties: [...base.object.properties, ...object.properties] }, library: base.library };
    }
  }
  // z.object({…}).strict()   Joi.object({…}).unknown(true)   .required()
  return callee.type === "MemberExpression" ? schemaObject(callee.object, model, depth + 1) : null;
}

function resolveObject(node: Node, model: JavaScriptModel): TSESTree.ObjectExpression | null {
  const n = unwrap(node);
  if (n.type === "ObjectExpression") return n;
  if (n.type === "Identifier") {
    const binding = (model.scopes.get(n) ?? model.module).allBindings(n.name).find((b) => b.kind === "assign");
    return binding?.value && unwrap(binding.value).type === "ObjectExpression" ? (unwrap(binding.value) as TSESTree.ObjectExpression) : null;
  }
  return null;
}

function rootName(node: Node): string | null {
  let n = unwrap(node);
  for (let i = 0; i < 64; i += 1) {
    if (n.type === "Identifier") return n.name;
    if (n.type === "MemberExpression") n = unwrap(n.object);
    else if (n.type === "CallExpression") n = unwrap(n.callee);
    else return null;
  }
  return null;
}

// zod: required unless .optional() / .nullish() / .default(…) / .catch(…)
// joi, yup: optional unless .required()
// envalid: str() required; str({ default: "x" }) a fallback; devDefault only outside production
function objectKeys(object: TSESTree.ObjectExpression, library: Library): SchemaKey[] {
  const keys: SchemaKey[] = [];
  for (const property of object.properties) {
    if (property.type !== "Property") continue;
    const name = keyName(property.key, property.computed);
    if (name === null || !isVariableName(name)) continue;
    const methods = chainMethods(property.value);
    let required: boolean;
    let fallbackNode: Node | null = null;
    if (library === "envalid") {
      const call = unwrap(property.value);
      const options = call.type === "CallExpression" && ENVALID.has(calleeName(call.callee) ?? "") && call.arguments[0]?.type === "ObjectExpression" ? call.arguments[0] : null;
      fallbackNode = options ? propertyValue(options, "default") : null;
      required = fallbackNode === null;
    } else {
      fallbackNode = methods.get("default") ?? methods.get("catch") ?? null;
      const optional = methods.has("optional") || methods.has("nullish") || methods.has("nullable") || fallbackNode !== null;
      required = library === "zod" ? !optional : methods.has("required") && !optional;
    }
    keys.push({ name, node: property.key, required, fallback: fallbackNode !== null && isFallbackValue(fallbackNode) });
  }
  return keys;
}

/** The methods chained on a schema value and each one's first argument: `z.string().min(1).default("x")`. */
function chainMethods(value: Node): Map<string, Node | null> {
  const methods = new Map<string, Node | null>();
  let n = unwrap(value);
  for (let i = 0; i < 64 && n.type === "CallExpression"; i += 1) {
    const callee = unwrap(n.callee);
    if (callee.type !== "MemberExpression") break;
    const name = keyName(callee.property, callee.computed);
    if (name !== null) methods.set(name, n.arguments[0] ?? null);
    n = unwrap(callee.object);
  }
  return methods;
}

/** The file's scope model, built once over the shared parse and kept in the file's cache; null when the file does not parse. */
export async function javascriptModelOf(file: SourceFile): Promise<JavaScriptModel | null> {
  const parsed = await javascriptView(file);
  const ast = parsed.ast;
  if (!ast) return null;
  return file.cached("code:javascript-model", () => buildJavaScriptModel(ast, file.path));
}
