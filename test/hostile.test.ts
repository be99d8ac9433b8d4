import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, runCli } from "./helpers/cli.js";
import { git, makeRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

// The one real finding planted among the rubbish: a tracked .env.
const PLANTED = { ".env": "LOG_LEVEL=debug\n", ".gitignore": "node_modules/\n" };

/** The committed bundles (self-contained, with their wasm) copied where every user can read them. */
function readableCopyOfBundles(): string {
  const copy = tempDir("csl-bundles-");
  const dist = dirname(CLI);
  for (const name of readdirSync(dist)) if (/\.(js|wasm)$/.test(name)) copyFileSync(join(dist, name), join(copy, name));
  execFileSync("chmod", ["-R", "a+rX", copy]);
  return copy;
}

function scanJson(cwd: string, args: string[] = []) {
  const run = runCli(["--format", "json", ...args, "."], { cwd });
  expect(run.status, run.stderr).toBeLessThan(2);
  return { ...run, report: JSON.parse(run.stdout) as { findings: { ruleId: string; path: string }[]; stats: { skipped: { path: string; reason: string }[] }; notices: { path?: string; message: string }[] } };
}

describe("bad input: a clear notice, never a crash, nothing else lost", () => {
  it("finishes on a repository of rubbish, reports the planted finding, and names each skipped file and why", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const repo = makeRepo({
      ...PLANTED,
      "bin/blob.dat": Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41]),
      "bin/image.png": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), Buffer.alloc(4000, 7)]),
      "text/latin1.txt": Buffer.from([0x70, 0x61, 0x73, 0x73, 0x3d, 0xe9, 0xe8, 0x0a]),
      "text/utf16.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hello = world\n", "utf16le")]),
      "text/crlf.properties": "db.user=app\r\ndb.host=localhost\r\n",
      "broken/values.yaml": "key: [unclosed\n  - : : :\n\t tabs: {\n",
      "broken/data.json": '{"a": [1, 2,, "b": }',
      "broken/app.py": "def broken(:\n    return )\n",
      "broken/server.ts": "export const = ;; function {\n",
      "broken/deep.json": deep,
      "broken/deep.yaml": "- ".repeat(3000) + "x\n",
      "names/with space.txt": "a\n",
      "names/ünïcødé.md": "# hi\n",
      "names/quote'\"s.txt": "q\n",
      "names/new\nline.txt": "n\n",
      "empty.txt": "",
    });
    // 100 MB, sparse: skipped for content rules by size, never read.
    const huge = join(repo, "huge.log");
    closeSync(openSync(huge, "w"));
    truncateSync(huge, 100 * 1024 * 1024);
    // A 10 MB minified single line.
    writeFileSync(join(repo, "vendor.min.js"), "var a=" + "x+".repeat(5 * 1024 * 1024) + "1;");
    const { report } = scanJson(repo);
    expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toContain("committed-env-file .env");
    const skipped = Object.fromEntries(report.stats.skipped.map((s) => [s.path, s.reason]));
    expect(skipped["bin/blob.dat"]).toBe("binary file");
    expect(skipped["bin/image.png"]).toBe("binary file");
    expect(skipped["huge.log"]).toMatch(/larger than the .* limit/);
    expect(skipped["vendor.min.js"]).toMatch(/larger than the .* limit/);
    const notices = report.notices.map((n) => `${n.path}: ${n.message}`).join("\n");
    expect(notices).toMatch(/text\/latin1\.txt: invalid UTF-8/);
  }, 120_000);

  it("scans a huge minified line under a raised size limit without hanging", () => {
    const repo = makeRepo({ ...PLANTED, "vendor.min.js": "var a=" + "x+".repeat(5 * 1024 * 1024) + "1;" });
    const started = Date.now();
    const { report } = scanJson(repo, ["--max-file-size", "50MB"]);
    expect(report.findings.map((f) => f.ruleId)).toContain("committed-env-file");
    expect(Date.now() - started).toBeLessThan(60_000); // a hang guard, not a benchmark
  }, 120_000);

  it("handles an empty repository, one without commits, a detached HEAD, a shallow clone and a submodule", () => {
    const empty = makeRepo({}, { commit: false });
    expect(scanJson(empty).report.findings.map((f) => f.ruleId)).toEqual(["env-not-gitignored"]);

    const uncommitted = makeRepo(PLANTED, { commit: false });
    git(uncommitted, "add", "-f", ".env");
    expect(scanJson(uncommitted).report.findings.map((f) => f.ruleId)).toContain("committed-env-file");

    const detached = makeRepo(PLANTED);
    git(detached, "checkout", "-q", "--detach", "HEAD");
    expect(scanJson(detached).report.findings.map((f) => f.ruleId)).toContain("committed-env-file");

    const shallowParent = tempDir();
    git(shallowParent, "clone", "-q", "--depth", "1", `file://${detached}`, "clone");
    const shallow = join(shallowParent, "clone");
    expect(scanJson(shallow).report.findings.map((f) => f.ruleId)).toContain("committed-env-file");
    expect(scanJson(shallow, ["--history"]).report.findings.map((f) => f.ruleId)).toContain("committed-env-file");

    const withSubmodule = makeRepo(PLANTED);
    git(withSubmodule, "-c", "protocol.file.allow=always", "submodule", "add", "-q", `file://${detached}`, "vendor/lib");
    git(withSubmodule, "commit", "-q", "-m", "submodule");
    const { report } = scanJson(withSubmodule);
    expect(report.notices.some((n) => n.path === "vendor/lib")).toBe(true);
  }, 120_000);

  it("never follows symlinks out of the root, ends on symlink loops, and never blocks on a FIFO", () => {
    const outside = tempDir();
    writeFileSync(join(outside, "secret.env"), "TOKEN=outside\n");
    const dir = tempDir();
    writeFiles(dir, { ".gitignore": ".env\n", "a/b.txt": "b\n" });
    symlinkSync(join(outside, "secret.env"), join(dir, ".env"));
    symlinkSync(dir, join(dir, "a/loop"));
    symlinkSync(outside, join(dir, "escape"));
    execFileSync("mkfifo", [join(dir, "pipe")]);
    const { report } = scanJson(dir);
    expect(report.findings).toEqual([]);
    expect(report.notices.map((n) => n.path).sort()).toEqual([".env", "a/loop", "escape", "pipe"]);
  });

  it("names a directory that cannot be read, and scans the rest", () => {
    const dir = tempDir();
    writeFiles(dir, { ".env": "A=1\n", "ok/a.txt": "a\n", "locked/b.txt": "b\n" });
    execFileSync("chmod", ["755", dir, join(dir, "ok")]);
    execFileSync("chmod", ["000", join(dir, "locked")]);
    // As root every directory is readable, so the CLI runs as nobody. Nobody may not be able to
    // read this checkout (a clone in a root-only folder): it runs a copy of the bundles instead.
    const asNobody = (args: string[]) => spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, join(readableCopyOfBundles(), "bin.js"), ...args], { encoding: "utf8" });
    const probe = asNobody(["--version"]);
    const canSwitchUser = !probe.error && probe.status !== null && !/setpriv:/.test(probe.stderr);
    if (canSwitchUser) expect(probe.status, `the CLI must load as nobody: ${probe.stderr}`).toBe(0);
    const run = canSwitchUser ? asNobody(["--format", "json", dir]) : runCli(["--format", "json", "."], { cwd: dir });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("committed-env-file");
    if (canSwitchUser) expect(report.notices).toContainEqual({ path: "locked", message: expect.stringContaining("could not be read (EACCES)") });
  });

  it("reports a missing path, and a config that is not valid, as exit 2 with a message", () => {
    const dir = tempDir();
    expect(runCli(["nowhere"], { cwd: dir }).stderr).toContain("path not found: nowhere");
    writeFiles(dir, { ".carbon-secret-lint.yaml": "\u0000\u0001garbage: [" });
    const run = runCli(["."], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/carbon-secret-lint: /);
    expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});

describe("many small files", () => {
  it("scans 100,000 files", () => {
    const dir = tempDir("csl-many-");
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(dir, `d${d}`));
      for (let f = 0; f < 1000; f++) writeFileSync(join(dir, `d${d}`, `f${f}.txt`), `line ${d}-${f}\n`);
    }
    writeFiles(dir, PLANTED);
    const { report } = scanJson(dir);
    expect(report.findings.map((f) => f.ruleId)).toContain("committed-env-file");
  }, 300_000);
});

describe("hostile repositories: nothing the repository configures runs", () => {
  it("does not run core.fsmonitor, hooks, external diff, textconv or pager commands in any scope", () => {
    const repo = makeRepo({ ...PLANTED, "notes.txt": "base\n", ".gitattributes": "*.txt diff=evil\n" });
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "notes.txt"), "changed\n");
    git(repo, "commit", "-qam", "change");
    writeFileSync(join(repo, "notes.txt"), "staged\n");
    git(repo, "add", "notes.txt");
    // Only now arm the repository: every command it configures would create the marker.
    const marker = join(tempDir(), "pwned");
    const payload = `sh -c 'touch ${marker}'`;
    for (const [key, value] of [
      ["core.fsmonitor", payload],
      ["core.hooksPath", join(repo, "evil-hooks")],
      ["diff.external", payload],
      ["diff.evil.textconv", payload],
      ["diff.evil.command", payload],
      ["core.pager", payload],
      ["pager.diff", payload],
      ["credential.helper", `!${payload}`],
    ]) git(repo, "config", key!, value!);
    mkdirSync(join(repo, "evil-hooks"));
    for (const hook of ["post-checkout", "pre-commit", "post-index-change", "reference-transaction"]) {
      writeFileSync(join(repo, "evil-hooks", hook), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    }
    // The arming works: plain git would run it.
    spawnSync("git", ["status"], { cwd: repo });
    expect(existsSync(marker), "the fsmonitor payload runs under plain git").toBe(true);
    execFileSync("rm", ["-f", marker]);
    expect(existsSync(marker)).toBe(false);
    for (const args of [[], ["--staged"], ["--diff", "main"], ["--history"]]) {
      const run = runCli(["--format", "json", ...args, "."], { cwd: repo });
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBeLessThan(2);
      expect(existsSync(marker), `a repository command ran during ${args.join(" ") || "a worktree scan"}`).toBe(false);
    }
  });

  it("explains a repository owned by another user (safe.directory) and still scans it as files", () => {
    const repo = makeRepo(PLANTED);
    // Simulate git's dubious-ownership refusal by making safe.directory match nothing and chowning.
    const nobody = spawnSync("chown", ["-R", "65534:65534", repo]);
    if (nobody.status !== 0) return; // not root: cannot simulate another owner here
    const run = runCli(["--format", "json", "."], { cwd: repo });
    expect(run.status).toBeLessThan(2);
    const report = JSON.parse(run.stdout);
    expect(report.notices.map((n: { message: string }) => n.message).join("\n")).toMatch(/safe\.directory/);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("committed-env-file");
  });
});
