import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { git, makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

const PROJECT = new URL("../", import.meta.url).pathname;
const IDENTITY = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.invalid", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.invalid" };

function commit(repo: string, message: string) {
  return spawnSync("git", ["commit", "-m", message], { cwd: repo, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
}

describe("install-hook: a plain git pre-commit hook", () => {
  it("blocks a commit that stages a .env, and lets a clean one through", () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "README.md": "# app\n" });
    const install = runCli(["install-hook"], { cwd: repo });
    expect(install.status, install.stderr).toBe(0);
    const hook = join(repo, ".git/hooks/pre-commit");
    expect(statSync(hook).mode & 0o111).not.toBe(0);

    writeFileSync(join(repo, ".env"), "CLICKHOUSE_PASSWORD=local\n");
    git(repo, "add", "-f", ".env");
    const blocked = commit(repo, "add env");
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain("committed-env-file");

    git(repo, "rm", "-q", "--cached", ".env");
    writeFileSync(join(repo, "notes.md"), "nothing secret\n");
    git(repo, "add", "notes.md");
    const clean = commit(repo, "notes");
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });

  it("refuses to replace a hook that is not ours unless forced", () => {
    const repo = makeRepo({ "a.txt": "a\n" });
    writeFileSync(join(repo, ".git/hooks/pre-commit"), "#!/bin/sh\necho theirs\n");
    const refused = runCli(["install-hook"], { cwd: repo });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("is not ours");
    expect(readFileSync(join(repo, ".git/hooks/pre-commit"), "utf8")).toContain("theirs");
    expect(runCli(["install-hook", "--force"], { cwd: repo }).status).toBe(0);
    expect(runCli(["install-hook"], { cwd: repo }).status).toBe(0); // ours: replaced quietly
  });
});

describe("init", () => {
  it("writes a starter config, the pre-commit config and a workflow, and never overwrites", () => {
    const repo = makeRepo({ ".carbon-secret-lint.yaml": "extends: strict\n" });
    const run = runCli(["init"], { cwd: repo });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("kept .carbon-secret-lint.yaml");
    expect(readFileSync(join(repo, ".carbon-secret-lint.yaml"), "utf8")).toBe("extends: strict\n");
    expect(existsSync(join(repo, ".pre-commit-config.yaml"))).toBe(true);
    expect(readFileSync(join(repo, ".github/workflows/carbon-secret-lint.yml"), "utf8")).toContain("fetch-depth: 0");
    const fresh = makeRepo({ "a.txt": "a\n" });
    runCli(["init"], { cwd: fresh });
    // The starter config it writes is valid.
    expect(runCli(["."], { cwd: fresh }).status).not.toBe(2);
  });
});

// The real framework (Debian's pre-commit; .ci/run installs it), with this repository as the
// hook repository at its HEAD commit, exactly as a user's .pre-commit-config.yaml names it.
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

describe.skipIf(!hasPreCommit)("the pre-commit framework runs our hook", () => {
  it("blocks a staged .env with the finding shown, and passes a clean commit", () => {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: PROJECT, encoding: "utf8" }).trim();
    const repo = makeRepo({ ".gitignore": ".env\n", "README.md": "# app\n" });
    writeFileSync(join(repo, ".pre-commit-config.yaml"), `repos:\n  - repo: ${PROJECT}\n    rev: ${head}\n    hooks:\n      - id: carbon-secret-lint\n`);
    git(repo, "add", ".pre-commit-config.yaml");
    const env = { ...process.env, ...IDENTITY, PRE_COMMIT_HOME: tempDir("csl-pre-commit-home-") };
    const installed = spawnSync("pre-commit", ["install"], { cwd: repo, encoding: "utf8", env });
    expect(installed.status, installed.stderr).toBe(0);

    writeFileSync(join(repo, ".env"), "CLICKHOUSE_PASSWORD=local\n");
    git(repo, "add", "-f", ".env");
    const blocked = spawnSync("git", ["commit", "-m", "env"], { cwd: repo, encoding: "utf8", env });
    expect(blocked.status, blocked.stdout + blocked.stderr).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain("committed-env-file");

    git(repo, "rm", "-q", "--cached", ".env");
    const secret = "Kq8-vLx3" + "mZr9Tp2W";
    writeFileSync(join(repo, "settings.py"), `CLICKHOUSE_PASSWORD = "${secret}"\n`);
    git(repo, "add", "settings.py");
    const leaked = spawnSync("git", ["commit", "-m", "settings"], { cwd: repo, encoding: "utf8", env });
    expect(leaked.status, leaked.stdout + leaked.stderr).not.toBe(0);
    expect(leaked.stdout + leaked.stderr).toContain("hardcoded-secret");
    expect(leaked.stdout + leaked.stderr).not.toContain(secret);
    git(repo, "rm", "-q", "--cached", "settings.py");
    const clean = spawnSync("git", ["commit", "-m", "config"], { cwd: repo, encoding: "utf8", env });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout + clean.stderr).toMatch(/carbon-secret-lint\.+Passed/);
  }, 300_000);
});
