// Issue 17: the CLI's own files (baseline, report, what init and install-hook write) in a
// repository a stranger prepared: written all at once, never through a planted link, and errors
// that name the path and the reason without quoting what a file holds.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, makeRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

const BASELINE = ".carbon-secret-lint-baseline.json";

describe("the baseline is written all at once", () => {
  // A file-size limit applies to a child process: the CLI bundled into a private folder.
  let bin: string;
  beforeAll(() => {
    const folder = tempDir("csl-bundle-");
    const bundled = spawnSync(process.execPath, [new URL("../scripts/bundle.mjs", import.meta.url).pathname, folder], { encoding: "utf8" });
    expect(bundled.status, bundled.stderr).toBe(0);
    bin = join(folder, "bin.js");
  }, 120_000);

  function runBundled(cwd: string, args: string[], limit = "") {
    return spawnSync("bash", ["-c", `${limit}exec "$0" "$@"`, process.execPath, bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  }

  it("a write cut short by a file-size limit leaves the old baseline whole, loadable, and no temporary file", () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "svc0/.env": "A=1\n" });
    expect(runBundled(repo, ["--update-baseline", "."]).status).toBe(0);
    const before = readFileSync(join(repo, BASELINE), "utf8");
    writeFiles(repo, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`svc${i + 1}/.env`, "A=1\n"])));
    git(repo, "add", "-f", "--", ...Array.from({ length: 40 }, (_, i) => `svc${i + 1}/.env`));
    git(repo, "commit", "-q", "-m", "more services");

    const cut = runBundled(repo, ["--update-baseline", "."], "ulimit -f 2; ");
    expect(cut.status).toBe(2);
    expect(cut.stderr).toMatch(/cannot write the baseline file .*: the file is larger than the system allows \(EFBIG\)/);
    expect(readFileSync(join(repo, BASELINE), "utf8")).toBe(before);
    expect(readdirSync(repo).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const next = runBundled(repo, ["--baseline", BASELINE, "--format", "json", "."]);
    expect(next.status, next.stderr).toBe(1);
    expect(JSON.parse(next.stdout).findings).toHaveLength(40); // the old baseline still hides svc0/.env
  }, 60_000);
});
