// A file's role decides how loudly its findings report: the same literal password is an error in
// a chart's values, a warning in a dev compose file, and not reported in a test fixture.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { roleOfPath } from "../src/core/roles.js";
import { cliJson } from "./helpers/cli.js";
import { makeRepo, removeTempDirs, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

describe("roleOfPath", () => {
  it.each([
    ["charts/api/values.yaml", "deployable"],
    ["k8s/overlays/production/secret.yaml", "deployable"],
    ["services/ingest/app/config.py", "deployable"],
    ["docker-compose.yml", "deployable"],
    ["configs/environments/staging/env.example", "deployable"],
    ["docker-compose.dev.yml", "local"],
    ["k8s/overlays/local/secrets.yaml", "local"],
    ["terraform/stacks/local/main.tf", "local"],
    ["charts/api/values-dev.yaml", "local"],
    [".github/workflows/test.yml", "ci"],
    [".gitlab-ci.yml", "ci"],
    ["docs/troubleshooting.md", "docs"],
    ["README.md", "docs"],
    ["charts/api/templates/NOTES.txt", "docs"],
    ["examples/caiso/config.yaml", "example"],
    ["tests/unit/test_storage.py", "test"],
    ["src/app.test.ts", "test"],
    ["pkg/server/server_test.go", "test"],
    ["testdata/report.json", "fixture"],
    ["test/fixtures/secret.yaml", "fixture"],
    ["frontend/mock-backend/data/v1/runs.json", "fixture"],
    ["src/__snapshots__/app.test.ts.snap", "fixture"],
    ["vendor/github.com/x/y/z.go", "vendored"],
    ["node_modules/pkg/index.js", "vendored"],
    ["static/app.min.js", "vendored"],
  ])("%s is %s", (path, role) => {
    expect(roleOfPath(path)).toBe(role);
  });
});

const PASSWORD = ["Tq8", "vLz2", "Wm4rXp7"].join("");
const line = `password: ${PASSWORD}\n`;

describe("severity follows the role", () => {
  it("the same literal is an error in a chart's values, a warning in a dev compose file and in docs, and not reported in a test fixture", async () => {
    const repo = makeRepo({
      "charts/api/values.yaml": line,
      "docker-compose.dev.yml": `services:\n  db:\n    environment:\n      DB_PASSWORD: ${PASSWORD}\n`,
      "docs/setup.md": "```yaml\n" + line + "```\n",
      "tests/fixtures/values.yaml": line,
      ".gitignore": ".env\n",
    });
    const { report } = await cliJson(["."], repo);
    // (In the compose file, k8s-literal-secret-env's finding replaces hardcoded-secret's: one problem, one finding.)
    const secrets = report.findings.filter((f) => f.ruleId === "hardcoded-secret" || f.ruleId === "k8s-literal-secret-env");
    expect(secrets.map((f) => [f.path, f.ruleId, f.role, f.severity]).sort()).toEqual([
      ["charts/api/values.yaml", "hardcoded-secret", "deployable", "error"],
      ["docker-compose.dev.yml", "k8s-literal-secret-env", "local", "warning"],
      ["docs/setup.md", "hardcoded-secret", "docs", "warning"],
    ]);
    expect(report.notices.map((n) => n.message)).toContainEqual(expect.stringMatching(/^1 finding was not reported because its file is example, test, fixture, vendored \(/));
  });

  it("a credential that looks live is still reported in a test, as a warning", async () => {
    const body = randomBytes(900).toString("base64").replace(/.{64}/g, "$&\n");
    const key = ["-----BEGIN RSA ", "PRIVATE KEY-----\n", body, "\n-----END RSA ", "PRIVATE KEY-----\n"].join("");
    const repo = makeRepo({ "tests/keys/server.pem": key, ".gitignore": ".env\n" });
    const { report } = await cliJson(["."], repo);
    expect(report.findings.filter((f) => f.ruleId === "hardcoded-secret").map((f) => [f.role, f.severity])).toEqual([["test", "warning"]]);
  });

  it("the checklist is decided by what the repository deploys: findings in docs and tests are listed, they fail no item", async () => {
    const repo = makeRepo({ "docs/setup.md": "```yaml\n" + line + "```\n", ".gitignore": ".env\n" });
    const { report } = await cliJson(["."], repo);
    expect(report.findings.map((f) => f.ruleId)).toContain("hardcoded-secret");
    expect(report.checklist.find((c) => c.id === "no-secrets-in-source")?.status).toBe("pass");
  });

  it("the config gives files a role and caps a role's severity", async () => {
    const repo = makeRepo({ "qa-data/values.yaml": line, "tests/values.yaml": line, ".gitignore": ".env\n" });
    writeFiles(repo, { ".carbon-secret-lint.yaml": "roles:\n  fixture:\n    paths: [qa-data/]\n  test:\n    severity: info\n" });
    const { report } = await cliJson(["."], repo);
    expect(report.findings.filter((f) => f.ruleId === "hardcoded-secret").map((f) => [f.path, f.role, f.severity])).toEqual([["tests/values.yaml", "test", "info"]]);
  });
});

describe("a file's content can say what it is for", () => {
  it("a docker-compose.yml whose services run in a local environment is a local setup", async () => {
    const compose = `services:\n  api:\n    environment:\n      APP_ENV: local\n      DB_PASSWORD: ${PASSWORD}\n`;
    const repo = makeRepo({ "docker-compose.yml": compose, "deploy/docker-compose.yml": compose.replace("APP_ENV: local", "APP_ENV: production"), ".gitignore": ".env\n" });
    const { report } = await cliJson(["."], repo);
    const literals = report.findings.filter((f) => f.ruleId === "k8s-literal-secret-env").map((f) => [f.path, f.role, f.severity]);
    expect(literals.sort()).toEqual([
      ["deploy/docker-compose.yml", "deployable", "error"],
      ["docker-compose.yml", "local", "warning"],
    ]);
  });
});
