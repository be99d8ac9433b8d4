import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runActionBundle } from "./helpers/action.js";
import { sarifValidator } from "./helpers/sarif.js";
import { git, makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

const PROJECT = new URL("../", import.meta.url).pathname;
const BUNDLE = join(PROJECT, "dist/action.js");

/** A repository with a base commit (an old problem) and a pull request head that adds one. */
function pullRequestRepo() {
  const repo = makeRepo({ ".gitignore": "node_modules/\n", "old/.env": "OLD=1\n" }); // the base already commits a .env
  const base = git(repo, "rev-parse", "HEAD").trim();
  git(repo, "checkout", "-q", "-b", "feature");
  writeFileSync(join(repo, ".env.production"), "LOG_LEVEL=info\n");
  git(repo, "add", "-f", ".env.production");
  git(repo, "commit", "-q", "-m", "feature");
  return { repo, base };
}

function runAction(repo: string, inputs: Record<string, string>, event: { name: string; payload: unknown }) {
  return runActionBundle(BUNDLE, repo, inputs, event);
}

describe("the Action, run as the runner runs it", () => {
  it("on a pull request, annotates only what the pull request adds, writes the summary and SARIF, and fails the step", () => {
    const { repo, base } = pullRequestRepo();
    const run = runAction(repo, { "fail-on": "error" }, { name: "pull_request", payload: { pull_request: { base: { sha: base, ref: "main" } } } });
    expect(run.status, run.stderr).toBe(1);
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toContain("file=.env.production");
    expect(run.stdout).not.toContain("file=old/.env");
    expect(run.summary).toMatch(/env-gitignored/);
    expect(run.stdout).toContain("::error::carbon-secret-lint: 1 finding at or above error");
    const sarifPath = /sarif-file<<[^\n]*\n([^\n]+)\n/.exec(run.outputs)![1]!;
    expect(sarifPath.startsWith(repo)).toBe(false); // written outside the workspace
    const sarif = JSON.parse(readFileSync(sarifPath, "utf8"));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(run.outputs).toMatch(/findings<<.*\n1\n/);
    expect(run.outputs).toContain("sarif-file");
    expect(run.outputs).toMatch(/checklist<<[^\n]*\npass=\d+ fail=1/);
  });

  it("passes the step when nothing reaches fail-on, and scans everything outside a pull request", () => {
    const { repo } = pullRequestRepo();
    const quiet = runAction(repo, { "fail-on": "none" }, { name: "pull_request", payload: { pull_request: { base: { sha: git(repo, "rev-parse", "main").trim() } } } });
    expect(quiet.status, quiet.stderr).toBe(0);
    const full = runAction(repo, { "fail-on": "error" }, { name: "workflow_dispatch", payload: {} });
    expect(full.status).toBe(1);
    expect(full.stdout, full.stdout).toContain("file=old/.env");
  });

  it("parses TS/JS and Python inside the bundle: a secret logged in each is found, and no file is left unparsed", () => {
    const repo = makeRepo({
      ".gitignore": "node_modules/\n",
      "src/server.ts": 'const apiKey = process.env.API_KEY ?? "";\nconsole.log("starting with", apiKey);\n',
      "app/main.py": 'import logging, os\napi_key = os.environ["API_KEY"]\nlogging.info("key %s", api_key)\n',
    });
    const run = runAction(repo, { "fail-on": "none" }, { name: "workflow_dispatch", payload: {} });
    expect(run.status, run.stderr).toBe(0);
    const logged = run.stdout.split("\n").filter((l) => /^::\w+ /.test(l) && l.includes("secret-in-log"));
    expect(logged.some((l) => l.includes("file=src/server.ts")), run.stdout).toBe(true);
    expect(logged.some((l) => l.includes("file=app/main.py")), run.stdout).toBe(true);
    expect(run.stdout + run.stderr).not.toMatch(/does not parse|failed on this file/);
  });

  it("explains a base that a shallow checkout lacks", () => {
    const { repo } = pullRequestRepo();
    const run = runAction(repo, {}, { name: "pull_request", payload: { pull_request: { base: { sha: "1234567890123456789012345678901234567890" } } } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("fetch-depth: 0");
  });
});

describe("action.yml", () => {
  it("follows the Actions metadata schema: name, description, inputs with descriptions, node24 runs on the bundle", () => {
    const meta = parseYaml(readFileSync(join(PROJECT, "action.yml"), "utf8"));
    const allowed = new Set(["name", "author", "description", "inputs", "outputs", "runs", "branding"]);
    for (const key of Object.keys(meta)) expect(allowed.has(key), `unknown key ${key}`).toBe(true);
    expect(typeof meta.name).toBe("string");
    expect(typeof meta.description).toBe("string");
    for (const [name, input] of Object.entries<Record<string, unknown>>(meta.inputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(typeof input.description, `input ${name}`).toBe("string");
      for (const key of Object.keys(input)) expect(["description", "required", "default", "deprecationMessage"]).toContain(key);
    }
    for (const [name, output] of Object.entries<Record<string, unknown>>(meta.outputs)) expect(typeof output.description, `output ${name}`).toBe("string");
    expect(meta.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(["white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"]).toContain(meta.branding.color);
  });
});
