// Issue 17, items 1 and 11: every file's work is bounded, and the clean-up after the rules is
// linear in the findings. A crafted file costs its own budget, never the scan.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { createScrubber, redact } from "../src/core/redact.js";
import type { ProjectIndex } from "../src/core/types.js";
import { finalize, MAX_FINDINGS_PER_SCAN, type PendingReport } from "../src/engine/finalize.js";
import { MAX_REPORTS_PER_FILE } from "../src/engine/file-pass.js";
import hardcodedSecret from "../src/rules/hardcoded-secret.js";
import { CLI, cliJson } from "./helpers/cli.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

/** A random-looking value of this length, made at test time. */
function value(seed: number, length = 20): string {
  let out = "";
  let x = seed * 2654435761 + 1;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[x % 57];
  }
  return out;
}

describe("a crafted file costs a bounded amount of work", () => {
  it("scans 150,000 `password=<random>` lines in one .properties file, keeps 200 findings and says how many were left out", async () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => `password=${value(i)}\n`).join("");
    const repo = makeRepo({ "app.properties": lines, ".env": "A=1\n" });
    const { report } = await cliJson(["."], repo);
    const inFile = report.findings.filter((f) => f.path === "app.properties");
    expect(inFile.length).toBe(MAX_REPORTS_PER_FILE);
    expect(report.notices).toContainEqual({ path: "app.properties", message: expect.stringMatching(/^200 findings are reported for this file, the most kept per file.*; the rules stopped looking for more$/) });
    expect(report.findings.map((f) => f.ruleId)).toContain("committed-env-file");
  }, 60_000);

  it("scans a .json file of 200,000 repeated `\"password\":` keys", async () => {
    const repo = makeRepo({ "a.json": "{" + '"password":'.repeat(200_000) + '"x"}', ".env": "A=1\n" });
    const { report, status } = await cliJson(["."], repo);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain("committed-env-file");
  }, 60_000);

  it("stops a worker that spends longer than the limit on one file, skips that file with the reason, and scans the rest", () => {
    // A large YAML file takes seconds to parse; a limit of a fraction of a second catches it.
    const big = Array.from({ length: 200_000 }, (_, i) => `key_${i}: { a: [1, 2, {b: "${value(i, 12)}"}] }\n`).join("");
    const repo = makeRepo({ "huge.yaml": big, ".env": "A=1\n", "svc/config.py": `API_TOKEN = "${value(7, 32)}"\n` });
    const run = spawnSync(process.execPath, [CLI, "--format", "json", "--max-file-size", "64MB", "."], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, CSL_THREADS: "2", CSL_FILE_TIME_LIMIT_MS: "300" },
      maxBuffer: 1 << 28,
    });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.stats.skipped).toContainEqual({ path: "huge.yaml", reason: expect.stringContaining("took longer than") });
    expect(report.findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`)).toEqual(expect.arrayContaining(["committed-env-file .env", "hardcoded-secret svc/config.py"]));
  }, 60_000);
});

describe("the clean-up after the rules is linear in the findings", () => {
  const index: ProjectIndex = { root: "/", inGit: false, scope: "worktree", files: [], has: () => false, read: () => undefined, isIgnored: () => ({ ignored: false }) as never, shared: () => [] };
  const pendingReports = (count: number): PendingReport[] =>
    Array.from({ length: count }, (_, i) => {
      const secret = `${value(i, 24)}`;
      return {
        ruleId: "hardcoded-secret",
        severity: "error" as const,
        report: { ruleId: "hardcoded-secret", descriptor: { messageId: "generic", data: { key: "API_TOKEN" }, secret }, path: `f${i % 500}.env`, line: i + 1, column: 11, endLine: i + 1, endColumn: 35, excerpt: `API_TOKEN=${secret}` },
      };
    });

  const valuesOf = (pending: PendingReport[]) => createScrubber(pending.map((p) => p.report.descriptor.secret!));

  it("masks 20,000 snippets against 20,000 values without searching each snippet for each value", () => {
    const pending = pendingReports(20_000);
    const notices: { message: string }[] = [];
    const findings = finalize(pending, { index, directives: new Map(), config: defaultConfig(), oncePerFingerprint: false, rulesById: new Map([["hardcoded-secret", hardcodedSecret]]), roleOf: () => "deployable", scrubValues: valuesOf(pending), notices }).findings;
    expect(findings.length).toBe(20_000);
    expect(findings[123]!.snippet).toBe(`API_TOKEN=${redact(pending[123]!.report.descriptor.secret!)}`);
    expect(notices).toEqual([]);
  }, 10_000);

  it(`keeps ${MAX_FINDINGS_PER_SCAN} findings per scan and says how many more were left out`, () => {
    const notices: { message: string }[] = [];
    const pending = pendingReports(MAX_FINDINGS_PER_SCAN + 7);
    const findings = finalize(pending, { index, directives: new Map(), config: defaultConfig(), oncePerFingerprint: false, rulesById: new Map([["hardcoded-secret", hardcodedSecret]]), roleOf: () => "deployable", scrubValues: valuesOf(pending), notices }).findings;
    expect(findings.length).toBe(MAX_FINDINGS_PER_SCAN);
    expect(notices).toEqual([{ message: `${MAX_FINDINGS_PER_SCAN} findings are reported for this scan; 7 more were left out` }]);
  }, 30_000);
});
