// Messages and lines mask the secret, not the words around it (issue 13, item 7): a default
// password that is also a word of its key, or a value that repeats its key, left messages such as
// "`****istrator_login_****word`" and lines such as "****: ****".
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson } from "./helpers/cli.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

/** The JSON findings of hardcoded-secret, and the pretty output's code frames. */
async function findingsOf(files: Record<string, string>) {
  const root = makeRepo(files);
  const { report } = await cliJson(["."], root);
  const pretty = await cli(["--no-color", "."], { cwd: root });
  return { findings: report.findings.filter((f) => f.ruleId === "hardcoded-secret"), pretty: pretty.stdout };
}

describe("messages mask only the secret", () => {
  it("a default password that is a word of its key leaves the key readable", async () => {
    const { findings: [finding], pretty } = await findingsOf({ "charts/db/values.yaml": "administrator_login_password: password\n" });
    expect(finding!.message).toContain("`administrator_login_password`");
    expect(pretty).toContain("| administrator_login_password: ****\n");
    expect(finding!.secret).toBe("****");
  });

  it("a value that repeats its key's name is said so, with the key readable and nothing to mask", async () => {
    const { findings, pretty } = await findingsOf({ "charts/cache/values.yaml": "redis:\n  password: password\nstolon:\n  superuserPassword: \"superuserPassword\"\n" });
    expect(findings.map((f) => [f.line, f.message.split(",")[0], f.secret])).toEqual([
      [2, "`password` is set to its own name", null],
      [4, "`superuserPassword` is set to its own name", null],
    ]);
    expect(pretty).toContain("|   password: password\n");
  });

  it("a name that is the value whole stays readable in the message; the value is still masked in the line", async () => {
    const root = makeRepo({ "docker-compose.yml": "services:\n  postgres:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n" });
    const { report } = await cliJson(["."], root);
    const [finding] = report.findings.filter((f) => f.line === 5 && f.ruleId === "k8s-literal-secret-env");
    expect(finding!.message).toContain("Compose service `postgres` sets `POSTGRES_PASSWORD`");
    const pretty = await cli(["--no-color", "."], { cwd: root });
    expect(pretty.stdout).toContain("|       POSTGRES_PASSWORD: ****\n");
  });

  it("a file path in a message is shown as the finding's own location is, though a folder is named like the value", async () => {
    const root = makeRepo({
      "charts/druid/Chart.yaml": "apiVersion: v2\nname: druid\nversion: 1.0.0\n",
      "charts/druid/values.yaml": "mysql:\n  mysqlPassword: druid\n",
      "charts/druid/templates/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: druid-env\ndata:\n  METADATA_PASSWORD: {{ .Values.mysql.mysqlPassword | quote }}\n",
    });
    const { report } = await cliJson(["."], root);
    const [finding] = report.findings.filter((f) => f.ruleId === "k8s-literal-secret-env");
    expect(finding!.message).toContain("a literal credential at charts/druid/values.yaml:2");
    expect(finding!.secret).toBe("****");
  });
});

describe("messages name the setting as written", () => {
  it("a Vault chart's audit switch is quoted by its path in the values", async () => {
    const root = makeRepo({ "charts/vault/values-prod.yaml": "server:\n  auditStorage:\n    enabled: false\n" });
    const { report } = await cliJson(["."], root);
    const [finding] = report.findings.filter((f) => f.ruleId === "missing-audit-logging");
    expect(finding!.line).toBe(3);
    expect(finding!.message).toContain("`server.auditStorage.enabled: false`");
  });
});
