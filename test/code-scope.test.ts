// The scope core both code languages share (src/analysis/code/scope.ts), over a toy tree:
// a node is a literal or a reference to a name.

import { describe, expect, it } from "vitest";
import { bindingsInSourceOrder, Memo, Scope, type Binding, type ScopeRules } from "../src/analysis/code/scope.js";
import { iteratedFlow, moduleConstants, writtenFlow } from "../src/analysis/code/binding-rules.js";
import { CLEAN, tainted, UNKNOWN } from "../src/analysis/code/shared.js";

type ToyNode = { literal: string } | { ref: string; pos: number };
type Kind = "module" | "function" | "class";
interface ToyBinding extends Binding<ToyNode, ToyScope> {
  kind: "assign" | "param";
}
type ToyScope = Scope<ToyNode, Kind, ToyBinding>;

// Python's rules: class bodies hide from their methods, only the module hoists.
const PYTHON_LIKE: ScopeRules<Kind> = { encloses: (kind) => kind !== "class", hoists: (kind) => kind === "module" };
const HOISTING: ScopeRules<Kind> = { encloses: () => true, hoists: () => true };

function moduleOf(rules: ScopeRules<Kind>): ToyScope {
  return new Scope<ToyNode, Kind, ToyBinding>({ kind: "module", node: { literal: "" }, name: "<module>", factScope: "m" }, null, rules);
}

function child(parent: ToyScope, kind: Kind, name: string): ToyScope {
  return parent.child({ kind, node: { literal: "" }, name, factScope: name });
}

function assign(scope: ToyScope, name: string, pos: number, value: ToyNode): void {
  scope.bind(name, { pos, kind: "assign", value });
}

const valueOf = (b: ToyBinding | null) => (b?.value && "literal" in b.value ? b.value.literal : null);

describe("lookup", () => {
  it("in its own scope: the latest binding at or before the reference", () => {
    const module = moduleOf(PYTHON_LIKE);
    assign(module, "x", 10, { literal: "one" });
    assign(module, "x", 20, { literal: "two" });
    expect(valueOf(module.lookup("x", 15))).toBe("one");
    expect(valueOf(module.lookup("x", 20))).toBe("two");
    expect(module.lookup("y", 15)).toBeNull();
  });

  it("through nested scopes: the last binding of the nearest enclosing scope that binds the name", () => {
    const module = moduleOf(PYTHON_LIKE);
    assign(module, "x", 10, { literal: "early" });
    const outer = child(module, "function", "outer");
    const inner = child(outer, "function", "inner");
    assign(module, "x", 90, { literal: "late" });
    expect(valueOf(inner.lookup("x", 50))).toBe("late");
    expect(inner.lookup("x", 50)?.scope).toBe(module);
  });

  it("shadowing: an inner binding hides the outer one, for the inner scope only", () => {
    const module = moduleOf(PYTHON_LIKE);
    assign(module, "token", 1, { literal: "outer" });
    const fn = child(module, "function", "f");
    assign(fn, "token", 30, { literal: "inner" });
    expect(valueOf(fn.lookup("token", 40))).toBe("inner");
    expect(valueOf(module.lookup("token", 40))).toBe("outer");
    expect(fn.allBindings("token").map(valueOf)).toEqual(["inner"]);
  });

  it("a reference before its local binding: enclosing scopes without hoisting, the last local one with it", () => {
    for (const [rules, expected] of [[PYTHON_LIKE, "global"], [HOISTING, "local"]] as const) {
      const module = moduleOf(rules);
      assign(module, "x", 1, { literal: "global" });
      const fn = child(module, "function", "f");
      assign(fn, "x", 50, { literal: "local" });
      expect(valueOf(fn.lookup("x", 40))).toBe(expected);
    }
    const module = moduleOf(PYTHON_LIKE);
    assign(module, "x", 50, { literal: "later" });
    expect(valueOf(module.lookup("x", 40))).toBe("later");
  });

  it("a class body does not enclose its methods, but sees its own bindings", () => {
    const module = moduleOf(PYTHON_LIKE);
    assign(module, "x", 1, { literal: "module" });
    const cls = child(module, "class", "C");
    assign(cls, "x", 10, { literal: "class" });
    const method = child(cls, "function", "m");
    expect(valueOf(method.lookup("x", 20))).toBe("module");
    expect(valueOf(cls.lookup("x", 20))).toBe("class");
    expect([...method.visible()]).toEqual([method, module]);
  });

  it("allBindings leaves parameters out; before() is the previous binding of the name", () => {
    const module = moduleOf(HOISTING);
    const fn = child(module, "function", "f");
    fn.bind("name", { pos: 0, kind: "param", value: null });
    assign(fn, "name", 10, { literal: "a" });
    assign(fn, "name", 20, { literal: "b" });
    const [, first, second] = fn.bindings.get("name")!;
    expect(fn.allBindings("name").map(valueOf)).toEqual(["a", "b"]);
    expect(fn.before(second!)).toBe(first);
    expect(fn.before(fn.bindings.get("name")![0]!)).toBeNull();
  });

  it("feeds of a list are found in the visible scopes", () => {
    const module = moduleOf(PYTHON_LIKE);
    const call = { literal: "missing.append(x)" };
    module.feed("missing", call);
    const fn = child(module, "function", "f");
    expect([...fn.feedsOf("missing")]).toEqual([{ call, scope: module }]);
  });

  it("bindingsInSourceOrder sorts every scope's bindings by position", () => {
    const module = moduleOf(HOISTING);
    const fn = child(module, "function", "f");
    assign(module, "b", 30, { literal: "3" });
    assign(fn, "a", 20, { literal: "2" });
    assign(module, "c", 10, { literal: "1" });
    expect(bindingsInSourceOrder([module, fn]).map(valueOf)).toEqual(["1", "2", "3"]);
  });
});

/** A toy evaluator: a literal is itself, a reference is what its binding holds. */
class ToyEvaluator {
  readonly memo = new Memo<ToyNode, ToyBinding, string>("?", 60);
  computed = 0;
  constructor(private readonly scope: ToyScope) {}

  evaluate(node: ToyNode | null): string {
    if (!node) return "?";
    return this.memo.node(node, () => {
      this.computed += 1;
      if ("literal" in node) return node.literal;
      const binding = this.scope.lookup(node.ref, node.pos);
      return binding ? this.binding(binding) : "?";
    });
  }

  binding(binding: ToyBinding): string {
    return this.memo.binding(binding, () => this.evaluate(binding.value));
  }
}

describe("memo", () => {
  it("a = b; b = a terminates, knowing nothing", () => {
    const module = moduleOf(HOISTING);
    assign(module, "a", 10, { ref: "b", pos: 5 });
    assign(module, "b", 20, { ref: "a", pos: 15 });
    const evaluator = new ToyEvaluator(module);
    expect(evaluator.evaluate({ ref: "a", pos: 30 })).toBe("?");
    expect(evaluator.evaluate({ ref: "b", pos: 30 })).toBe("?");
  });

  it("a node that refers to itself terminates", () => {
    const module = moduleOf(HOISTING);
    const self: ToyNode = { ref: "x", pos: 5 };
    assign(module, "x", 10, self);
    expect(new ToyEvaluator(module).evaluate(self)).toBe("?");
  });

  it("evaluates a node once and returns the same result after", () => {
    const module = moduleOf(HOISTING);
    assign(module, "a", 10, { literal: "secret" });
    const reference: ToyNode = { ref: "a", pos: 20 };
    const evaluator = new ToyEvaluator(module);
    const first = evaluator.evaluate(reference);
    const computed = evaluator.computed;
    expect(first).toBe("secret");
    expect(evaluator.evaluate(reference)).toBe(first);
    expect(evaluator.binding(module.bindings.get("a")![0]!)).toBe(first);
    expect(evaluator.computed).toBe(computed);
  });

  it("past the depth limit: unknown, and not remembered", () => {
    const memo = new Memo<number, object, string>("?", 2);
    const nest = (n: number): string => memo.node(n, () => (n === 0 ? "leaf" : nest(n - 1)));
    expect(nest(5)).toBe("?"); // nest(2) was cut off there, and is evaluated afresh
    expect(nest(2)).toBe("leaf");
  });
});

describe("binding rules", () => {
  it("a loop over the environment gets names; over a secret, the secret", () => {
    expect(iteratedFlow(tainted("os.environ", "environment"))).toEqual(CLEAN);
    expect(iteratedFlow(tainted("tokens"))).toEqual(tainted("tokens"));
  });

  it("a write under a credential header's key is that credential unless known clean", () => {
    expect(writtenFlow({ kind: "mutate", key: "Authorization" }, CLEAN, UNKNOWN)).toEqual(tainted("Authorization"));
    expect(writtenFlow({ kind: "mutate", key: "Authorization" }, CLEAN, CLEAN)).toEqual(CLEAN);
    expect(writtenFlow({ kind: "augment" }, tainted("key"), CLEAN)).toEqual(tainted("key"));
    expect(writtenFlow({ kind: "mutate", key: "Accept" }, UNKNOWN, CLEAN)).toEqual(UNKNOWN);
  });

  it("module constants: names assigned lists of variable names", () => {
    const module = moduleOf(PYTHON_LIKE);
    assign(module, "REQUIRED", 1, { literal: "A,B" });
    assign(module, "other", 2, { literal: "" });
    module.bind("param", { pos: 3, kind: "param", value: { literal: "C" } });
    const split = (node: ToyNode) => ("literal" in node && node.literal ? node.literal.split(",") : []);
    expect(moduleConstants(module, split)).toEqual({ REQUIRED: ["A", "B"] });
  });
});
