import { readFileSync } from "node:fs";

export const TOOL_NAME = "carbon-secret-lint";

// package.json sits one level above dist/ and src/ alike.
export const TOOL_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
})();
