import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

const root = new URL("../", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => /\.(js|d\.ts)$/.test(p))
    .sort();
}

// The committed dist/ is what `npx` and the pre-commit hook run: it must be what the source builds.
describe("the committed build", () => {
  it("dist/ is what `npm run build` makes from src/", () => {
    const out = tempDir("csl-dist-");
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json"), "--outDir", out], { cwd: root });
    const built = files(out);
    expect(files(join(root, "dist")), "run `npm run build` and commit dist/").toEqual(built);
    for (const file of built) {
      expect(readFileSync(join(root, "dist", file), "utf8"), `dist/${file} is stale: run \`npm run build\``).toBe(readFileSync(join(out, file), "utf8"));
    }
  }, 120_000);
});
