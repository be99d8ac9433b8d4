// Each file's role, decided once: the config's `roles.<role>.paths` first (in the order the
// config lists them), else what the path says (core/roles.ts).
import ignore from "ignore";
import type { RoleSettings } from "../config/load.js";
import { roleOfPath, type Role } from "../core/roles.js";

export function createRoleResolver(settings: RoleSettings): (path: string) => Role {
  const configured = Object.entries(settings.paths).map(([role, globs]) => ({ role: role as Role, matcher: ignore({ allowRelativePaths: true }).add(globs ?? []) }));
  const cache = new Map<string, Role>();
  return (path) => {
    let role = cache.get(path);
    if (role === undefined) {
      role = configured.find((c) => c.matcher.ignores(path))?.role ?? roleOfPath(path);
      cache.set(path, role);
    }
    return role;
  };
}
