// Issue 17, the Action's part: a pull request cannot silence its own scan, paths are the
// repository's, outputs claim no more than was checked, and an error still leaves a SARIF file.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { scan } from "../src/engine/scan.js";
import { cli } from "./helpers/cli.js";
import { git, makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";
import { runActionBundle } from "./helpers/action.js";
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

const commit = (repo: string, message: string) => {
  git(repo, "add", "-A", "-f");
  git(repo, "commit", "-q", "-m", message);
  return git(repo, "rev-parse", "HEAD").trim();
};

function runAction(repo: string, inputs: Record<string, string>, event: { name: string; payload: unknown }) {
  const run = runActionBundle(action, repo, inputs, event);
  const outputs = run.outputs;
  const output = (name: string) => new RegExp(`${name}<<([^\\n]*)\\n([^\\n]*)\\n\\1`).exec(outputs)?.[2];
  const sarifPath = output("sarif-file");
  const sarif = sarifPath && existsSync(sarifPath) ? JSON.parse(readFileSync(sarifPath, "utf8")) : undefined;
  const annotations = run.stdout.split("\n").filter((l) => /^::(error|warning|notice) file=/.test(l));
  return { ...run, output, sarif, annotations };
}

const pullRequest = (base: string) => ({ name: "pull_request", payload: { pull_request: { base: { sha: base, ref: "main" } } } });
const sarifUris = (sarif: { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }) =>
  sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);

/** A base with a clean, ignored layout; the pull request's branch is checked out, nothing on it yet. */
function baseRepo(files: Record<string, string> = {}) {
  const repo = makeRepo({ ".gitignore": ".env\n.env.*\n", "README.md": "# app\n", ...files });
  const base = git(repo, "rev-parse", "HEAD").trim();
  git(repo, "checkout", "-q", "-b", "feature");
  return { repo, base };
}

describe("a pull request cannot silence its own scan (item 4)", () => {
  it("a configuration the pull request adds is not used: the base has none, so the defaults apply, and the summary says so", () => {
    const { repo, base } = baseRepo();
    writeFileSync(join(repo, "app.py"), `TOKEN = "${fakeToken(1)}"\n`);
    writeFileSync(join(repo, ".carbon-secret-lint.yaml"), "rules:\n  hardcoded-secret: off\n");
    commit(repo, "turn the rule off");
    const run = runAction(repo, {}, pullRequest(base));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.some((a) => a.includes("file=app.py") && a.includes("hardcoded-secret")), run.stdout).toBe(true);
    expect(run.summary).toMatch(/base commit `[0-9a-f]{7,}`/);
    expect(run.summary).toContain(base.slice(0, 12));
    expect(run.summary).toMatch(/no configuration file there: the defaults apply/i);
  });

  it("the base's configuration applies, not the pull request's edit of it", () => {
    const { repo, base } = baseRepo({ ".carbon-secret-lint.yaml": "exclude:\n  - vendor/**\n" });
    writeFileSync(join(repo, ".carbon-secret-lint.yaml"), "exclude:\n  - vendor/**\n  - app/**\n");
    mkdirSync(join(repo, "app"));
    mkdirSync(join(repo, "vendor"));
    writeFileSync(join(repo, "app/settings.py"), `TOKEN = "${fakeToken(2)}"\n`);
    writeFileSync(join(repo, "vendor/lib.py"), `TOKEN = "${fakeToken(3)}"\n`);
    commit(repo, "exclude app/");
    const run = runAction(repo, {}, pullRequest(base));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.some((a) => a.includes("file=app/settings.py")), run.stdout).toBe(true);
    expect(run.annotations.some((a) => a.includes("file=vendor/")), run.stdout).toBe(false);
    expect(run.summary).toContain("`.carbon-secret-lint.yaml`");
  });

  it("a baseline the pull request adds, listing its own findings, hides nothing", async () => {
    const { repo, base } = baseRepo();
    writeFileSync(join(repo, "app.py"), `TOKEN = "${fakeToken(4)}"\n`);
    expect((await cli(["--update-baseline", "."], { cwd: repo })).status).toBe(0);
    expect(readFileSync(join(repo, ".carbon-secret-lint-baseline.json"), "utf8")).toContain("hardcoded-secret");
    commit(repo, "baseline my own secret");
    const run = runAction(repo, { baseline: ".carbon-secret-lint-baseline.json" }, pullRequest(base));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.some((a) => a.includes("file=app.py")), run.stdout).toBe(true);
    expect(run.summary).toMatch(/no baseline file there/i);
  });

  it("the base's baseline applies: what it lists stays hidden, and the summary names it", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n.env.*\n", "old.py": `TOKEN = "${fakeToken(12)}"\n` });
    expect((await cli(["--update-baseline", "."], { cwd: repo })).status).toBe(0);
    const base = commit(repo, "baseline the old secret");
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "app.py"), 'print("hi")\n');
    commit(repo, "harmless");
    const run = runAction(repo, { scope: "worktree", baseline: ".carbon-secret-lint-baseline.json" }, pullRequest(base));
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain("Baseline: `.carbon-secret-lint-baseline.json`");
  });

  it("a configuration that is a symbolic link at the base is refused, not followed", () => {
    const repo = makeRepo({ ".gitignore": ".env\n" });
    symlinkSync("/etc/hostname", join(repo, ".carbon-secret-lint.yaml"));
    const base = commit(repo, "a linked config");
    git(repo, "checkout", "-q", "-b", "feature");
    const run = runAction(repo, {}, pullRequest(base));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::carbon-secret-lint: \.carbon-secret-lint\.yaml at the base [0-9a-f]+ is not a regular file but a symbolic link/);
  });

  it("suppression comments the pull request adds are listed in the summary, with file, line, rules and reason", () => {
    const { repo, base } = baseRepo({ "old.py": `# carbon-secret-lint-disable-next-line hardcoded-secret -- fixture from the base\nOLD = "${fakeToken(5)}"\n` });
    writeFileSync(join(repo, "app.py"), `import os\n\nTOKEN = "${fakeToken(6)}"  # carbon-secret-lint-disable-line hardcoded-secret -- trust me\n`);
    commit(repo, "silence it");
    const run = runAction(repo, {}, pullRequest(base));
    expect(run.stdout + run.stderr).not.toContain(fakeToken(6));
    expect(run.summary).toMatch(/### Suppressions this pull request adds/);
    const rows = run.summary.split("\n").filter((l) => l.startsWith("| `app.py:3`"));
    expect(rows, run.summary).toHaveLength(1);
    expect(rows[0]).toContain("`hardcoded-secret`");
    expect(rows[0]).toContain("trust me");
    expect(run.summary).not.toContain("old.py:"); // the base's own suppression is not the pull request's
  });

  it("outside pull requests, the scanned tree's configuration applies", () => {
    const { repo } = baseRepo();
    writeFileSync(join(repo, "app.py"), `TOKEN = "${fakeToken(7)}"\n`);
    writeFileSync(join(repo, ".carbon-secret-lint.yaml"), "rules:\n  hardcoded-secret: off\n");
    commit(repo, "turn the rule off");
    const run = runAction(repo, {}, { name: "workflow_dispatch", payload: {} });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.summary).not.toMatch(/base commit/);
  });
});

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

  it("on a pull request with `path: svc`, the base's svc/ configuration is the one read", () => {
    const { repo, base } = baseRepo({ "svc/.carbon-secret-lint.yaml": "exclude:\n  - vendor/**\n" });
    writeFileSync(join(repo, "svc/.carbon-secret-lint.yaml"), "rules:\n  hardcoded-secret: off\n");
    writeFileSync(join(repo, "svc/app.py"), `TOKEN = "${fakeToken(9)}"\n`);
    commit(repo, "turn it off in svc");
    const run = runAction(repo, { path: "svc" }, pullRequest(base));
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.some((a) => a.includes("file=svc/app.py")), run.stdout).toBe(true);
    expect(run.summary).toContain("`svc/.carbon-secret-lint.yaml`");
  });
});

describe("outputs claim no more than was checked (item 6)", () => {
  /** The base commits a secret; the change adds a harmless file. */
  function oldSecretRepo() {
    const { repo, base } = baseRepo({ "old/config.py": `TOKEN = "${fakeToken(10)}"\n` });
    writeFileSync(join(repo, "app.py"), 'print("hi")\n');
    commit(repo, "harmless");
    return { repo, base };
  }

  it("a --diff scan does not mark pass what a full scan of the same tree fails", async () => {
    const { repo } = oldSecretRepo();
    const full = await scan({ root: repo, config: defaultConfig() });
    const diff = await scan({ root: repo, config: defaultConfig(), scope: { kind: "diff", base: "main" } });
    expect(full.checklist.find((c) => c.id === "no-secrets-in-source")?.status).toBe("fail");
    const item = diff.checklist.find((c) => c.id === "no-secrets-in-source")!;
    expect(item.status).toBe("unknown");
    expect(item.evidence[0]).toMatch(/a --diff scan .*cannot decide/);
    expect(diff.checklist.filter((c) => c.status === "pass")).toEqual([]);
    // what a partial scan can decide stays decided
    expect(diff.checklist.find((c) => c.id === "encrypted-at-rest")?.status).toBe("not-applicable");
  });

  it("a full scan still passes what holds", async () => {
    const repo = makeRepo({ ".gitignore": ".env\n", "app.py": 'print("hi")\n' });
    const full = await scan({ root: repo, config: defaultConfig() });
    expect(full.checklist.find((c) => c.id === "no-secrets-in-source")?.status).toBe("pass");
  });

  it("on push, annotations show the new findings and the SARIF holds every finding, so code scanning closes nothing still there", () => {
    const { repo, base } = oldSecretRepo();
    writeFileSync(join(repo, "new.py"), `TOKEN = "${fakeToken(11)}"\n`);
    commit(repo, "a new secret");
    const run = runAction(repo, { "fail-on": "none" }, { name: "push", payload: { before: base } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.annotations.filter((a) => a.includes("hardcoded-secret")).map((a) => /file=([^,]+)/.exec(a)![1])).toEqual(["new.py"]);
    const validate = sarifValidator();
    expect(validate(run.sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarifUris(run.sarif).sort()).toEqual(["new.py", "old/config.py"]);
    expect(run.sarif.runs[0].automationDetails.id).toBe("carbon-secret-lint/worktree/");
    expect(run.output("findings")).toBe("1");
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


describe("the Action's own files are never followed out of the workspace (item 9)", () => {
  it("a SARIF path the repository planted as a link is replaced, not written through", () => {
    const outside = tempDir("csl-outside-");
    writeFileSync(join(outside, "victim"), "precious\n");
    const { repo } = baseRepo();
    symlinkSync(join(outside, "victim"), join(repo, "results.sarif"));
    const run = runAction(repo, { "sarif-file": "results.sarif", scope: "worktree" }, { name: "push", payload: {} });
    expect(readFileSync(join(outside, "victim"), "utf8")).toBe("precious\n");
    expect(run.sarif?.version, run.stdout + run.stderr).toBe("2.1.0");
  });

  it("a baseline the repository planted as a link out of the workspace is refused, and the step says so", () => {
    const outside = tempDir("csl-outside-");
    writeFileSync(join(outside, "stolen.json"), JSON.stringify({ version: 1, tool: "carbon-secret-lint", findings: [] }));
    const { repo } = baseRepo();
    symlinkSync(join(outside, "stolen.json"), join(repo, "baseline.json"));
    const run = runAction(repo, { baseline: "baseline.json", scope: "worktree" }, { name: "push", payload: {} });
    expect(run.stdout + run.stderr).toMatch(/symbolic link that leads outside/);
    expect(run.sarif?.version).toBe("2.1.0");
  });
});
