// Python for the code rules, over the shared tree-sitter tree (src/languages/views.ts):
//   - a scope model: which names are bound where, to what (assignments, loops, `with … as`, parameters);
//   - flow: does an expression hold a secret (`f"…{api_key}"`, `"%s" % token`, `dsn.replace(…)`),
//     and the sinks it may reach (loggers, print, stdout/stderr, warnings, exception messages);
//   - start-up facts: entry points, environment reads, checks that fail when a variable is missing,
//     calls, settings classes, for missing-startup-validation.
// Flow is intraprocedural: within a function and the module around it, in source order.

import type { PythonTree as Tree, SyntaxNode as Node } from "../../languages/python-tree.js";
import type { SourceFile } from "../../core/types.js";
import { pythonView } from "../../languages/views.js";
import {
  PYTHON_APP_FACTORIES,
  PYTHON_ENV_GETTERS,
  PYTHON_ENV_MAPPINGS,
  PYTHON_EXIT_CALLS,
  PYTHON_FACTORY_FUNCTIONS,
  PYTHON_LOG_METHODS,
  PYTHON_LOGGER_FACTORIES,
  PYTHON_MASKED_TYPES,
  PYTHON_PRINT_FUNCTIONS,
  PYTHON_SERVER_RUNS,
  PYTHON_SETTINGS_BASES,
  PYTHON_STARTUP_HOOKS,
  PYTHON_STREAM_SINKS,
} from "../../core/vocabulary.js";
import {
  CLEAN,
  emptyFacts,
  isCleanMethod,
  memberFlow,
  isLoggerName,
  isPropagatingFunction,
  isSanitizerName,
  isSecretFunctionName,
  isSecretName,
  isSecretHeaderName,
  isShortEnd,
  isVariableName,
  moduleScope,
  variableNameOf,
  tainted,
  union,
  UNKNOWN,
  type CodeFacts,
  type Flow,
  type Leak,
  type LeakOptions,
} from "./shared.js";
import { iteratedFlow, moduleConstants, writtenFlow } from "./binding-rules.js";
import { bindingsInSourceOrder, Memo, Scope as BaseScope, type Binding as BaseBinding, type ScopeRules } from "./scope.js";

type ScopeKind = "module" | "function" | "class" | "lambda" | "comprehension";

interface Binding extends BaseBinding<Node, Scope> {
  kind: "assign" | "iter" | "augment" | "mutate" | "param";
}

/** Its fact scope is the nearest function's, else the module's. */
type Scope = BaseScope<Node, ScopeKind, Binding>;

// Class bodies are not enclosing scopes for methods. A function's reference before its local
// binding sees the enclosing scopes; the module has run by the time its functions do.
const SCOPE_RULES: ScopeRules<ScopeKind> = { encloses: (kind) => kind !== "class", hoists: (kind) => kind === "module" };

/** The scope model of one file, built once and shared by both rules through the file's cache. */
export interface PythonModel {
  root: Node;
  module: Scope;
  /** Scope nodes (functions, lambdas, comprehensions, classes) by node id. */
  scopes: Map<number, Scope>;
  /** `self.dsn = …` in any method, by attribute name. */
  instance: Map<string, Binding[]>;
  /** Settings fields pydantic masks when printed (`api_key: SecretStr`). */
  maskedFields: Set<string>;
  /** Names bound by `import x` / `import x as y`: modules, never values (`import secrets`). */
  modules: Set<string>;
  /** Every call, with the scope it runs in, in source order. */
  calls: { node: Node; scope: Scope }[];
  raises: { node: Node; scope: Scope }[];
  ifs: { node: Node; scope: Scope }[];
  subscripts: { node: Node; scope: Scope }[];
  classes: { node: Node; scope: Scope }[];
  decorated: { node: Node; scope: Scope }[];
}

const SCOPE_NODES: Record<string, ScopeKind> = {
  function_definition: "function",
  lambda: "lambda",
  class_definition: "class",
  list_comprehension: "comprehension",
  set_comprehension: "comprehension",
  dictionary_comprehension: "comprehension",
  generator_expression: "comprehension",
};

const FEED_METHODS = new Set(["append", "extend", "add", "insert", "update", "appendleft"]);

// The scope model. One iterative pass, so deeply nested code does not overflow the stack.
export function buildPythonModel(tree: Tree, path: string): PythonModel {
  const root = tree.rootNode;
  const moduleId = moduleScope(path);
  const module: Scope = new BaseScope<Node, ScopeKind, Binding>({ kind: "module", node: root, name: "<module>", factScope: moduleId }, null, SCOPE_RULES);
  const model: PythonModel = {
    root,
    module,
    scopes: new Map(),
    instance: new Map(),
    maskedFields: new Set(),
    modules: new Set(),
    calls: [],
    raises: [],
    ifs: [],
    subscripts: [],
    classes: [],
    decorated: [],
  };
  const stack: { node: Node; scope: Scope }[] = [{ node: root, scope: module }];
  while (stack.length > 0) {
    const { node, scope: outer } = stack.pop()!;
    let scope = outer;
    const kind = SCOPE_NODES[node.type];
    if (kind) {
      const name = node.childForFieldName("name")?.text ?? `<${kind}>`;
      const factScope = kind === "function" ? `${path}#${name}@${node.startPosition.row + 1}` : outer.factScope;
      scope = outer.child({ kind, node, name, factScope });
      model.scopes.set(node.id, scope);
      if (kind === "function" || kind === "lambda") bindParameters(scope, node.childForFieldName("parameters"));
      if (kind === "class") model.classes.push({ node, scope: outer });
    }
    switch (node.type) {
      case "assignment":
        bindAssignment(model, scope, node);
        break;
      case "augmented_assignment": {
        const left = node.childForFieldName("left");
        if (left?.type === "identifier") scope.bind(left.text, { pos: node.endIndex, kind: "augment", value: node.childForFieldName("right") });
        break;
      }
      case "for_statement":
      case "for_in_clause": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left) for (const target of targetsOf(left)) scope.bind(target.text, { pos: left.endIndex, kind: "iter", value: right });
        break;
      }
      case "as_pattern": {
        // with open(p) as fh   except E as e
        const alias = node.childForFieldName("alias");
        const value = node.namedChildren[0] ?? null;
        const target = alias?.namedChildren[0] ?? alias;
        if (target?.type === "identifier" && node.parent?.type === "with_item") scope.bind(target.text, { pos: node.endIndex, kind: "assign", value });
        break;
      }
      case "named_expression": {
        const name = node.childForFieldName("name");
        if (name) scope.bind(name.text, { pos: node.endIndex, kind: "assign", value: node.childForFieldName("value") });
        break;
      }
      case "call": {
        model.calls.push({ node, scope });
        const fn = node.childForFieldName("function");
        const target = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
        const method = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : undefined;
        if (target?.type === "identifier" && method && FEED_METHODS.has(method)) scope.feed(target.text, node);
        break;
      }
      case "import_statement":
        // import secrets   import os.path   import hvac as vault
        for (const name of node.childrenForFieldName("name")) {
          const bound = name?.type === "aliased_import" ? name.childForFieldName("alias")?.text : name?.text.split(".")[0];
          if (bound) model.modules.add(bound);
        }
        break;
      case "raise_statement":
        model.raises.push({ node, scope });
        break;
      case "if_statement":
      case "elif_clause":
        model.ifs.push({ node, scope });
        break;
      case "subscript":
        model.subscripts.push({ node, scope });
        break;
      case "decorated_definition":
        model.decorated.push({ node, scope });
        break;
    }
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, scope });
    }
  }
  return model;
}

function bindParameters(scope: Scope, parameters: Node | null): void {
  if (!parameters) return;
  for (const parameter of parameters.namedChildren) {
    if (!parameter) continue;
    const name =
      parameter.type === "identifier"
        ? parameter
        : (parameter.childForFieldName("name") ?? parameter.namedChildren.find((c) => c?.type === "identifier") ?? null);
    if (name?.type !== "identifier") continue;
    scope.params.push(name.text);
    scope.bind(name.text, { pos: scope.node.startIndex, kind: "param", value: null });
  }
}

// x = v   a, b = v1, v2   a = b = v   self.dsn = v   headers["Authorization"] = v   api_key: str = v
function bindAssignment(model: PythonModel, scope: Scope, node: Node): void {
  const left = node.childForFieldName("left");
  let right = node.childForFieldName("right");
  while (right?.type === "assignment") right = right.childForFieldName("right");
  const type = node.childForFieldName("type");
  if (scope.kind === "class" && left?.type === "identifier" && type && PYTHON_MASKED_TYPES.some((t) => type.text.includes(t))) {
    model.maskedFields.add(left.text);
  }
  if (!left || !right) return;
  const pos = node.endIndex;
  if (left.type === "identifier") {
    scope.bind(left.text, { pos, kind: "assign", value: right });
    return;
  }
  if (left.type === "attribute") {
    const object = left.childForFieldName("object");
    const attribute = left.childForFieldName("attribute");
    if (attribute && (object?.text === "self" || object?.text === "cls")) {
      const list = model.instance.get(attribute.text) ?? [];
      list.push({ name: attribute.text, pos, kind: "assign", value: right, scope });
      model.instance.set(attribute.text, list);
    }
    return;
  }
  if (left.type === "subscript") {
    const container = left.childForFieldName("value");
    if (container?.type === "identifier") {
      const key = stringValue(left.childForFieldName("subscript"));
      scope.bind(container.text, { pos, kind: "mutate", value: right, key });
    }
    return;
  }
  const targets = targetsOf(left);
  const values = right.type === "expression_list" || right.type === "tuple" || right.type === "list" ? right.namedChildren : [];
  targets.forEach((target, i) => {
    const value = values.length === targets.length ? (values[i] ?? null) : right;
    scope.bind(target.text, { pos, kind: values.length === targets.length ? "assign" : "iter", value });
  });
}

/** The identifiers a target binds: `a`, `a, b`, `(a, [b, c])`, `*rest`. */
function targetsOf(target: Node): Node[] {
  if (target.type === "identifier") return [target];
  if (["pattern_list", "tuple_pattern", "list_pattern", "expression_list", "tuple", "list", "list_splat_pattern", "parenthesized_expression"].includes(target.type)) {
    return target.namedChildren.flatMap((c) => (c ? targetsOf(c) : []));
  }
  return [];
}

/** `os.environ.get` for a chain of identifiers and attributes, else null. */
export function dottedName(node: Node | null): string | null {
  const parts: string[] = [];
  for (let n: Node | null = node; n; ) {
    if (n.type === "identifier") {
      parts.unshift(n.text);
      return parts.join(".");
    }
    if (n.type !== "attribute") return null;
    const attribute = n.childForFieldName("attribute");
    if (!attribute) return null;
    parts.unshift(attribute.text);
    n = n.childForFieldName("object");
  }
  return null;
}

/** The name a call calls: `getenv` for `os.getenv(…)`, `ValueError` for `ValueError(…)`, `info` for `log.bind().info(…)`. */
export function calleeName(fn: Node | null): string | null {
  if (!fn) return null;
  if (fn.type === "identifier") return fn.text;
  if (fn.type === "attribute") return fn.childForFieldName("attribute")?.text ?? null;
  return null;
}

/** The value of a plain string literal (no interpolation), else null. */
export function stringValue(node: Node | null | undefined): string | null {
  let n = node ?? null;
  while (n?.type === "parenthesized_expression") n = n.namedChildren[0] ?? null;
  if (!n) return null;
  if (n.type === "concatenated_string") {
    const parts = n.namedChildren.map((c) => stringValue(c));
    return parts.every((p) => p !== null) ? parts.join("") : null;
  }
  if (n.type !== "string") return null;
  let value = "";
  for (const child of n.namedChildren) {
    if (!child) continue;
    if (child.type === "interpolation") return null;
    if (child.type === "string_content" || child.type === "escape_sequence") value += child.text;
  }
  return value;
}

function argumentsOf(call: Node): { positional: Node[]; keywords: { name: string; value: Node }[]; splats: Node[] } {
  const args = call.childForFieldName("arguments");
  const result = { positional: [] as Node[], keywords: [] as { name: string; value: Node }[], splats: [] as Node[] };
  if (!args) return result;
  if (args.type === "generator_expression") {
    result.positional.push(args);
    return result;
  }
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === "comment") continue;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text;
      const value = arg.childForFieldName("value");
      if (name && value) result.keywords.push({ name, value });
    } else if (arg.type === "list_splat" || arg.type === "dictionary_splat") {
      result.splats.push(arg);
    } else {
      result.positional.push(arg);
    }
  }
  return result;
}

function integerValue(node: Node | null): number | null {
  if (!node) return null;
  if (node.type === "integer") return Number.parseInt(node.text, 10);
  if (node.type === "unary_operator" && node.text.startsWith("-")) {
    const inner = integerValue(node.childForFieldName("argument"));
    return inner === null ? null : -inner;
  }
  return null;
}

const ENV_GETTERS = new Set(PYTHON_ENV_GETTERS);
const ENV_MAPPINGS = new Set(PYTHON_ENV_MAPPINGS);
const LOG_METHODS = new Set(PYTHON_LOG_METHODS);
const LOGGER_FACTORIES = new Set(PYTHON_LOGGER_FACTORIES);
const PRINTS = new Set(PYTHON_PRINT_FUNCTIONS);
const STREAM_SINKS = new Set(PYTHON_STREAM_SINKS);
const REQUEST_NAMES = /^(?:request|req|self\.request|ctx\.request|context\.request)$/;
// Keyword arguments of sinks that configure the call rather than carry data.
const CONFIG_KEYWORDS = new Set(["exc_info", "stack_info", "stacklevel", "file", "end", "sep", "flush", "category", "level", "status_code", "err"]);
const MAX_DEPTH = 60;
const PATH_FUNCTION = /^(?:os\.path|posixpath|ntpath|pathlib)\.\w+$/;

/** Evaluates what expressions hold, memoised per node. */
class PythonFlow {
  /** Nodes by id: tree-sitter hands out a new object each time it is asked for a node. */
  private readonly memo = new Memo<number, Binding, Flow>(UNKNOWN, MAX_DEPTH);

  constructor(
    private readonly model: PythonModel,
    private readonly options: Pick<LeakOptions, "sanitizers" | "loggers">,
  ) {}

  /**
   * Evaluates every binding in source order, so that each finds the bindings it depends on
   * already known: a chain of a thousand assignments then costs a thousand shallow steps, not
   * a thousand nested ones.
   */
  warmUp(): void {
    for (const binding of bindingsInSourceOrder([this.model.module, ...this.model.scopes.values()])) this.binding(binding);
  }

  scopeOf(node: Node, fallback: Scope): Scope {
    return this.model.scopes.get(node.id) ?? fallback;
  }

  evaluate(node: Node | null | undefined, scope: Scope): Flow {
    if (!node) return UNKNOWN;
    return this.memo.node(node.id, () => this.compute(node, scope));
  }

  private compute(node: Node, scope: Scope): Flow {
    switch (node.type) {
      case "identifier":
        return this.identifier(node, scope);
      case "attribute":
        return this.attribute(node, scope);
      case "subscript":
        return this.subscript(node, scope);
      case "call":
        return this.call(node, scope);
      case "string": {
        // f"…{token}…"
        const parts = node.namedChildren.filter((c): c is Node => c?.type === "interpolation");
        return parts.length === 0 ? CLEAN : union(parts.map((p) => this.evaluate(p.childForFieldName("expression") ?? p.namedChildren[0], scope)));
      }
      case "concatenated_string":
      case "list":
      case "tuple":
      case "set":
      case "expression_list":
        return union(node.namedChildren.map((c) => this.evaluate(c, scope)));
      case "binary_operator": {
        // "token=%s" % token   "Bearer " + token
        const operator = node.childForFieldName("operator")?.type;
        if (operator !== "+" && operator !== "%") return CLEAN;
        return union([this.evaluate(node.childForFieldName("left"), scope), this.evaluate(node.childForFieldName("right"), scope)]);
      }
      case "boolean_operator":
        // token or "none"
        return union([this.evaluate(node.childForFieldName("left"), scope), this.evaluate(node.childForFieldName("right"), scope)]);
      case "conditional_expression": {
        // token if debug else "***"
        const [then, , otherwise] = node.namedChildren;
        return union([this.evaluate(then, scope), this.evaluate(otherwise, scope)]);
      }
      case "comparison_operator": // x is None, x == y
      case "not_operator":
      case "unary_operator":
      case "lambda":
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
      case "ellipsis":
        return CLEAN;
      case "parenthesized_expression":
      case "await":
      case "list_splat":
      case "dictionary_splat":
        return this.evaluate(node.namedChildren[0], scope);
      case "keyword_argument":
      case "named_expression":
        return this.evaluate(node.childForFieldName("value"), scope);
      case "dictionary":
        return this.dictionary(node, scope);
      case "list_comprehension":
      case "set_comprehension":
      case "generator_expression":
      case "dictionary_comprehension": {
        const inner = this.scopeOf(node, scope);
        return this.evaluate(node.childForFieldName("body"), inner);
      }
      case "pair":
        return this.evaluate(node.childForFieldName("value"), scope);
      default:
        return UNKNOWN;
    }
  }

  private identifier(node: Node, scope: Scope): Flow {
    const name = node.text;
    const binding = scope.lookup(name, node.startIndex);
    let flow = binding ? this.binding(binding) : UNKNOWN;
    if (!binding && ENV_MAPPINGS.has(name)) return tainted(name, "environment");
    // `import secrets`: the standard library's module, not a secret (`key_id = secrets.token_urlsafe(16)`)
    if (!binding && this.model.modules.has(name)) return UNKNOWN;
    if (flow.state === "unknown" && isSecretName(name)) flow = tainted(name);
    return flow;
  }

  binding(binding: Binding): Flow {
    return this.memo.binding(binding, () => this.computeBinding(binding));
  }

  private computeBinding(binding: Binding): Flow {
    switch (binding.kind) {
      case "param":
        return UNKNOWN;
      case "assign":
        return this.evaluate(binding.value, binding.scope);
      case "iter":
        // for name in os.environ → names; for k, v in os.environ.items() → values
        return iteratedFlow(this.evaluate(binding.value, binding.scope));
      case "augment":
      case "mutate": {
        const before = binding.scope.before(binding);
        const previous = before ? this.binding(before) : UNKNOWN;
        return writtenFlow(binding, previous, this.evaluate(binding.value, binding.scope));
      }
    }
  }

  private attribute(node: Node, scope: Scope): Flow {
    const object = node.childForFieldName("object");
    const name = node.childForFieldName("attribute")?.text ?? "";
    const dotted = dottedName(node);
    if (dotted && ENV_MAPPINGS.has(dotted)) return tainted(dotted, "environment");
    // request.headers: every incoming header, Authorization and Cookie among them
    if (name === "headers" && object && REQUEST_NAMES.test(object.text)) return tainted(node.text, "headers");
    if (this.model.maskedFields.has(name)) return CLEAN;
    if (isSecretName(name)) return tainted(node.text);
    if (object && (object.text === "self" || object.text === "cls")) {
      const bindings = this.model.instance.get(name) ?? [];
      const flow = union(bindings.map((b) => this.binding(b)));
      if (flow.state === "tainted") return flow;
    }
    return memberFlow(this.evaluate(object, scope), name);
  }

  private subscript(node: Node, scope: Scope): Flow {
    const value = node.childForFieldName("value");
    const index = node.childForFieldName("subscript");
    const key = stringValue(index);
    const dotted = dottedName(value);
    if (dotted && ENV_MAPPINGS.has(dotted)) return key === null ? UNKNOWN : isSecretName(key) ? tainted(key) : CLEAN;
    if (key !== null && isSecretHeaderName(key)) return tainted(key);
    if (index?.type === "slice") {
      // token[:4]   key[-4:]
      const bounds = index.children.filter((c): c is Node => c !== null);
      const colon = bounds.findIndex((c) => c.type === ":");
      const start = colon > 0 ? integerValue(bounds[colon - 1] ?? null) : null;
      const end = colon >= 0 && colon + 1 < bounds.length && bounds[colon + 1]?.type !== ":" ? integerValue(bounds[colon + 1] ?? null) : null;
      if (isShortEnd(start, end)) return CLEAN;
    }
    const container = this.evaluate(value, scope);
    // body["token"]["catalog"]: a document navigated by its keys; a field under a secret-named one is
    // a secret only if its own name says so (Keystone's token holds the catalog, not the token)
    if (key !== null && container.state === "tainted" && !container.container && value?.type === "subscript" && stringValue(value.childForFieldName("subscript")) !== null) {
      return isSecretName(key) || isSecretHeaderName(key) ? tainted(key) : CLEAN;
    }
    if (key !== null) return memberFlow(container, key);
    return container.state === "tainted" && container.container ? UNKNOWN : container;
  }

  private call(node: Node, scope: Scope): Flow {
    const fn = node.childForFieldName("function");
    const dotted = dottedName(fn);
    const name = calleeName(fn) ?? "";
    const args = argumentsOf(node);
    const first = args.positional[0];
    if (dotted && ENV_GETTERS.has(dotted)) {
      const variable = stringValue(first);
      return variable === null ? UNKNOWN : isSecretName(variable) ? tainted(variable) : CLEAN;
    }
    if (isSanitizerName(name, this.options.sanitizers) || (dotted !== null && dotted !== name && isSanitizerName(dotted.slice(0, dotted.lastIndexOf(".")), this.options.sanitizers))) {
      return CLEAN;
    }
    const all = () => [...args.positional, ...args.keywords.map((k) => k.value), ...args.splats].map((a) => this.evaluate(a, scope));
    // LOCAL_KFP_CREDENTIAL = os.path.expanduser("~/.config/kfp/credentials.json"): a path, named for what the file holds
    if ((dotted !== null && PATH_FUNCTION.test(dotted)) || name === "Path" || name === "PurePath") {
      const parts = union(all());
      return parts.state === "tainted" ? parts : CLEAN;
    }
    if (fn?.type === "attribute") {
      const receiver = fn.childForFieldName("object");
      if (name === "get_secret_value") return tainted(receiver?.text ?? name);
      if (name === "format" || name === "join" || name === "format_map") return union([this.evaluate(receiver, scope), ...all()]);
      if (isCleanMethod(name)) return CLEAN;
      const owner = this.evaluate(receiver, scope);
      if (name === "get" && first) {
        const key = stringValue(first);
        if (key !== null) {
          if (isSecretHeaderName(key)) return tainted(key);
          return memberFlow(owner, key);
        }
      }
      if (owner.state === "tainted") {
        if (!owner.container) return tainted(owner.source);
        // os.environ.items(), headers.copy(): the secret members come along
        return ["items", "values", "copy", "to_dict", "dict"].includes(name) ? tainted(owner.source) : UNKNOWN;
      }
      if (isPropagatingFunction(name)) return union(all());
      if (isSecretName(name)) return tainted(`${fn.text}()`);
      return UNKNOWN;
    }
    if (isPropagatingFunction(name)) return union(all());
    if (isSecretFunctionName(name)) return tainted(`${name}()`);
    return UNKNOWN;
  }

  private dictionary(node: Node, scope: Scope): Flow {
    const flows: Flow[] = [];
    let headers = false;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "dictionary_splat") {
        flows.push(this.evaluate(child, scope));
        continue;
      }
      if (child.type !== "pair") continue;
      const key = stringValue(child.childForFieldName("key"));
      const value = this.evaluate(child.childForFieldName("value"), scope);
      if (key !== null && isSecretHeaderName(key) && !isSecretName(key)) headers = true;
      // {"password": pw}: a secret-named entry holds a secret unless its value is known not to
      if (key !== null && isSecretHeaderName(key) && value.state === "unknown") flows.push(tainted(key));
      else flows.push(value);
    }
    const flow = union(flows);
    return flow.state === "tainted" && headers ? tainted(flow.source, "headers") : flow;
  }

  /** Is this receiver a logger: `logger`, `log`, `self.logger`, `logging`, `structlog.get_logger()`, `log.bind(x=1)`? */
  isLogger(node: Node | null, scope: Scope): boolean {
    if (!node) return false;
    if (node.type === "identifier") {
      if (isLoggerName(node.text, this.options.loggers)) return true;
      const binding = scope.lookup(node.text, node.startIndex);
      return binding?.kind === "assign" && binding.value?.type === "call" && this.isLoggerFactory(binding.value, binding.scope);
    }
    if (node.type === "attribute") return isLoggerName(node.childForFieldName("attribute")?.text ?? "", this.options.loggers) || isLoggerName(node.text, this.options.loggers);
    if (node.type === "call") return this.isLoggerFactory(node, scope);
    return false;
  }

  private isLoggerFactory(call: Node, scope: Scope): boolean {
    const fn = call.childForFieldName("function");
    const name = calleeName(fn);
    if (!name || !LOGGER_FACTORIES.has(name)) return false;
    // logger.bind(…) and logger.opt(…) make loggers only from loggers; getLogger from anywhere
    if (fn?.type === "attribute" && ["bind", "new", "opt", "patch"].includes(name)) return this.isLogger(fn.childForFieldName("object"), scope);
    return true;
  }
}

/** Secrets reaching a logger, print, stdout/stderr, warnings or an exception message. */
export function pythonLeaks(model: PythonModel, options: LeakOptions): Leak[] {
  const flow = new PythonFlow(model, options);
  const sinks = model.calls.flatMap(({ node, scope }) => {
    const sink = sinkOf(node, scope, flow, options);
    return sink ? [{ node, scope, sink }] : [];
  });
  const raises = options.exceptions ? model.raises : [];
  if (sinks.length === 0 && raises.length === 0) return [];
  flow.warmUp();
  const leaks: Leak[] = [];
  for (const { node, scope, sink } of sinks) {
    const found = leakingArgument(node, scope, flow);
    if (found) leaks.push({ start: node.startIndex, end: node.endIndex, sink, ...found, exception: false });
  }
  for (const { node, scope } of raises) {
    // raise ValueError(f"bad key {api_key}")   raise HTTPException(401, detail=f"… {token}")
    const raised = node.namedChildren[0];
    if (raised?.type !== "call") continue;
    const found = leakingArgument(raised, scope, flow);
    if (found) leaks.push({ start: node.startIndex, end: raised.endIndex, sink: `raise ${raised.childForFieldName("function")?.text ?? "exception"}`, ...found, exception: true });
  }
  return leaks.sort((a, b) => a.start - b.start);
}

function sinkOf(call: Node, scope: Scope, flow: PythonFlow, options: LeakOptions): string | null {
  const fn = call.childForFieldName("function");
  if (!fn) return null;
  if (fn.type === "identifier") return options.prints && PRINTS.has(fn.text) && !scope.lookup(fn.text, call.startIndex) ? fn.text : null;
  if (fn.type !== "attribute") return null;
  const dotted = dottedName(fn);
  if (dotted && STREAM_SINKS.has(dotted)) return dotted === "warnings.warn" || options.prints ? dotted : null;
  const method = fn.childForFieldName("attribute")?.text ?? "";
  const receiver = fn.childForFieldName("object");
  if (!LOG_METHODS.has(method) || !flow.isLogger(receiver, scope)) return null;
  return receiver?.type === "call" ? `${calleeName(receiver.childForFieldName("function")) ?? "logger"}().${method}` : fn.text.replace(/\s+/g, "");
}

/** The first argument of a sink that carries a secret, as the message names it. */
function leakingArgument(call: Node, scope: Scope, flow: PythonFlow): { source: string; via: string | null } | null {
  const args = argumentsOf(call);
  for (const arg of [...args.positional, ...args.splats]) {
    const result = flow.evaluate(arg, scope);
    if (result.state === "tainted") return via(result.source, arg);
  }
  for (const { name, value } of args.keywords) {
    if (CONFIG_KEYWORDS.has(name)) continue;
    const result = flow.evaluate(value, scope);
    if (result.state === "tainted") return via(result.source, value);
    // logger.error("auth failed", api_key=key): structlog keeps the keyword's name with the value
    if (result.state === "unknown" && isSecretName(name)) return { source: name, via: null };
  }
  return null;
}

/** The source, and the variable that carries it to the sink when that is another name (`url` built from `password`). */
function via(source: string, argument: Node): { source: string; via: string | null } {
  const text = argument.text;
  const named = argument.type === "identifier" || argument.type === "attribute";
  return { source, via: named && text !== source && !text.endsWith(`.${source}`) ? text : null };
}

const EXIT_CALLS = new Set(PYTHON_EXIT_CALLS);
const APP_FACTORIES = new Set(PYTHON_APP_FACTORIES);
const SERVER_RUNS = new Set(PYTHON_SERVER_RUNS);
const STARTUP_HOOKS = new Set(PYTHON_STARTUP_HOOKS);
const SETTINGS_BASES = new Set(PYTHON_SETTINGS_BASES);
const MAX_COLLECT = 400;

type PositionAt = (offset: number) => { line: number; column: number };

/** What missing-startup-validation needs from one Python file. */
export function pythonStartupFacts(model: PythonModel, path: string, positionAt: PositionAt): CodeFacts {
  const facts = emptyFacts(path, "python");
  const line = (node: Node) => positionAt(node.startIndex).line;
  const imports = importedNames(model.root);

  for (const scope of model.scopes.values()) {
    if (scope.kind !== "function") continue;
    const owner = scope.parent?.kind === "class" ? scope.parent.name : null;
    facts.functions.push({ scope: scope.factScope, name: scope.name, owner });
    if (PYTHON_FACTORY_FUNCTIONS.includes(scope.name)) facts.hooks.push(scope.name);
  }

  // REQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN", "REDIS_URL"]
  facts.constants = moduleConstants(model.module, literalNames);

  for (const { node, scope } of model.calls) {
    const fn = node.childForFieldName("function");
    const dotted = dottedName(fn);
    const name = calleeName(fn);
    const args = argumentsOf(node);
    if (name) {
      const at = positionAt(node.startIndex);
      facts.calls.push({ scope: scope.factScope, callee: name, args: args.positional.map((a) => variableNameOf(stringValue(a))), line: at.line, column: at.column });
    }
    if ((dotted && APP_FACTORIES.has(dotted)) || (name && APP_FACTORIES.has(name) && fn?.type === "identifier")) facts.entries.push({ line: line(node), what: `${dotted ?? name}()` });
    if (dotted && SERVER_RUNS.has(dotted) && (dotted !== "serve" || imports.get("serve") === "waitress")) facts.entries.push({ line: line(node), what: `${dotted}()` });
    // FastAPI(lifespan=lifespan)   Starlette(on_startup=[connect])   app.add_event_handler("startup", connect)
    for (const { name: keyword, value } of args.keywords) {
      if (keyword === "lifespan" || keyword === "on_startup") facts.hooks.push(...identifiersIn(value));
    }
    if (name === "add_event_handler" && stringValue(args.positional[0]) === "startup" && args.positional[1]) facts.hooks.push(...identifiersIn(args.positional[1]));
    const read = envRead(node, dotted, name, args, imports, model);
    if (read) {
      const at = positionAt(node.startIndex);
      facts.reads.push({ name: read.name, line: at.line, column: at.column, via: read.via, scope: scope.factScope, fallback: read.fallback || orFallback(node), failFast: read.failFast });
    }
  }

  // os.environ["CLICKHOUSE_DSN"]: a KeyError at import when it is missing
  for (const { node, scope } of model.subscripts) {
    const dotted = dottedName(node.childForFieldName("value"));
    const name = stringValue(node.childForFieldName("subscript"));
    if (!dotted || !ENV_MAPPINGS.has(dotted) || name === null) continue;
    const parent = node.parent;
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id) continue; // a write
    if (parent?.type === "delete_statement") continue;
    const at = positionAt(node.startIndex);
    facts.reads.push({ name, line: at.line, column: at.column, via: `${dotted}[]`, scope: scope.factScope, fallback: false, failFast: true });
  }

  for (const { node } of model.ifs) {
    const condition = node.childForFieldName("condition");
    if (node.type === "if_statement" && condition && /^__name__\s*==\s*["']__main__["']$|^["']__main__["']\s*==\s*__name__$/.test(condition.text)) {
      facts.entries.push({ line: line(node), what: 'if __name__ == "__main__"' });
    }
  }

  for (const { node, scope } of model.ifs) {
    const consequence = node.childForFieldName("consequence");
    const condition = node.childForFieldName("condition");
    if (!consequence || !condition || !fails(consequence)) continue;
    const covered = collectNames(condition, scope, model);
    if (covered.names.length === 0 && covered.refs.length === 0 && covered.parameters.length === 0) continue;
    // never quote the condition: it may compare against a literal secret
    const what = scope.kind === "function" ? `${scope.name}()` : `the check at line ${line(node)}`;
    facts.checks.push({ scope: scope.factScope, line: line(node), ...covered, what });
  }

  for (const { node } of model.decorated) {
    // @app.on_event("startup")   @app.before_serving
    const definition = node.childForFieldName("definition");
    const name = definition?.childForFieldName("name")?.text;
    if (!name || definition?.type !== "function_definition") continue;
    for (const decorator of node.namedChildren) {
      if (decorator?.type !== "decorator") continue;
      const expression = decorator.namedChildren[0];
      const call = expression?.type === "call" ? expression : null;
      const hook = calleeName(call ? call.childForFieldName("function") : (expression ?? null));
      if (!hook || !STARTUP_HOOKS.has(hook)) continue;
      if (hook === "on_event" && stringValue(call ? argumentsOf(call).positional[0] : null) !== "startup") continue;
      facts.hooks.push(name);
    }
  }

  for (const { node, scope } of model.classes) settingsReads(node, scope, facts, positionAt);
  // a typer or click app run by a console-script entry point has no `__main__` at all
  if (facts.entries.every((e) => e.what.startsWith("if __name__")) && parsesArguments(model)) facts.cli = true;
  return facts;
}

// argparse.ArgumentParser()  OptionParser()  typer.Typer()  fire.Fire(main)  docopt(__doc__)  @click.command()
const ARGUMENT_PARSERS = new Set(["ArgumentParser", "OptionParser", "Typer", "Fire", "docopt", "command", "group"]);

/** Does the module read its command line: an argument parser, a CLI framework's decorator, or `sys.argv`? */
function parsesArguments(model: PythonModel): boolean {
  for (const { node } of model.calls) {
    const fn = node.childForFieldName("function");
    const name = calleeName(fn);
    if (!name || !ARGUMENT_PARSERS.has(name)) continue;
    const dotted = dottedName(fn) ?? name;
    // click.command() and app.command() (typer) as decorators; `command`/`group` alone are too common
    if (name === "command" || name === "group") {
      if (/^(?:click|typer|app|cli)\.(?:command|group)$/.test(dotted) && node.parent?.type === "decorator") return true;
      continue;
    }
    return true;
  }
  return model.subscripts.some(({ node }) => dottedName(node.childForFieldName("value")) === "sys.argv");
}

/** `from decouple import config` → config: decouple. */
function importedNames(root: Node): Map<string, string> {
  const names = new Map<string, string>();
  for (const node of root.namedChildren) {
    if (node?.type !== "import_from_statement") continue;
    const module = node.childForFieldName("module_name")?.text ?? "";
    for (const name of node.childrenForFieldName("name")) {
      const imported = name?.type === "aliased_import" ? name.childForFieldName("alias") : name;
      if (imported) names.set(imported.text, module);
    }
  }
  return names;
}

interface ReadShape {
  name: string;
  via: string;
  fallback: boolean;
  failFast: boolean;
}

// os.getenv("X")  os.getenv("X", "dflt")  os.environ.get("X")  os.environ.setdefault("X", "d")
// config("X") with python-decouple   env.str("X") with environs: both raise when X is missing
function envRead(call: Node, dotted: string | null, name: string | null, args: ReturnType<typeof argumentsOf>, imports: Map<string, string>, model: PythonModel): ReadShape | null {
  const variable = stringValue(args.positional[0]);
  if (variable === null || !isVariableName(variable)) return null;
  const defaultArgument = args.positional[1] ?? args.keywords.find((k) => k.name === "default")?.value;
  if (dotted && ENV_GETTERS.has(dotted)) {
    return { name: variable, via: dotted, fallback: isFallbackValue(defaultArgument), failFast: false };
  }
  if (dotted === "config" && imports.get("config") === "decouple") {
    return { name: variable, via: "decouple config()", fallback: isFallbackValue(defaultArgument), failFast: defaultArgument === undefined };
  }
  const fn = call.childForFieldName("function");
  const receiver = fn?.type === "attribute" ? fn.childForFieldName("object") : fn;
  if (receiver?.type === "identifier" && name && isEnvironsReader(receiver.text, model)) {
    return { name: variable, via: "environs", fallback: isFallbackValue(defaultArgument), failFast: defaultArgument === undefined };
  }
  return null;
}

// env = Env()  (environs)
function isEnvironsReader(name: string, model: PythonModel): boolean {
  const bindings = model.module.bindings.get(name) ?? [];
  return bindings.some((b) => b.value?.type === "call" && b.value.childForFieldName("function")?.text === "Env");
}

/** A default that stands in for a missing variable: a non-empty string or a number. None and "" do not. */
function isFallbackValue(node: Node | undefined | null): boolean {
  if (!node) return false;
  const value = stringValue(node);
  if (value !== null) return value !== "";
  return node.type === "integer" || node.type === "float";
}

// os.getenv("API_KEY") or "dev-key"
function orFallback(call: Node): boolean {
  const parent = call.parent;
  if (parent?.type !== "boolean_operator" || parent.childForFieldName("left")?.id !== call.id) return false;
  if (parent.childForFieldName("operator")?.type !== "or") return false;
  return isFallbackValue(parent.childForFieldName("right"));
}

/** Does this block end the start-up: raise, sys.exit(1), os._exit? (not inside a nested function) */
function fails(block: Node): boolean {
  const stack: Node[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "raise_statement") return true;
    if (node.type === "call") {
      const dotted = dottedName(node.childForFieldName("function"));
      if (dotted && EXIT_CALLS.has(dotted)) {
        const code = argumentsOf(node).positional[0];
        if (!(code?.type === "integer" && code.text === "0")) return true;
      }
    }
    if (node !== block && (node.type === "function_definition" || node.type === "lambda" || node.type === "class_definition")) continue;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/**
 * The variables a check's condition covers, following local bindings back to their sources:
 *   if not os.getenv("API_KEY")            → API_KEY
 *   if not API_KEY  (API_KEY = os.getenv("CAISO_API_KEY"))  → CAISO_API_KEY, API_KEY
 *   if missing  (missing = [s for s in REQUIRED if not os.getenv(s)])  → REQUIRED (a constant)
 *   if not settings.api_key                → api_key (a settings field)
 *   if not value  (value = os.getenv(name), name a parameter)  → parameter 0
 */
function collectNames(condition: Node, scope: Scope, model: PythonModel): { names: string[]; refs: string[]; parameters: number[] } {
  const names = new Set<string>();
  const refs = new Set<string>();
  const parameters = new Set<number>();
  const seen = new Set<number>();
  const stack: { node: Node; scope: Scope }[] = [{ node: condition, scope }];
  while (stack.length > 0 && seen.size < MAX_COLLECT) {
    const { node, scope: at } = stack.pop()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const inner = model.scopes.get(node.id);
    const here = inner && inner.kind === "comprehension" ? inner : at;
    if (node.type === "string") {
      const value = stringValue(node);
      if (value !== null && isVariableName(value)) names.add(value);
      continue;
    }
    if (node.type === "identifier") {
      const name = node.text;
      const parameter = here.kind === "function" ? here.params.indexOf(name) : -1;
      if (parameter >= 0) parameters.add(parameter);
      const bindings = here.allBindings(name);
      for (const b of bindings) if (b.value) stack.push({ node: b.value, scope: b.scope });
      for (const feed of here.feedsOf(name)) stack.push({ node: feed.call, scope: feed.scope });
      if (bindings.length === 0 && parameter < 0) {
        refs.add(name);
        if (/^[A-Z][A-Z0-9_]*$/.test(name)) names.add(name);
      } else if (bindings.some((b) => b.scope.kind === "module") && /^[A-Z][A-Z0-9_]*$/.test(name)) {
        names.add(name);
      }
      continue;
    }
    if (node.type === "attribute") {
      const attribute = node.childForFieldName("attribute")?.text;
      const dotted = dottedName(node);
      if (attribute && !(dotted && ENV_MAPPINGS.has(dotted))) names.add(attribute);
      const object = node.childForFieldName("object");
      if (object && object.type !== "identifier") stack.push({ node: object, scope: here });
      // if not self.master_key  (self.master_key = master_key or os.getenv("DATA_PROC_MASTER_KEY")) → DATA_PROC_MASTER_KEY.
      // Only an attribute the environment sets directly: `if not self._redis` tests a client, not its URL.
      if (attribute && (object?.text === "self" || object?.text === "cls")) {
        for (const b of model.instance.get(attribute) ?? []) if (b.value && READS_ENVIRONMENT.test(b.value.text)) stack.push({ node: b.value, scope: b.scope });
      }
      continue;
    }
    if (node.type === "call") {
      // validate(x): the callee is no variable; its arguments and receiver may be
      const fn = node.childForFieldName("function");
      const args = node.childForFieldName("arguments");
      if (args) stack.push({ node: args, scope: here });
      const receiver = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
      if (receiver && dottedName(receiver) === null) stack.push({ node: receiver, scope: here });
      else if (receiver?.type === "identifier" && !ENV_MAPPINGS.has(receiver.text)) stack.push({ node: receiver, scope: here });
      continue;
    }
    if (node.type === "function_definition" || node.type === "lambda") continue;
    for (const child of node.namedChildren) if (child) stack.push({ node: child, scope: here });
  }
  return { names: [...names], refs: [...refs], parameters: [...parameters] };
}

const READS_ENVIRONMENT = /^[^\n]{0,200}\b(?:getenv|environ)\b/;

/** The string literals of a list, tuple, set or `frozenset([...])` that can name variables. */
function literalNames(value: Node): string[] {
  let node: Node | null = value;
  if (node.type === "call" && ["frozenset", "set", "tuple", "list"].includes(node.childForFieldName("function")?.text ?? "")) {
    node = argumentsOf(node).positional[0] ?? null;
  }
  if (!node || !["list", "tuple", "set"].includes(node.type)) return [];
  const names: string[] = [];
  for (const child of node.namedChildren) {
    const v = stringValue(child);
    if (v !== null && isVariableName(v)) names.push(v);
  }
  return names;
}

/** Every identifier in a hook argument: `lifespan`, `[connect, warm_cache]`. */
function identifiersIn(node: Node): string[] {
  if (node.type === "identifier") return [node.text];
  if (node.type === "attribute") return [node.childForFieldName("attribute")?.text ?? ""].filter(Boolean);
  if (node.type === "list" || node.type === "tuple") return node.namedChildren.flatMap((c) => (c ? identifiersIn(c) : []));
  return [];
}

// class Settings(BaseSettings):
//     clickhouse_dsn: str                     required: pydantic refuses to start without it
//     api_key: SecretStr = Field(alias="CAISO_API_KEY")
//     redis_password: str = "changeme"        a fallback
//     sentry_dsn: str | None = None           optional: never validated
//     model_config = SettingsConfigDict(env_prefix="INGEST_")
function settingsReads(node: Node, scope: Scope, facts: CodeFacts, positionAt: PositionAt): void {
  const bases = node.childForFieldName("superclasses");
  if (!bases || !bases.namedChildren.some((b) => b !== null && SETTINGS_BASES.has(b.text))) return;
  const className = node.childForFieldName("name")?.text ?? "Settings";
  const body = node.childForFieldName("body");
  if (!body) return;
  let prefix = "";
  let validateDefault = false;
  const validated = new Set<string>();
  const fields: { name: string; node: Node; type: Node | null; value: Node | null }[] = [];
  for (const statement of body.namedChildren) {
    if (!statement) continue;
    const assignment = statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assignment?.type === "assignment") {
      const left = assignment.childForFieldName("left");
      const value = assignment.childForFieldName("right");
      const type = assignment.childForFieldName("type");
      if (left?.type !== "identifier") continue;
      if (left.text === "model_config" && value?.type === "call") {
        const options = argumentsOf(value);
        prefix = stringValue(options.keywords.find((k) => k.name === "env_prefix")?.value) ?? prefix;
        validateDefault ||= options.keywords.some((k) => k.name === "validate_default" && k.value.type === "true");
        continue;
      }
      if (!type || /ClassVar/.test(type.text)) continue;
      fields.push({ name: left.text, node: left, type, value });
    } else if (statement.type === "class_definition" && statement.childForFieldName("name")?.text === "Config") {
      // class Config: env_prefix = "INGEST_"   (pydantic v1)
      const configBody = statement.childForFieldName("body");
      for (const inner of configBody?.namedChildren ?? []) {
        const a = inner?.namedChildren[0];
        if (a?.type === "assignment" && a.childForFieldName("left")?.text === "env_prefix") prefix = stringValue(a.childForFieldName("right")) ?? prefix;
      }
    } else if (statement.type === "decorated_definition") {
      // @field_validator("api_key") def not_empty(cls, v): if not v: raise ValueError(...)
      const definition = statement.childForFieldName("definition");
      const raises = definition ? fails(definition) : false;
      for (const decorator of statement.namedChildren) {
        const call = decorator?.type === "decorator" ? decorator.namedChildren[0] : null;
        if (call?.type !== "call") continue;
        const which = calleeName(call.childForFieldName("function"));
        if (which !== "field_validator" && which !== "validator") continue;
        const args = argumentsOf(call);
        const always = args.keywords.some((k) => (k.name === "always" || k.name === "validate_default") && k.value.type === "true");
        if (raises) for (const arg of args.positional) {
          const field = stringValue(arg);
          if (field !== null) validated.add(always ? `${field}!` : field);
        }
      }
    }
  }
  for (const field of fields) {
    const shape = fieldShape(field.value);
    const environmentName = shape.alias ?? `${prefix}${field.name}`.toUpperCase();
    const optional = shape.optional || /\bOptional\[|\|\s*None\b|\bNone\s*\|/.test(field.type?.text ?? "");
    const alwaysValidated = validated.has(`${field.name}!`) || (validateDefault && validated.has(field.name));
    const at = positionAt(field.node.startIndex);
    facts.reads.push({
      name: environmentName,
      line: at.line,
      column: at.column,
      via: `${className} (BaseSettings)`,
      scope: scope.factScope,
      fallback: shape.fallback && !alwaysValidated,
      failFast: (shape.required && !optional) || alwaysValidated,
      needs: className,
      field: field.name,
    });
  }
}

// = "x" (fallback)   = None (optional)   = Field(...) (required)   = Field(default="x", alias="X")   no value (required)
function fieldShape(value: Node | null): { required: boolean; fallback: boolean; optional: boolean; alias: string | null } {
  if (!value) return { required: true, fallback: false, optional: false, alias: null };
  if (value.type === "call" && calleeName(value.childForFieldName("function")) === "Field") {
    const args = argumentsOf(value);
    const alias = stringValue(args.keywords.find((k) => ["alias", "validation_alias", "env"].includes(k.name))?.value);
    const defaultValue = args.positional[0] ?? args.keywords.find((k) => k.name === "default")?.value;
    const factory = args.keywords.some((k) => k.name === "default_factory");
    if (factory) return { required: false, fallback: true, optional: false, alias };
    if (!defaultValue || defaultValue.type === "ellipsis") return { required: true, fallback: false, optional: false, alias };
    return { required: false, fallback: isFallbackValue(defaultValue), optional: !isFallbackValue(defaultValue), alias };
  }
  if (value.type === "ellipsis") return { required: true, fallback: false, optional: false, alias: null };
  return { required: false, fallback: isFallbackValue(value), optional: !isFallbackValue(value), alias: null };
}

/** The file's scope model, built once over the shared parse and kept in the file's cache; null when there is no tree. */
export async function pythonModelOf(file: SourceFile): Promise<PythonModel | null> {
  const parsed = await pythonView(file);
  const tree = parsed.tree;
  if (!tree) return null;
  return file.cached("code:python-model", () => buildPythonModel(tree, file.path));
}
