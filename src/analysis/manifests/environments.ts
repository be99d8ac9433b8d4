// Which environment a configuration file belongs to, read from its path:
//   configs/environments/<env>/…   overlays/<env>/…   values-<env>.yaml   .env.<env>   <env>.env
//   config/<env>.json              deploy/<env>/…     (the last two only for known environment names)

import { basename } from "../../core/file-kinds.js";
import { isEnvTemplateName } from "../../core/file-kinds.js";
import { ENVIRONMENT_ALIASES, ENVIRONMENT_PARENT_DIRS } from "./vocabulary.js";

/** The canonical environment name of a path, or null when the path names none. */
export function environmentOf(path: string): string | null {
  const segments = path.split("/");
  const name = basename(path);
  // overlays/prod/…, configs/environments/staging/…: the child of a known parent is an environment, whatever its name.
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!.toLowerCase();
    const child = segments[i + 1];
    if (ENVIRONMENT_PARENT_DIRS.includes(segment) && child && i + 1 < segments.length - 1) return canonical(child);
  }
  // values-prod.yaml, values.staging.yml
  const values = /^values[.-]([\w-]+)\.ya?ml$/i.exec(name);
  if (values?.[1]) return known(values[1]);
  // .env.production, .env.staging.local (not templates: .env.example)
  const dotenv = /^\.env\.([\w-]+)(?:\.[\w.-]+)?$/.exec(name);
  if (dotenv?.[1] && !isEnvTemplateName(name)) return known(dotenv[1]);
  // production.env, staging.yaml, config/production.json
  const stem = /^([\w-]+)\.(?:env|ya?ml|json|properties|ini|toml)$/i.exec(name);
  if (stem?.[1]) {
    const env = known(stem[1]);
    if (env) return env;
  }
  // deploy/prod/…, k8s/staging/…: only names that are environments.
  for (const segment of segments.slice(0, -1)) {
    const env = known(segment);
    if (env) return env;
  }
  return null;
}

function canonical(name: string): string {
  return ENVIRONMENT_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
}

function known(name: string): string | null {
  return ENVIRONMENT_ALIASES[name.toLowerCase()] ?? null;
}
