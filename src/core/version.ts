import { readFileSync } from "node:fs";

export const TOOL_NAME = "carbon-secret-lint";

// The package's own package.json: one level above the bundles in dist/, two above src/core/.
export const TOOL_VERSION: string = (() => {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
      // not there: try the next level
    }
  }
  return "0.0.0";
})();
