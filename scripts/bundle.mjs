#!/usr/bin/env node
// Bundles the ways in with esbuild: the Action (dist/action.js), the public API (dist/index.js), the CLI the package's
// bin runs (dist/bin.js: one file to load, not ninety, which a pre-commit hook feels) and the
// file-pass worker they both start (dist/worker.js). The wasm files the Python parser needs go
// beside them. test/dist.test.ts fails when they are stale.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const root = new URL("../", import.meta.url).pathname;
const out = process.argv[2] ?? `${root}dist`;
const require = createRequire(import.meta.url);

export async function bundle(outdir) {
  mkdirSync(outdir, { recursive: true });
  for (const f of readdirSync(outdir)) if (/^(action\.js|bin\.js|index\.js|worker\.js|chunk-[\w-]+\.js)$/.test(f)) rmSync(`${outdir}/${f}`);
  await build({
    entryPoints: { action: `${root}src/action.ts`, index: `${root}src/index.ts`, bin: `${root}src/bin.ts`, worker: `${root}src/engine/worker.ts` },
    outdir,
    bundle: true,
    splitting: true, // the TypeScript and Python parsers stay lazy, in chunks of their own
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunk-[hash]",
    legalComments: "none",
    logLevel: "warning",
    // Paths in the bundle stay relative to the checkout even when node_modules is a symlink.
    preserveSymlinks: true,
    // CommonJS dependencies (typescript) use require(), __filename and __dirname: give them the ESM equivalents.
    banner: {
      js: [
        "import { createRequire as __csl_createRequire } from 'node:module';",
        "import { fileURLToPath as __csl_fileURLToPath } from 'node:url';",
        "const require = __csl_createRequire(import.meta.url);",
        "const __filename = __csl_fileURLToPath(import.meta.url);",
        "const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));",
      ].join(" "),
    },
  });
  copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), `${outdir}/tree-sitter-python.wasm`);
  copyFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm"), `${outdir}/tree-sitter.wasm`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle(out);
