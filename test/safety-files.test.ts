// Issue 17: the CLI's own files (baseline, report, what init and install-hook write) in a
// repository a stranger prepared: written all at once, never through a planted link, and errors
// that name the path and the reason without quoting what a file holds.
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
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

describe("no read or write through a link planted in the repository", () => {
  /** A folder outside the repository holding one file a link may aim at. */
  function outsideWith(name: string, content: string): { folder: string; file: string } {
    const folder = tempDir("csl-outside-");
    writeFiles(folder, { [name]: content });
    return { folder, file: join(folder, name) };
  }

  it("refuses a baseline that links outside the repository, and reads one that links inside it", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n", ".env": "A=1\n" });
    await cli(["--update-baseline", "--baseline", "kept/baseline.json", "."], { cwd: mkdirIn(repo, "kept") });
    const planted = outsideWith("baseline.json", readFileSync(join(repo, "kept/baseline.json"), "utf8"));
    symlinkSync(planted.file, join(repo, BASELINE));
    const refused = await cli(["--baseline", BASELINE, "."], { cwd: repo });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the baseline file .* is a symbolic link that leads outside/);

    symlinkSync("kept/baseline.json", join(repo, "inside.json"));
    expect((await cli(["--baseline", "inside.json", "."], { cwd: repo })).status).toBe(0);
  });

  it("-o replaces a planted link instead of writing through it, and refuses a folder that links outside", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    const victim = outsideWith("victim", "precious\n");
    symlinkSync(victim.file, join(repo, "report.json"));
    symlinkSync(victim.folder, join(repo, "out"));
    expect((await cli(["--format", "json", "-o", "report.json", "."], { cwd: repo })).status).toBe(0);
    expect(readFileSync(victim.file, "utf8")).toBe("precious\n");
    expect(lstatSync(join(repo, "report.json")).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(repo, "report.json"), "utf8")).findings).toEqual([]);

    const refused = await cli(["--format", "json", "-o", "out/report.json", "."], { cwd: repo });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/cannot write the report .*out\/report\.json: its folder is a symbolic link that leads outside/);
    expect(readdirSync(victim.folder)).toEqual(["victim"]);
  });

  it("--update-baseline does not write through a planted link or a folder that links outside", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n", ".env": "A=1\n" });
    const victim = outsideWith("victim", "precious\n");
    symlinkSync(victim.file, join(repo, BASELINE));
    symlinkSync(victim.folder, join(repo, "out"));
    expect((await cli(["--update-baseline", "."], { cwd: repo })).status).toBe(0);
    expect(readFileSync(victim.file, "utf8")).toBe("precious\n");
    expect(lstatSync(join(repo, BASELINE)).isFile()).toBe(true);

    const refused = await cli(["--update-baseline", "--baseline", "out/baseline.json", "."], { cwd: repo });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/leads outside/);
    expect(readdirSync(victim.folder)).toEqual(["victim"]);
  });

  it("init writes no file and makes no folder outside the repository through a planted link", async () => {
    const repo = makeRepo({ "a.txt": "a\n" });
    const outside = tempDir("csl-outside-");
    symlinkSync(join(outside, "pre-commit-config"), join(repo, ".pre-commit-config.yaml")); // a link to nothing yet
    expect((await cli(["init"], { cwd: repo })).status).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(join(repo, ".pre-commit-config.yaml"), "utf8")).toContain("repos:");

    const linkedGithub = makeRepo({ "a.txt": "a\n" });
    symlinkSync(outside, join(linkedGithub, ".github"));
    const refused = await cli(["init"], { cwd: linkedGithub });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/\.github\/workflows.*leads outside/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("install-hook does not write through a hook or a hooks folder (core.hooksPath) linked outside the repository", async () => {
    const repo = makeRepo({ "a.txt": "a\n" });
    git(repo, "config", "core.hooksPath", ".githooks");
    const victim = outsideWith("victim", "precious\n");
    mkdirIn(repo, ".githooks");
    symlinkSync(victim.file, join(repo, ".githooks/pre-commit"));
    expect((await cli(["install-hook"], { cwd: repo })).stderr).toMatch(/is not ours/);
    expect((await cli(["install-hook", "--force"], { cwd: repo })).status).toBe(0);
    expect(readFileSync(victim.file, "utf8")).toBe("precious\n");
    expect(readFileSync(join(repo, ".githooks/pre-commit"), "utf8")).toContain("carbon-secret-lint pre-commit hook");

    const linkedHooks = makeRepo({ "a.txt": "a\n" });
    git(linkedHooks, "config", "core.hooksPath", ".husky");
    symlinkSync(victim.folder, join(linkedHooks, ".husky"));
    const refused = await cli(["install-hook", "--force"], { cwd: linkedHooks });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/leads outside/);
    expect(readdirSync(victim.folder)).toEqual(["victim"]);
  });
});

function mkdirIn(root: string, folder: string): string {
  mkdirSync(join(root, folder), { recursive: true });
  return root;
}

describe("an output path the user got wrong is their error, not a crash", () => {
  it("-o into a missing folder or onto a folder: exit 2 with the path and the reason", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    const missing = await cli(["-o", "/no/dir/r.json", "."], { cwd: repo });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("carbon-secret-lint: cannot write the report /no/dir/r.json: the folder /no/dir does not exist\n");

    const folder = tempDir();
    const onFolder = await cli(["-o", folder, "."], { cwd: repo });
    expect(onFolder.status).toBe(2);
    expect(onFolder.stderr).toBe(`carbon-secret-lint: cannot write the report ${folder}: it is a folder; give a file name\n`);
  });

  it("a refused link or an unwritable baseline reads as a plain error", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    symlinkSync(tempDir("csl-outside-"), join(repo, "out"));
    const refused = await cli(["--update-baseline", "--baseline", "out/b.json", "."], { cwd: repo });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^carbon-secret-lint: cannot write the baseline file .*leads outside/);
    expect(refused.stderr).not.toMatch(/internal error|please report/i);
  });
});

describe("a baseline that is not JSON: where it breaks, never what it holds", () => {
  // Built at run time: a value a planted baseline might hold, which no message may repeat.
  const planted = ["planted", Math.random().toString(36).slice(2, 10).padEnd(8, "0"), "value"].join("-");

  async function baselineError(content: string): Promise<string> {
    const repo = makeRepo({ ".gitignore": ".env\n", [BASELINE]: content });
    const run = await cli(["--baseline", BASELINE, "."], { cwd: repo });
    expect(run.status).toBe(2);
    // JSON.parse's message quotes about ten characters around the error: no eight in a row may show.
    const pieces = Array.from({ length: Math.max(content.length - 7, 0) }, (_, i) => content.slice(i, i + 8));
    expect(pieces.filter((piece) => run.stderr.includes(piece))).toEqual([]);
    return run.stderr;
  }

  it("says the line and column, without quoting the text", async () => {
    expect(await baselineError(`password=${planted}\n`)).toMatch(/is not JSON: it breaks at line 1, column 1\b/);
    expect(await baselineError(`{"version": 1,\n  "findings": [${planted}]}\n`)).toMatch(/is not JSON: it breaks at line 2, column 16\b/);
    expect(await baselineError(`{"version": 1, "findings": [{"fingerprint": "${planted}\n"}]}`)).toMatch(/is not JSON: it breaks at line 1, column 68\b/);
    expect(await baselineError(`{"version": 1, "findings": [] ${planted}}`)).toMatch(/is not JSON: it breaks at line 1, column 31\b/);
  });

  it("says so when the file is empty or ends early (an interrupted write)", async () => {
    expect(await baselineError("")).toMatch(/is not JSON: it is empty/);
    expect(await baselineError(`{"version": 1, "findings": [{"fingerprint": "${planted}`)).toMatch(/is not JSON: it ends early, at line 1, column 68\b/);
  });
});
