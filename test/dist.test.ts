import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

const root = new URL("../", import.meta.url).pathname;
// The files in dist/ that the esbuild bundles make (scripts/bundle.mjs); dist/types/ is built, not committed.
const BUNDLE_FILE = /^(?:action\.js|bin\.js|index\.js|worker\.js|chunk-[\w-]+\.js|[\w-]+\.wasm)$/;

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { encoding: "utf8" }).filter(keep).sort();
}

function expectSameFiles(committed: string, built: string, keep: (path: string) => boolean) {
  const names = files(built, keep);
  expect(files(committed, keep), "run `npm run build` and commit dist/").toEqual(names);
  for (const name of names) {
    expect(readFileSync(join(committed, name)).equals(readFileSync(join(built, name))), `dist/${name} is stale: run \`npm run build\``).toBe(true);
  }
}

// The committed dist/ is what `npx`, the pre-commit hook and the Action run: it must be what the source builds.
describe("the committed build", () => {
  it("git tracks only the bundles in dist/: nothing that does not run from a checkout", () => {
    const tracked = execFileSync("git", ["ls-files", "dist"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
    expect(tracked.length, "dist/ is not tracked at all").toBeGreaterThan(0);
    expect(tracked.filter((path) => !BUNDLE_FILE.test(path.slice("dist/".length)))).toEqual([]);
  });

  it("the bundles (action, bin, index, worker), their chunks and wasm are what the bundler makes", async () => {
    const out = tempDir("csl-bundle-");
    const { bundle } = (await import(join(root, "scripts/bundle.mjs"))) as { bundle(dir: string): Promise<void> };
    await bundle(out);
    expectSameFiles(join(root, "dist"), out, (p) => BUNDLE_FILE.test(p));
  }, 120_000);

  it("the whole project type-checks under strict settings, tests and scripts included", () => {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.json"), "--noEmit"], { cwd: root, stdio: "pipe" });
  }, 120_000);
});
