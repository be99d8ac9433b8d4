import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

const PROJECT = new URL("../", import.meta.url).pathname;

// What `npx carbon-secret-lint` gets from the registry: the packed tarball, installed into an empty project.
describe("npm pack", () => {
  it("prints only the tarball's name, and the tarball installs and runs", () => {
    const out = tempDir("csl-pack-");
    // pre-commit reads the tarball's name from this stdout: nothing else may be printed there.
    const packed = execFileSync("npm", ["pack", "--pack-destination", out], { cwd: PROJECT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(packed.trim()).toMatch(/^carbon-secret-lint-\d+\.\d+\.\d+\.tgz$/);
    const app = tempDir("csl-app-");
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", join(out, packed.trim())], { cwd: app, stdio: "pipe" });
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const run = spawnSync(join(app, "node_modules/.bin/carbon-secret-lint"), ["--format", "json", repo], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain("committed-env-file");
    const python = makeRepo({ "app.py": 'CLICKHOUSE_PASSWORD = "Vq7pLx2Rt9mZ"\n' });
    const parsed = spawnSync(join(app, "node_modules/.bin/carbon-secret-lint"), ["--format", "json", "--rule", "env-not-gitignored=off", python], { encoding: "utf8" });
    expect(parsed.stderr).toBe("");
  }, 180_000);
});
