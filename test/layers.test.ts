// The floors of src/, bottom to top. A file may import from its own floor or a lower one, never
// from a higher one; a rule never imports another rule. The test reads every import in src/.
import { readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

/** Lowest first. The top floor is the files directly in src/: the CLI, the Action, the public API. */
const FLOORS = ["core", "languages", "detectors", "analysis", "rules", "config", "engine", "reporters", "."] as const;

function floorOf(path: string): number {
  const top = path.includes("/") ? path.slice(0, path.indexOf("/")) : ".";
  const floor = FLOORS.indexOf(top as (typeof FLOORS)[number]);
  if (floor === -1) throw new Error(`src/${path} is in no floor: add its folder to FLOORS in test/layers.test.ts`);
  return floor;
}

function sourceFiles(dir = ""): string[] {
  return readdirSync(SRC + dir, { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

interface Import {
  from: string;
  to: string;
  line: number;
}

/** Static imports, re-exports, `import type` and dynamic `import()`: every relative specifier. */
export function importsOf(path: string, text: string): Import[] {
  const found: Import[] = [];
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;
  for (const match of text.matchAll(specifier)) {
    const to = posix.normalize(posix.join(posix.dirname(path), match[1]!)).replace(/\.js$/, ".ts");
    found.push({ from: path, to, line: text.slice(0, match.index).split("\n").length });
  }
  return found;
}

const IMPORTS = sourceFiles().flatMap((path) => importsOf(path, readFileSync(SRC + path, "utf8")));

describe("layers", () => {
  it("reads the imports (the reader itself works)", () => {
    expect(IMPORTS.length).toBeGreaterThan(200);
    expect(importsOf("engine/scan.ts", 'import { a } from "../core/types.js";\nconst m = await import("./pool.js");\nexport * from "../rules/index.js";'))
      .toEqual([
        { from: "engine/scan.ts", to: "core/types.ts", line: 1 },
        { from: "engine/scan.ts", to: "engine/pool.ts", line: 2 },
        { from: "engine/scan.ts", to: "rules/index.ts", line: 3 },
      ]);
  });

  it("every import resolves to a file in src/", () => {
    const files = new Set(sourceFiles());
    const dangling = IMPORTS.filter((i) => !files.has(i.to) && !i.to.endsWith(".json"));
    expect(dangling).toEqual([]);
  });

  it("no import runs up a floor", () => {
    const upward = IMPORTS.filter((i) => floorOf(i.to) > floorOf(i.from)).map((i) => `src/${i.from}:${i.line} imports src/${i.to} (${FLOORS[floorOf(i.from)]} sits below ${FLOORS[floorOf(i.to)]})`);
    expect(upward).toEqual([]);
  });

  it("no rule imports another rule (only the registry lists them)", () => {
    const crossRule = IMPORTS.filter((i) => i.from.startsWith("rules/") && i.from !== "rules/index.ts" && i.to.startsWith("rules/")).map((i) => `src/${i.from}:${i.line} imports src/${i.to}`);
    expect(crossRule).toEqual([]);
  });

  it("the engine knows no particular rule: it imports the registry, never a rule's file", () => {
    const named = IMPORTS.filter((i) => !i.from.startsWith("rules/") && i.to.startsWith("rules/") && i.to !== "rules/index.ts").map((i) => `src/${i.from}:${i.line} imports src/${i.to}`);
    expect(named).toEqual([]);
  });

  it("reporters know no rules: they read results only", () => {
    const known = IMPORTS.filter((i) => i.from.startsWith("reporters/") && !i.to.startsWith("reporters/") && !i.to.startsWith("core/")).map((i) => `src/${i.from}:${i.line} imports src/${i.to}`);
    expect(known).toEqual([]);
  });
});
