#!/usr/bin/env node
// Bundles the Action (dist/action.js) and the CLI's fast entry with esbuild, and puts the
// wasm files the Python parser needs beside them. test/bundle.test.ts fails when stale.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const root = new URL("../", import.meta.url).pathname;
const out = process.argv[2] ?? `${root}dist`;
const require = createRequire(import.meta.url);

export async function bundle(outdir) {
  mkdirSync(outdir, { recursive: true });
  for (const f of readdirSync(outdir)) if (/^(action\.js|chunk-[\w-]+\.js)$/.test(f)) rmSync(`${outdir}/${f}`);
  await build({
    entryPoints: { action: `${root}src/action.ts` },
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
    // CommonJS dependencies (typescript) call require(): give them one.
    banner: { js: "import { createRequire as __csl_createRequire } from 'node:module'; const require = __csl_createRequire(import.meta.url);" },
  });
  copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), `${outdir}/tree-sitter-python.wasm`);
  copyFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm"), `${outdir}/tree-sitter.wasm`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle(out);
