// --cache: a re-scan reads only the files that changed, reports exactly what a scan without the
// cache reports, and never writes a secret to disk.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASE62, fake } from "../src/detectors/samples.js";
import { defaultCacheLocation } from "../src/engine/result-cache.js";
import { cliJson } from "./helpers/cli.js";
import { git, makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

// Built at test time, so no token sits in the repository.
const TOKEN = fake("gh" + "p_", 36, BASE62, "cache-token");
const PASSWORD = fake("", 20, BASE62, "cache-password");

function project(): string {
  return makeRepo({
    ".gitignore": ".env\n",
    "deploy/values.yaml": `db:\n  password: ${PASSWORD}\n`,
    "services/api/settings.py": `GITHUB_TOKEN = "${TOKEN}"\n`,
    "services/api/main.py": "import os\n\nprint('starting')\n",
  });
}

const summary = (report: Awaited<ReturnType<typeof cliJson>>["report"]) => report.findings.map((f) => `${f.ruleId} ${f.path}:${f.line} ${f.secret} ${f.fingerprint}`);

describe("the result cache", () => {
  it("reports on a re-scan what the first scan reported, from the cache, and writes no secret", async () => {
    const root = project();
    const cache = join(tempDir(), "results.json");
    const plain = await cliJson(["."], root);
    const first = await cliJson(["--cache-location", cache, "."], root);
    const second = await cliJson(["--cache-location", cache, "."], root);
    expect(summary(first.report)).toEqual(summary(plain.report));
    expect(summary(second.report)).toEqual(summary(plain.report));
    expect(first.report.stats.cached).toBe(0);
    expect(second.report.stats.cached).toBe(second.report.stats.files);
    const written = readFileSync(cache, "utf8");
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(TOKEN.slice(4, 20));
  });

  it("scans a changed file again, and only that one", async () => {
    const root = project();
    const cache = join(tempDir(), "results.json");
    await cliJson(["--cache-location", cache, "."], root);
    const other = fake("", 20, BASE62, "cache-password-2");
    writeFileSync(join(root, "deploy/values.yaml"), `db:\n  password: ${other}\n  user: app\n`);
    const again = await cliJson(["--cache-location", cache, "."], root);
    const plain = await cliJson(["."], root);
    expect(summary(again.report)).toEqual(summary(plain.report));
    expect(again.report.stats.cached).toBe(again.report.stats.files - 1);
  });

  it("reads nothing of a cache written under another configuration", async () => {
    const root = project();
    const cache = join(tempDir(), "results.json");
    await cliJson(["--cache-location", cache, "."], root);
    const changed = await cliJson(["--cache-location", cache, "--rule", "hardcoded-secret=warning", "."], root);
    expect(changed.report.stats.cached).toBe(0);
    expect(changed.report.findings.filter((f) => f.ruleId === "hardcoded-secret").every((f) => f.severity !== "error")).toBe(true);
  });

  it("rebuilds a cache file that does not parse, saying so, and loses no finding", async () => {
    const root = project();
    const cache = join(tempDir(), "results.json");
    writeFileSync(cache, "{ not json");
    const run = await cliJson(["--debug", "--cache-location", cache, "."], root);
    const plain = await cliJson(["."], root);
    expect(summary(run.report)).toEqual(summary(plain.report));
    expect(run.report.notices.map((n) => n.message).join("\n")).toContain("does not parse; it is rebuilt");
    expect(JSON.parse(readFileSync(cache, "utf8")).format).toBe(1);
  });

  it("serves --diff from the cache too: unchanged files are not read from git again", async () => {
    const root = project();
    git(root, "checkout", "-q", "-b", "change");
    writeFileSync(join(root, "services/api/main.py"), "import os\n\nprint('starting', os.environ)\n");
    git(root, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qam", "change");
    const cache = join(tempDir(), "results.json");
    const first = await cliJson(["--diff", "main", "--cache-location", cache, "."], root);
    const second = await cliJson(["--diff", "main", "--cache-location", cache, "."], root);
    expect(summary(second.report)).toEqual(summary(first.report));
    expect(second.report.stats.cached).toBeGreaterThan(0);
  });

  it("lives in the repository's .git folder by default, and does not write through a symbolic link there", async () => {
    const root = project();
    expect(defaultCacheLocation(root)).toBe(join(root, ".git", "carbon-secret-lint", "results.json"));
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(root, ".git", "carbon-secret-lint"));
    const run = await cliJson(["--cache", "."], root);
    expect(run.report.notices.map((n) => n.message).join("\n")).toContain("is a symbolic link");
    expect(existsSync(join(elsewhere, "results.json"))).toBe(false);
  });
});
