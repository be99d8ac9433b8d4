#!/usr/bin/env node
// The TS/JS parser question of issue 15: typescript-estree (the project's parser) against
// oxc-parser on one repository's TS/JS files, in one process each: load time, a cold and a warm
// pass, RSS. oxc-parser is not a dependency: install it anywhere and point at it.
//   npm install --prefix /tmp/oxc oxc-parser
//   node bench/compare-ts-parsers.mjs <repo> <estree|oxc> [--oxc /tmp/oxc/node_modules/oxc-parser] [--under frontend/src]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [repo, which] = process.argv.slice(2);
const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
if (!repo || !["estree", "oxc"].includes(which)) throw new Error("usage: compare-ts-parsers.mjs <repo> <estree|oxc> [--oxc <path>] [--under <folder>]");
const root = new URL("..", import.meta.url).pathname;
const files = execFileSync("git", ["ls-files", arg("under", ".")], { cwd: repo }).toString().split("\n").filter((f) => /\.[cm]?[jt]sx?$/.test(f));
// The same size limit the scan parses under (MAX_PARSE_BYTES in src/languages/views.ts).
const texts = files.map((f) => [f, readFileSync(join(repo, f), "utf8")]).filter(([, t]) => t.length <= 256_000);

let started = performance.now();
let parse;
if (which === "oxc") {
  const oxc = await import(resolve(arg("oxc", "/tmp/oxc/node_modules/oxc-parser"), "src-js/index.js")).catch(() => import(arg("oxc", "oxc-parser")));
  parse = (path, text) => oxc.parseSync(path, text);
} else {
  const estree = await import(join(root, "node_modules/@typescript-eslint/typescript-estree/dist/index.js"));
  parse = (path, text) => estree.parse(text, { jsx: /x$/.test(path), loc: true, range: true });
}
const load = performance.now() - started;
const measure = () => {
  started = performance.now();
  let parsed = 0;
  for (const [path, text] of texts) {
    try {
      parse(path, text);
      parsed++;
    } catch {
      // a file that does not parse counts as not parsed
    }
  }
  return { parsed, ms: performance.now() - started };
};
const cold = measure();
const warm = measure();
console.log(`${which}: load ${load.toFixed(0)} ms; ${cold.parsed}/${texts.length} files ${cold.ms.toFixed(0)} ms cold, ${warm.ms.toFixed(0)} ms warm; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
