import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runJson } from "./helpers/cli.js";
import { git, makeRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

const rulesOf = (report: { findings: { ruleId: string; path: string }[] }) => report.findings.map((f) => `${f.ruleId} ${f.path}`).sort();

describe("the CLI on a real git repository", () => {
  it("reports a tracked .env and the .gitignore that misses it, then passes once both are fixed", () => {
    const repo = makeRepo({ ".env": "LOG_LEVEL=debug\n", ".gitignore": "node_modules/\n" });
    const before = runJson(["."], repo);
    expect(before.status).toBe(1);
    expect(rulesOf(before.report)).toEqual(["committed-env-file .env", "env-not-gitignored .gitignore"]);
    expect(before.report.checklist.find((c) => c.id === "env-gitignored")?.status).toBe("fail");

    git(repo, "rm", "-q", "--cached", ".env");
    writeFileSync(join(repo, ".gitignore"), "node_modules/\n.env\n");
    const after = runJson(["."], repo);
    expect(after.status).toBe(0);
    expect(after.report.findings).toEqual([]);
    expect(after.report.checklist.find((c) => c.id === "env-gitignored")?.status).toBe("pass");
  });

  it("keeps reporting a tracked .env that .gitignore now matches", () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const run = runJson(["."], repo);
    expect(run.status).toBe(1);
    expect(rulesOf(run.report)).toEqual(["committed-env-file .env"]);
  });

  it("follows a nested .gitignore that re-includes .env", () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "svc/.gitignore": "# local\n!.env\n", "svc/package.json": "{}\n" });
    const run = runJson(["."], repo);
    expect(run.status).toBe(1);
    expect(run.report.findings).toMatchObject([{ ruleId: "env-not-gitignored", path: "svc/.gitignore", line: 2 }]);
  });

  it("prints the JSON contract", () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const { report } = runJson(["."], repo);
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

  it("gives the same fingerprints across runs and when lines move", () => {
    const repo = makeRepo({ ".gitignore": "# top\n.env\n", "svc/.gitignore": "!.env\n", "svc/package.json": "{}\n" });
    const first = runJson(["."], repo).report.findings.map((f) => f.fingerprint);
    writeFileSync(join(repo, "svc/.gitignore"), "# moved down\n\n!.env\n");
    const second = runJson(["."], repo).report.findings;
    expect(second[0]!.line).toBe(3);
    expect(second.map((f) => f.fingerprint)).toEqual(first);
  });
});

describe("exit codes and errors", () => {
  it("exits 2 with a clear message for a path that does not exist", () => {
    const run = runCli(["no/such/dir"], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("path not found: no/such/dir");
  });

  it("exits 2 on an unknown option or format", () => {
    expect(runCli(["--frobnicate"], { cwd: tempDir() }).status).toBe(2);
    const run = runCli(["--format", "xml", "."], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown format");
  });

  it("exits 2 on a broken config, naming the key, its line and what is allowed", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "extends: recommended\nrules:\n  committed-env-file: fatal\nexclude: [fixtures/]\n" });
    const run = runCli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(".carbon-secret-lint.yaml:3:");
    expect(run.stderr).toContain("rules.committed-env-file");
    expect(run.stderr).toMatch(/off, info, warning, error/);
  });

  it("names unknown keys and unknown rules", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "rules:\n  no-such-rule: error\nexlude: [a]\n" });
    const run = runCli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/:2: unknown rule "no-such-rule"/);
    expect(run.stderr).toMatch(/:3: unknown key "exlude"; allowed: .*exclude/);
  });

  it("exits 2 on a config that is not YAML, and on a JSON config with the wrong type", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "rules: [unclosed\n" });
    expect(runCli(["."], { cwd: repo }).stderr).toMatch(/not valid YAML/);
    const other = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(other, { ".carbon-secret-lint.json": '{\n  "failOn": "sometimes"\n}\n' });
    const run = runCli(["."], { cwd: other });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.json:2: failOn must be one of error, warning, info, none/);
  });

  it("--fail-on decides what fails, and a config can turn a rule down", () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    expect(runCli(["--fail-on", "none", "."], { cwd: repo }).status).toBe(0);
    expect(runCli(["--rule", "committed-env-file=warning", "."], { cwd: repo }).status).toBe(0);
    expect(runCli(["--rule", "committed-env-file=warning", "--fail-on", "warning", "."], { cwd: repo }).status).toBe(1);
    writeFiles(repo, { ".carbon-secret-lint.yaml": "rules:\n  committed-env-file: off\n" });
    expect(runCli(["."], { cwd: repo }).status).toBe(0);
    expect(runCli(["--rule", "nope=error", "."], { cwd: repo }).status).toBe(2);
  });

  it("--output writes the report to a file without changing the exit code", () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    const out = join(tempDir(), "report.json");
    const run = runCli(["--format", "json", "--output", out, "."], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).findings).toHaveLength(1);
  });
});

describe("suppressions", () => {
  it("silences the named rule on the next line, and reports one that silences nothing", () => {
    const repo = makeRepo({
      ".gitignore": ".env\n",
      "svc/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored -- svc keeps a fake .env for its tests\n!.env\n",
      "svc/package.json": "{}\n",
      "other/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored -- nothing here\nnode_modules/\n",
    });
    const run = runJson(["."], repo);
    expect(run.report.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual(["unused-suppression other/.gitignore:1"]);
    expect(run.status).toBe(0); // a warning does not fail by default
  });

  it("a suppression without a reason is reported", () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "svc/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored\n!.env\n", "svc/package.json": "{}\n" });
    const run = runJson(["."], repo);
    expect(run.report.findings.map((f) => f.ruleId)).toEqual(["invalid-suppression"]);
  });
});

describe("the terminal report", () => {
  it("groups by file, shows the checklist and a summary, without colour when not a terminal", () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": "node_modules/\n" });
    const run = runCli(["."], { cwd: repo });
    expect(run.stdout).toContain(".env\n  1:1");
    expect(run.stdout).toContain("Security checklist");
    expect(run.stdout).toMatch(/FAIL +env-gitignored/);
    expect(run.stdout).toMatch(/2 errors, 0 warnings/);
    expect(run.stdout).not.toContain("\u001b[");
    expect(runCli(["."], { cwd: repo, env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(runCli(["--no-color", "."], { cwd: repo, env: { FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });

  it("--list-rules, --explain, --version and --help", () => {
    const cwd = tempDir();
    expect(runCli(["--list-rules"], { cwd }).stdout).toMatch(/committed-env-file +error/);
    const explain = runCli(["--explain", "env-not-gitignored"], { cwd });
    expect(explain.stdout).toContain("# env-not-gitignored");
    expect(explain.stdout).toContain("## How to fix");
    expect(runCli(["--explain", "nope"], { cwd }).status).toBe(2);
    expect(runCli(["--version"], { cwd }).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(runCli(["--help"], { cwd }).stdout).toContain("Exit codes");
  });
});

describe("outside git", () => {
  it("scans plain files and applies .gitignore files", () => {
    const dir = tempDir();
    writeFiles(dir, { ".gitignore": "build/\n", ".env": "A=1\n", "build/.env": "B=2\n" });
    const run = runJson(["."], dir);
    // build/.env is ignored; the root .env is present, not ignored, and one `git add` from a commit.
    expect(rulesOf(run.report)).toEqual(["committed-env-file .env", "env-not-gitignored .gitignore"]);
  });
});

describe("config errors inside lists", () => {
  it("point at the list item", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "patterns:\n  - id: ok-one\n    pattern: abc\n  - id: Bad Id\n    pattern: x\n" });
    const run = runCli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/:4: patterns\.1\.id/);
  });

  it("refuse a custom pattern that can backtrack catastrophically", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "patterns:\n  - id: evil\n    pattern: '(a+)+$'\n" });
    const run = runCli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/patterns\.evil: refused/);
  });
});
