import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, runCli } from "./helpers/cli.js";
import { git, makeRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

const rulesOf = (report: { findings: { ruleId: string; path: string }[] }) => report.findings.map((f) => `${f.ruleId} ${f.path}`).sort();

describe("the CLI on a real git repository", () => {
  it("reports a tracked .env and the .gitignore that misses it, then passes once both are fixed", async () => {
    const repo = makeRepo({ ".env": "LOG_LEVEL=debug\n", ".gitignore": "node_modules/\n" });
    const before = await cliJson(["."], repo);
    expect(before.status).toBe(1);
    expect(rulesOf(before.report)).toEqual(["committed-env-file .env", "env-not-gitignored .gitignore"]);
    expect(before.report.checklist.find((c) => c.id === "env-gitignored")?.status).toBe("fail");

    git(repo, "rm", "-q", "--cached", ".env");
    writeFileSync(join(repo, ".gitignore"), "node_modules/\n.env\n");
    const after = await cliJson(["."], repo);
    expect(after.status).toBe(0);
    expect(after.report.findings).toEqual([]);
    expect(after.report.checklist.find((c) => c.id === "env-gitignored")?.status).toBe("pass");
  });

  it("keeps reporting a tracked .env that .gitignore now matches", async () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const run = await cliJson(["."], repo);
    expect(run.status).toBe(1);
    expect(rulesOf(run.report)).toEqual(["committed-env-file .env"]);
  });

  it("follows a nested .gitignore that re-includes .env", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "svc/.gitignore": "# local\n!.env\n", "svc/package.json": "{}\n" });
    const run = await cliJson(["."], repo);
    expect(run.status).toBe(1);
    expect(run.report.findings).toMatchObject([{ ruleId: "env-not-gitignored", path: "svc/.gitignore", line: 2 }]);
  });

  it("prints the JSON contract", async () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const { report } = await cliJson(["."], repo);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["version", "tool", "findings", "checklist", "stats"]));
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe("carbon-secret-lint");
    const finding = report.findings[0]!;
    expect(Object.keys(finding)).toEqual(
      expect.arrayContaining(["ruleId", "severity", "path", "line", "column", "endLine", "endColumn", "message", "checklist", "secret", "fingerprint", "commit"]),
    );
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(report.checklist.map((c) => c.id)).toHaveLength(10);
    expect(report.stats).toMatchObject({ files: 2, skipped: [] });
  });

  it("gives the same fingerprints across runs and when lines move", async () => {
    const repo = makeRepo({ ".gitignore": "# top\n.env\n", "svc/.gitignore": "!.env\n", "svc/package.json": "{}\n" });
    const first = (await cliJson(["."], repo)).report.findings.map((f) => f.fingerprint);
    writeFileSync(join(repo, "svc/.gitignore"), "# moved down\n\n!.env\n");
    const second = (await cliJson(["."], repo)).report.findings;
    expect(second[0]!.line).toBe(3);
    expect(second.map((f) => f.fingerprint)).toEqual(first);
  });
});

describe("the bin", () => {
  it("prints what run() returns and exits with its code", async () => {
    const repo = makeRepo({ ".env": "A=1\n" });
    const child = runCli(["--format", "json", "."], { cwd: repo });
    const inProcess = await cliJson(["."], repo);
    expect(child.status).toBe(1);
    expect(child.status).toBe(inProcess.status);
    const ids = (text: string) => (JSON.parse(text) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint);
    expect(ids(child.stdout)).toEqual(ids(inProcess.stdout));
    const usage = runCli(["--frobnicate"], { cwd: repo });
    expect([usage.status, usage.stderr]).toEqual([2, (await cli(["--frobnicate"], { cwd: repo })).stderr]);
  });
});

describe("exit codes and errors", () => {
  it("exits 2 with a clear message for a path that does not exist", async () => {
    const run = await cli(["no/such/dir"], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("path not found: no/such/dir");
  });

  it("exits 2 on an unknown option or format", async () => {
    expect((await cli(["--frobnicate"], { cwd: tempDir() })).status).toBe(2);
    const run = await cli(["--format", "xml", "."], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown format");
  });

  it("exits 2 on a broken config, naming the key, its line and what is allowed", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "extends: recommended\nrules:\n  committed-env-file: fatal\nexclude: [fixtures/]\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(".carbon-secret-lint.yaml:3:");
    expect(run.stderr).toContain("rules.committed-env-file");
    expect(run.stderr).toMatch(/off, info, warning, error/);
  });

  it("names unknown keys and unknown rules", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "rules:\n  no-such-rule: error\nexlude: [a]\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/:2: unknown rule "no-such-rule"/);
    expect(run.stderr).toMatch(/:3: unknown key "exlude"; allowed: .*exclude/);
  });

  it("exits 2 on a config that is not YAML, and on a JSON config with the wrong type", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "rules: [unclosed\n" });
    expect((await cli(["."], { cwd: repo })).stderr).toMatch(/not valid YAML/);
    const other = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(other, { ".carbon-secret-lint.json": '{\n  "failOn": "sometimes"\n}\n' });
    const run = await cli(["."], { cwd: other });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.json:2: failOn must be one of error, warning, info, none/);
  });

  it("--fail-on decides what fails, and a config can turn a rule down", async () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    expect((await cli(["--fail-on", "none", "."], { cwd: repo })).status).toBe(0);
    expect((await cli(["--rule", "committed-env-file=warning", "."], { cwd: repo })).status).toBe(0);
    expect((await cli(["--rule", "committed-env-file=warning", "--fail-on", "warning", "."], { cwd: repo })).status).toBe(1);
    writeFiles(repo, { ".carbon-secret-lint.yaml": "rules:\n  committed-env-file: off\n" });
    expect((await cli(["."], { cwd: repo })).status).toBe(0);
    expect((await cli(["--rule", "nope=error", "."], { cwd: repo })).status).toBe(2);
  });

  it("--output writes the report to a file without changing the exit code", async () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const out = join(tempDir(), "report.json");
    const run = await cli(["--format", "json", "--output", out, "."], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).findings).toHaveLength(1);
  });
});

describe("suppressions", () => {
  it("silences the named rule on the next line, and reports one that silences nothing", async () => {
    const repo = makeRepo({
      ".gitignore": ".env\n",
      "svc/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored -- svc keeps a fake .env for its tests\n!.env\n",
      "svc/package.json": "{}\n",
      "other/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored -- nothing here\nnode_modules/\n",
    });
    const run = await cliJson(["."], repo);
    expect(run.report.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual(["unused-suppression other/.gitignore:1"]);
    expect(run.status).toBe(0); // a warning does not fail by default
  });

  it("a suppression without a reason is reported, and silences nothing", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "svc/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored\n!.env\n", "svc/package.json": "{}\n" });
    const run = await cliJson(["."], repo);
    expect(run.report.findings.map((f) => f.ruleId).sort()).toEqual(["env-not-gitignored", "invalid-suppression"]);
  });
});

describe("the terminal report", () => {
  it("groups by file, shows the checklist and a summary, without colour when not a terminal", async () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": "node_modules/\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.stdout).toContain(".env\n  1:1");
    expect(run.stdout).toContain("Security checklist");
    expect(run.stdout).toMatch(/FAIL +env-gitignored/);
    expect(run.stdout).toMatch(/2 errors, 0 warnings/);
    expect(run.stdout).not.toContain("\u001b[");
    expect((await cli(["."], { cwd: repo, env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001b[");
    expect((await cli(["--no-color", "."], { cwd: repo, env: { FORCE_COLOR: "1" } })).stdout).not.toContain("\u001b[");
  });

  it("--list-rules, --explain, --version and --help", async () => {
    const cwd = tempDir();
    expect((await cli(["--list-rules"], { cwd })).stdout).toMatch(/committed-env-file +error/);
    const explain = await cli(["--explain", "env-not-gitignored"], { cwd });
    expect(explain.stdout).toContain("# env-not-gitignored");
    expect(explain.stdout).toContain("## How to fix");
    expect((await cli(["--explain", "nope"], { cwd })).status).toBe(2);
    expect((await cli(["--version"], { cwd })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await cli(["--help"], { cwd })).stdout).toContain("Exit codes");
  });
});

describe("outside git", () => {
  it("scans plain files and applies .gitignore files", async () => {
    const dir = tempDir();
    writeFiles(dir, { ".gitignore": "build/\n", ".env": "A=1\n", "build/.env": "B=2\n" });
    const run = await cliJson(["."], dir);
    // build/.env is ignored; the root .env is present, not ignored, and one `git add` from a commit.
    expect(rulesOf(run.report)).toEqual(["committed-env-file .env", "env-not-gitignored .gitignore"]);
  });
});

describe("config errors inside lists", () => {
  it("point at the list item", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "patterns:\n  - id: ok-one\n    pattern: abc\n  - id: Bad Id\n    pattern: x\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/:4: patterns\.1\.id/);
  });

  it("refuse a custom pattern that RE2 cannot run in linear time", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "patterns:\n  - id: evil\n    pattern: '(a+)\\1$'\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/patterns\.evil: refused/);
  });
});
