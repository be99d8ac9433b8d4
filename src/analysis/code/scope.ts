// The scope core both code languages share: scopes that bind names to value nodes, the lookup
// of the binding a reference sees, and a memo that evaluates each node and binding once, safe
// against cycles (`a = b; b = a`) and deep chains. It knows nothing of a tree: python.ts and
// javascript.ts say which nodes open scopes, what binds, and what a value holds.

/** One name bound in a scope to a value node. `N` is the language's node type, `S` its scope type. */
export interface Binding<N, S> {
  name: string;
  /** The binding takes effect here: references at or after it see it. */
  pos: number;
  /** How the name is bound (`assign`, `iter`, …); a `param` is bound on entry, to nothing known. */
  kind: string;
  value: N | null;
  /** For a write into a container: the literal key written (`headers["Authorization"] = …`). */
  key?: string | null;
  scope: S;
}

/** How a language's scopes nest, by scope kind. */
export interface ScopeRules<K extends string> {
  /** Do the scopes nested in this one see its bindings? A Python class body's are not seen by its methods. */
  encloses(kind: K): boolean;
  /**
   * Does a reference that comes before every binding of its name in this scope see the last of
   * them? JavaScript hoists and loops; a Python module has run by the time its functions do.
   */
  hoists(kind: K): boolean;
}

export interface ScopeInit<N, K extends string> {
  kind: K;
  node: N;
  name: string;
  /** The fact scope id (CodeFacts), which languages choose per scope. */
  factScope: string;
}

/** A scope: its bindings by name in source order, its parameters, and the calls that feed its lists. */
export class Scope<N, K extends string, B extends Binding<N, Scope<N, K, B>>> {
  readonly kind: K;
  readonly node: N;
  readonly name: string;
  readonly factScope: string;
  readonly bindings = new Map<string, B[]>();
  /** Parameter names, in order: a check may test one (`def require(name)`). */
  readonly params: string[] = [];
  /** Calls that add to a local list (`missing.append(x)`, `missing.push(x)`), by list name. */
  readonly feeds = new Map<string, N[]>();

  constructor(
    init: ScopeInit<N, K>,
    readonly parent: Scope<N, K, B> | null,
    private readonly rules: ScopeRules<K>,
  ) {
    this.kind = init.kind;
    this.node = init.node;
    this.name = init.name;
    this.factScope = init.factScope;
  }

  /** A scope nested in this one, nesting by the same rules. */
  child(init: ScopeInit<N, K>): Scope<N, K, B> {
    return new Scope<N, K, B>(init, this, this.rules);
  }

  bind(name: string, init: Omit<B, "name" | "scope">): void {
    // B is Binding plus fields of its own, all of which init carries
    const binding = { name, ...init, scope: this } as unknown as B;
    const list = this.bindings.get(name);
    if (list) list.push(binding);
    else this.bindings.set(name, [binding]);
  }

  feed(list: string, call: N): void {
    const calls = this.feeds.get(list);
    if (calls) calls.push(call);
    else this.feeds.set(list, [call]);
  }

  /** This scope, then the enclosing scopes whose bindings it sees, innermost first. */
  *visible(): Generator<Scope<N, K, B>> {
    let own = true;
    for (let s: Scope<N, K, B> | null = this; s; s = s.parent) {
      if (!own && !this.rules.encloses(s.kind)) continue;
      own = false;
      yield s;
    }
  }

  /**
   * The binding a reference at `pos` sees: in its own scope the latest one before it; in
   * enclosing scopes (closures, module globals) the last one, since they run before or around it.
   */
  lookup(name: string, pos: number): B | null {
    // the walk of visible(), inline: every reference is looked up, and a generator costs
    let own = true;
    for (let s: Scope<N, K, B> | null = this; s; s = s.parent) {
      if (!own && !this.rules.encloses(s.kind)) continue;
      const list = s.bindings.get(name);
      if (list && list.length > 0) {
        const last = list[list.length - 1]!;
        if (!own) return last;
        let found: B | null = null;
        for (const b of list) if (b.pos <= pos) found = b;
        if (found) return found;
        if (this.rules.hoists(s.kind)) return last;
      }
      own = false;
    }
    return null;
  }

  /** Every binding of the nearest visible scope that binds the name, parameters left out (they bind nothing known). */
  allBindings(name: string): B[] {
    for (const s of this.visible()) {
      const list = s.bindings.get(name);
      if (list && list.length > 0) return list.filter((b) => b.kind !== "param");
    }
    return [];
  }

  /** The calls that feed a list of this name, in the scopes visible from here. */
  *feedsOf(name: string): Generator<{ call: N; scope: Scope<N, K, B> }> {
    for (const s of this.visible()) for (const call of s.feeds.get(name) ?? []) yield { call, scope: s };
  }

  /** The binding of the same name just before this one in this scope: what `x += …` adds to. */
  before(binding: B): B | null {
    const list = this.bindings.get(binding.name) ?? [];
    return list[list.indexOf(binding) - 1] ?? null;
  }
}

/** Every binding of these scopes in source order (scopes in the order given where positions tie). */
export function bindingsInSourceOrder<B extends { pos: number }>(scopes: Iterable<{ bindings: Map<string, B[]> }>): B[] {
  const all: B[] = [];
  for (const scope of scopes) for (const list of scope.bindings.values()) all.push(...list);
  return all.sort((a, b) => a.pos - b.pos);
}

/**
 * Evaluates each node and each binding once. A node met again while it is being evaluated (a
 * cycle), or past `maxDepth` nested evaluations, is `unknown` and not remembered. A binding met
 * again while it is being evaluated is `unknown`: a cycle through it knows nothing more.
 * Nodes are remembered by a key, since some trees hand out a new object for the same node.
 */
export class Memo<Key, B extends object, V> {
  private readonly nodes = new Map<Key, V>();
  private readonly active = new Set<Key>();
  private readonly bindings = new Map<B, V>();
  private depth = 0;

  constructor(
    private readonly unknown: V,
    private readonly maxDepth: number,
  ) {}

  node(key: Key, evaluate: () => V): V {
    const cached = this.nodes.get(key);
    if (cached !== undefined) return cached;
    if (this.active.has(key) || this.depth > this.maxDepth) return this.unknown;
    this.active.add(key);
    this.depth += 1;
    let value: V;
    try {
      value = evaluate();
    } finally {
      this.depth -= 1;
      this.active.delete(key);
    }
    this.nodes.set(key, value);
    return value;
  }

  binding(binding: B, evaluate: () => V): V {
    const cached = this.bindings.get(binding);
    if (cached !== undefined) return cached;
    if (this.depth > this.maxDepth) return this.unknown;
    this.depth += 1;
    this.bindings.set(binding, this.unknown);
    try {
      const value = evaluate();
      this.bindings.set(binding, value);
      return value;
    } finally {
      this.depth -= 1;
    }
  }
}
