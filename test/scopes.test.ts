import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { loadBaseline, writeBaseline } from "../src/engine/baseline.js";
import { parseAddedLines } from "../src/engine/git-scopes.js";
import { scan, type ScanOptions } from "../src/engine/scan.js";
import committedEnvFile from "../src/rules/committed-env-file.js";
import { runCli, runJson } from "./helpers/cli.js";
import { markerRule } from "./helpers/marker-rule.js";
import { git, makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

const SECRET_A = "MARKER_" + "alphaalphaalpha";
const SECRET_B = "MARKER_" + "bravobravobravo";

function scanWith(root: string, options: Partial<ScanOptions> = {}) {
  return scan({ root, config: defaultConfig(), rules: [markerRule, committedEnvFile], ...options });
}
const where = (result: Awaited<ReturnType<typeof scanWith>>) => result.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`);

describe("--staged", () => {
  it("reads the index, so an unstaged fix does not hide a staged secret", async () => {
    const repo = makeRepo({ "README.md": "# app\n" });
    writeFileSync(join(repo, "config.py"), `TOKEN = "${SECRET_A}"\n`);
    git(repo, "add", "config.py");
    writeFileSync(join(repo, "config.py"), "TOKEN = os.environ['TOKEN']\n"); // fixed, but not staged
    const result = await scanWith(repo, { scope: { kind: "staged" } });
    expect(where(result)).toEqual(["test-marker config.py:1"]);
    expect(result.scope).toBe("staged");
  });

  it("reports a staged .env, and only files that differ from HEAD", async () => {
    const repo = makeRepo({ "old.txt": `${SECRET_B}\n` });
    writeFileSync(join(repo, ".env"), "A=1\n");
    git(repo, "add", "-f", ".env");
    const result = await scanWith(repo, { scope: { kind: "staged" } });
    expect(where(result)).toEqual(["committed-env-file .env:1"]);
    expect(result.findings[0]!.message).toContain("staged for commit");
  });

  it("works before the first commit", async () => {
    const repo = makeRepo({}, { commit: false });
    writeFileSync(join(repo, "a.txt"), `${SECRET_A}\n`);
    git(repo, "add", "a.txt");
    expect(where(await scanWith(repo, { scope: { kind: "staged" } }))).toEqual(["test-marker a.txt:1"]);
  });

  it("needs a repository", async () => {
    await expect(scanWith(tempDir(), { scope: { kind: "staged" } })).rejects.toThrow(/--staged needs a git repository/);
  });
});

describe("--diff <base>", () => {
  function branchRepo() {
    const repo = makeRepo({ "app.py": `OLD = "${SECRET_A}"\n\nprint("hi")\n` });
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "app.py"), `OLD = "${SECRET_A}"\nNEW = "${SECRET_B}"\n\nprint("hi")\n`);
    writeFileSync(join(repo, "other.txt"), `${SECRET_B}\n`);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "feature");
    return repo;
  }

  it("reports only lines the change adds", async () => {
    const result = await scanWith(branchRepo(), { scope: { kind: "diff", base: "main" } });
    expect(where(result)).toEqual(["test-marker app.py:2", "test-marker other.txt:1"]);
  });

  it("explains a missing base, as in a shallow clone", async () => {
    const repo = branchRepo();
    await expect(scanWith(repo, { scope: { kind: "diff", base: "origin/nope" } })).rejects.toThrow(/fetch-depth: 0/);
    const shallow = tempDir();
    git(shallow, "clone", "-q", "--depth", "1", "--branch", "feature", `file://${repo}`, "clone");
    const run = runCli(["--diff", "main", "."], { cwd: join(shallow, "clone") });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/shallow clone.*fetch-depth: 0/s);
  });

  it("parses added lines from a zero-context diff, with quoted paths", () => {
    const diff = [
      "diff --git a/a.txt b/a.txt",
      "--- a/a.txt",
      "+++ b/a.txt",
      "@@ -1,0 +2,2 @@",
      "+x",
      "+y",
      "@@ -9 +11 @@",
      "-old",
      "+new",
      '+++ "b/caf\\303\\251.txt"',
      "@@ -0,0 +1 @@",
      "+z",
    ].join("\n");
    expect(Object.fromEntries([...parseAddedLines(diff)].map(([k, v]) => [k, [...v]]))).toEqual({ "a.txt": [2, 3, 11], "café.txt": [1] });
  });
});

describe("--history", () => {
  it("finds a deleted secret once, with the commit that introduced it", async () => {
    const repo = makeRepo({ "a.txt": `first\n${SECRET_A}\n` });
    const introducing = git(repo, "rev-parse", "HEAD").trim();
    writeFileSync(join(repo, "a.txt"), `first\n${SECRET_A}\nmore\n`);
    git(repo, "commit", "-qam", "touch");
    writeFileSync(join(repo, "a.txt"), "first\n");
    git(repo, "commit", "-qam", "remove the secret");
    const result = await scanWith(repo, { scope: { kind: "history" } });
    expect(result.findings.map((f) => [f.ruleId, f.path, f.line, f.commit])).toEqual([["test-marker", "a.txt", 2, introducing]]);
    expect(result.findings[0]!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("takes a range", async () => {
    const repo = makeRepo({ "a.txt": `${SECRET_A}\n` });
    git(repo, "tag", "v1");
    writeFileSync(join(repo, "b.txt"), `${SECRET_B}\n`);
    git(repo, "add", "b.txt");
    git(repo, "commit", "-qm", "b");
    const { report } = runJson(["--history", "v1..HEAD", "."], repo);
    expect(report.scope).toBe("history");
    const all = await scanWith(repo, { scope: { kind: "history", range: "v1..HEAD" } });
    expect(where(all)).toEqual(["test-marker b.txt:1"]);
  });
});

describe("baseline", () => {
  it("hides recorded findings across line moves, holds no secret, and reports stale entries", async () => {
    const repo = makeRepo({ "a.txt": `${SECRET_A}\n`, "b.txt": `${SECRET_B}\n` });
    const file = join(tempDir(), "baseline.json");
    writeBaseline(file, await scanWith(repo));
    const stored = (await import("node:fs")).readFileSync(file, "utf8");
    expect(stored).not.toContain(SECRET_A);
    expect(stored).not.toContain("alphaalpha");
    writeFileSync(join(repo, "a.txt"), `\n\nmoved\n${SECRET_A}\n`);
    writeFileSync(join(repo, "b.txt"), "fixed\n");
    writeFileSync(join(repo, "c.txt"), `${SECRET_B}x\n`);
    const result = await scanWith(repo, { baseline: loadBaseline(file) });
    expect(where(result)).toEqual(["test-marker c.txt:1"]);
    expect(result.notices.map((n) => n.message)).toContainEqual(expect.stringContaining("1 baseline entry is stale"));
  });

  it("the CLI writes and reads it", () => {
    const repo = makeRepo({ ".env": "A=1\n", ".gitignore": ".env\n" });
    expect(runCli(["--update-baseline", "."], { cwd: repo }).status).toBe(0);
    expect(runCli([".", "--baseline", ".carbon-secret-lint-baseline.json"], { cwd: repo }).status).toBe(0);
    expect(runCli([".", "--baseline", "missing.json"], { cwd: repo }).stderr).toMatch(/baseline file not found/);
  });
});

describe("partial scans judge a service whole", () => {
  const main = readFileSync(new URL("../fixtures/missing-startup-validation/valid/guide-validate-secrets/services/ingest/app/main.py", import.meta.url), "utf8");

  function serviceRepo() {
    const repo = makeRepo({ ".gitignore": ".env\n", "services/ingest/requirements.txt": "fastapi\n", "services/ingest/app/main.py": main });
    git(repo, "checkout", "-q", "-b", "feature");
    // A new module reads a secret that main.py validates at start-up.
    writeFileSync(join(repo, "services/ingest/app/sink.py"), 'import os\n\n\ndef connect():\n    return os.getenv("CLICKHOUSE_DSN")\n');
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "sink");
    return repo;
  }

  it("--diff uses the facts of files the change does not touch", async () => {
    const repo = serviceRepo();
    const full = await scan({ root: repo, config: defaultConfig() });
    const diff = await scan({ root: repo, config: defaultConfig(), scope: { kind: "diff", base: "main" } });
    expect(full.findings.filter((f) => f.ruleId === "missing-startup-validation")).toEqual([]);
    expect(diff.findings.filter((f) => f.ruleId === "missing-startup-validation")).toEqual([]);
    // The service is judged whole (no finding), but a partial scan cannot claim the item passes.
    const startup = diff.checklist.find((c) => c.id === "startup-validation")!;
    expect(full.checklist.find((c) => c.id === "startup-validation")?.status).toBe("pass");
    expect(startup.status).toBe("unknown");
    expect(startup.evidence.join("\n")).toContain("services that validate their secrets at start-up");
  });

  it("--staged leaves rules that need the whole project out", async () => {
    const repo = serviceRepo();
    writeFileSync(join(repo, "services/ingest/app/other.py"), 'import os\nTOKEN = os.getenv("OTHER_API_KEY")\n');
    git(repo, "add", ".");
    const staged = await scan({ root: repo, config: defaultConfig(), scope: { kind: "staged" } });
    expect(staged.rules.map((r) => r.id)).not.toContain("missing-startup-validation");
    expect(staged.rules.map((r) => r.id)).toContain("hardcoded-secret");
  });
});
