// Rules over bindings that hold in both code languages: what a loop variable or a write into a
// container holds, and which module bindings are lists of variable names.

import type { Binding } from "./scope.js";
import { CLEAN, isSecretHeaderName, tainted, union, type Flow } from "./shared.js";

/** A loop variable over `container`: over `os.environ` or `process.env` it gets the names, which are no secrets. */
export function iteratedFlow(container: Flow): Flow {
  return container.state === "tainted" && container.container ? CLEAN : container;
}

/**
 * `x += added`, `headers["Authorization"] = added`: the name holds what it held and what was
 * added. A value written under a credential header's key is that credential unless known clean.
 */
export function writtenFlow(binding: { kind: string; key?: string | null }, previous: Flow, added: Flow): Flow {
  const written = binding.kind === "mutate" && binding.key && isSecretHeaderName(binding.key) && added.state !== "clean" ? tainted(binding.key) : added;
  return union([previous, written]);
}

/** `REQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", …]`: the module's names assigned lists of variable names. */
export function moduleConstants<N>(module: { bindings: ReadonlyMap<string, readonly Binding<N, unknown>[]> }, literalNames: (value: N) => string[]): Record<string, string[]> {
  const constants: Record<string, string[]> = {};
  for (const [name, bindings] of module.bindings) {
    const names = bindings.flatMap((b) => (b.kind === "assign" && b.value ? literalNames(b.value) : []));
    if (names.length > 0) constants[name] = names;
  }
  return constants;
}
