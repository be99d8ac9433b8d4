// Issue 17, the Action's part: a pull request cannot silence its own scan, paths are the
// repository's, outputs claim no more than was checked, and an error still leaves a SARIF file.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";
import { sarifValidator } from "./helpers/sarif.js";

afterAll(removeTempDirs);

const PROJECT = new URL("../", import.meta.url).pathname;
let action = "";

// The Action as the source builds it now (dist/ is rebuilt by the lead, not by these tests).
beforeAll(async () => {
  const out = tempDir("csl-action-bundle-");
  const { bundle } = (await import(join(PROJECT, "scripts/bundle.mjs"))) as { bundle(dir: string): Promise<void> };
  await bundle(out);
  action = join(out, "action.js");
}, 120_000);

/** A GitHub token of the right shape, made at test time so no token-like literal sits in the repository. */
function fakeToken(seed: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let body = "";
  for (let i = 0; i < 36; i++) body += alphabet[(i * 7 + seed * 13 + 3) % alphabet.length];
  return "gh" + "p_" + body;
}

function runAction(repo: string, inputs: Record<string, string>, event: { name: string; payload: unknown }) {
  const runner = tempDir("csl-runner-");
  const files = { event: join(runner, "event.json"), summary: join(runner, "summary.md"), output: join(runner, "output.txt") };
  writeFileSync(files.event, JSON.stringify(event.payload));
  writeFileSync(files.summary, "");
  writeFileSync(files.output, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    RUNNER_TEMP: runner,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [action], { cwd: repo, env, encoding: "utf8" });
  const outputs = readFileSync(files.output, "utf8");
  const output = (name: string) => new RegExp(`${name}<<([^\\n]*)\\n([^\\n]*)\\n\\1`).exec(outputs)?.[2];
  const sarifPath = output("sarif-file");
  const sarif = sarifPath && existsSync(sarifPath) ? JSON.parse(readFileSync(sarifPath, "utf8")) : undefined;
  const annotations = run.stdout.split("\n").filter((l) => /^::(error|warning|notice) file=/.test(l));
  return { ...run, summary: readFileSync(files.summary, "utf8"), output, sarif, annotations };
}

const sarifUris = (sarif: { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }) =>
  sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);

describe("paths are the repository's (item 5)", () => {
  it("with `path: svc`, annotations and SARIF name svc/app.py", () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "svc/app.py": `TOKEN = "${fakeToken(8)}"\n` });
    const run = runAction(repo, { path: "svc" }, { name: "workflow_dispatch", payload: {} });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.filter((a) => a.includes("hardcoded-secret")).map((a) => /file=([^,]+)/.exec(a)![1])).toEqual(["svc/app.py"]);
    expect(sarifUris(run.sarif)).toContain("svc/app.py");
    expect(sarifUris(run.sarif)).not.toContain("app.py");
    expect(run.summary).toContain("svc/app.py");
  });

});

describe("an error still leaves what the workflow expects (item 14)", () => {
  it("a broken configuration: the step fails with the message, the SARIF file is valid and empty, the outputs are set", () => {
    const repo = makeRepo({ ".gitignore": ".env\n", ".carbon-secret-lint.yaml": "rules:\n  no-such-rule: error\n" });
    const run = runAction(repo, {}, { name: "workflow_dispatch", payload: {} });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::carbon-secret-lint: invalid configuration/);
    expect(run.output("sarif-file")).toMatch(/carbon-secret-lint\.sarif$/);
    const validate = sarifValidator();
    expect(validate(run.sarif), JSON.stringify(validate.errors)).toBe(true);
    const sarifRun = run.sarif.runs[0];
    expect(sarifRun.tool.driver.name).toBe("carbon-secret-lint");
    expect(sarifRun.results).toEqual([]);
    expect(sarifRun.invocations[0].executionSuccessful).toBe(false);
    expect(sarifRun.automationDetails.id).toBe("carbon-secret-lint/failed/"); // an upload closes none of the last analysis's alerts
    expect(sarifRun.invocations[0].toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => `${n.level}: ${n.message.text}`)).toEqual([
      expect.stringMatching(/^error: invalid configuration/),
    ]);
    expect(run.output("findings")).toBe("0");
    expect(run.output("failing")).toBe("0");
    expect(run.output("checklist")).toBe("not run");
  });

  it("a bad input (fail-on) is reported the same way", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    const run = runAction(repo, { "fail-on": "sometimes" }, { name: "workflow_dispatch", payload: {} });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::carbon-secret-lint: fail-on must be/);
    expect(run.sarif.runs[0].results).toEqual([]);
  });
});
