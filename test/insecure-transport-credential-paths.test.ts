// insecure-transport reports only where a credential crosses a network in clear (issue 13, item 4):
// what fixture cases cannot say (the reportLoopback option, severities, the helpers' edges).

import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig, defaultOptions } from "../src/config/load.js";
import { scan } from "../src/engine/scan.js";
import { linesOf } from "../src/analysis/manifests/text.js";
import { carriesCredential, inOptOutBranch, serviceWords } from "../src/analysis/manifests/transport.js";
import rule from "../src/rules/insecure-transport.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

async function run(files: Record<string, string>, options: Record<string, unknown> = {}) {
  const root = makeRepo(files);
  const config = defaultConfig();
  for (const setting of config.rules.values()) setting.severity = "off";
  config.rules.set(rule.meta.id, { severity: "error", options: { ...defaultOptions(rule), ...options } });
  const result = await scan({ root, config, rules: [rule] });
  expect(result.notices.filter((n) => n.message.includes("failed"))).toEqual([]);
  return result.findings.map((f) => ({ path: f.path, line: f.line, severity: f.severity }));
}

// carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
const LOOPBACK = { "docker-compose.yml": "services:\n  ingest:\n    environment:\n      VAULT_ADDR: http://127.0.0.1:8200\n" };

describe("insecure-transport", () => {
  it("leaves loopback alone by default; reportLoopback brings it back as info", async () => {
    expect(await run(LOOPBACK)).toEqual([]);
    expect(await run(LOOPBACK, { reportLoopback: true })).toEqual([{ path: "docker-compose.yml", line: 4, severity: "info" }]);
  });

  it("names a service by its service name, not a website's domain", () => {
    expect(serviceWords("auth-service.access.svc")).toEqual(["auth", "service"]);
    expect(serviceWords("auth_backend")).toEqual(["auth", "backend"]);
    expect(serviceWords("www.keycloak.org")).toEqual(["www"]);
  });

  it("counts credentials, not the names of TLS Secrets or commented keys", () => {
    expect(carriesCredential("tls: false\ntlsSecret: web-tls\n# secretName: x\nsecretName: y\nimagePullSecrets: []\n")).toBe(false);
    expect(carriesCredential("insecure: true\naccess_key: tempo\nsecret_key: ${KEY}\n")).toBe(true);
    expect(carriesCredential("ssl: false\nbind_password:\n")).toBe(true);
    expect(carriesCredential("tls: false\nexistingSecret: db-credentials\n")).toBe(true);
  });

  it("tells an opt-out branch from a default", () => {
    const at = (text: string, needle: string) => {
      const lines = linesOf(text);
      const index = lines.findIndex((l) => l.text.includes(needle));
      return inOptOutBranch(lines, index, lines[index]!.text.indexOf(needle));
    };
    expect(at("if verify_ssl:\n    a = 1\nelse:\n    cert_reqs = ssl.CERT_NONE\n", "cert_reqs")).toBe(true);
    expect(at("if (*cfg.DisableTLSCheck) {\n\ttr := &http.Transport{\n\t\tTLSClientConfig: &tls.Config{InsecureSkipVerify: true},\n\t}\n}\n", "InsecureSkipVerify")).toBe(true);
    expect(at("verify = False if args.insecure else True\n", "verify")).toBe(true);
    expect(at("{{- if .Values.tls.insecureSkipVerify }}\ninsecureSkipVerify: true\n{{- end }}\n", "insecureSkipVerify: true")).toBe(true);
    // a branch on something else is still a default for whoever reaches it
    expect(at("if region == 'us':\n    verify = False\n", "verify")).toBe(false);
    expect(at("def client():\n    verify_ssl = False\n", "verify_ssl")).toBe(false);
  });
  it("is an error where a token or password is sent, a warning where only a provider's base address is named", async () => {
    const configMap = [
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: access-config",
      "data:",
      '  ACCESS_AUTH_SERVICE_URL: "http://auth-service:8010"',
      '  ACCESS_KEYCLOAK_BASE_URL: "http://keycloak-service:8080"',
      '  OIDC_ISSUER: "http://sso.iam.svc:8080/realms/carbon"',
      '  KEYCLOAK_TOKEN_URL: "http://keycloak-service:8080/realms/carbon/protocol/openid-connect/token"',
      '  IDP_URL: "http://keycloak-service:8080/auth/login"',
      "",
    ].join("\n");
    expect(await run({ "k8s/configmap.yaml": configMap })).toEqual([
      { path: "k8s/configmap.yaml", line: 6, severity: "error" },
      { path: "k8s/configmap.yaml", line: 7, severity: "warning" },
      { path: "k8s/configmap.yaml", line: 8, severity: "warning" },
      { path: "k8s/configmap.yaml", line: 9, severity: "error" },
      { path: "k8s/configmap.yaml", line: 10, severity: "error" },
    ]);
  });

  it("a TLS toggle on a client given a password is an error; on a feature shipped off, or with its credentials left empty, a warning", async () => {
    const values = [
      "database:",
      "  host: db.internal",
      "  user: app",
      "  password: Xq7vLp2Wm4rT",
      "  ssl: false",
      "ldap:",
      "  enabled: false",
      "  server: ldap.example.com",
      "  bindPassword: Xq7vLp2Wm4rT",
      "  tls: false",
      "smtp:",
      "  host: smtp",
      '  user: ""',
      '  password: ""',
      "  use_tls: false",
      "",
    ].join("\n");
    expect(await run({ "charts/app/values.yaml": values })).toEqual([
      { path: "charts/app/values.yaml", line: 5, severity: "error" },
      { path: "charts/app/values.yaml", line: 10, severity: "warning" },
      { path: "charts/app/values.yaml", line: 15, severity: "warning" },
    ]);
  });
});
