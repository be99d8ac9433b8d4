import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { classify } from "../src/core/file-kinds.js";
import { createSourceFile } from "../src/core/source-file.js";
import type { ProjectIndex, ReportDescriptor, Rule, RuleContext, EvidenceDescriptor, SourceFile } from "../src/core/types.js";
import { describeHours, durationHours } from "../src/analysis/manifests/durations.js";
import { environmentOf } from "../src/analysis/manifests/environments.js";
import { chartOf, valuesFileOf, valuesReference } from "../src/analysis/manifests/helm-values.js";
import { attributeText, parseHcl, stringList } from "../src/analysis/manifests/hcl.js";
import { emergencySections, sectionsOf } from "../src/analysis/manifests/runbooks.js";
import { decodeBase64 } from "../src/analysis/manifests/secret-data.js";
import { enclosingRegion, parseUrl } from "../src/analysis/manifests/text.js";
import { vaultPolicies } from "../src/analysis/manifests/vault.js";
import insecureTransport from "../src/rules/insecure-transport.js";
import k8sLiteralSecretEnv from "../src/rules/k8s-literal-secret-env.js";
import k8sPlaintextSecret from "../src/rules/k8s-plaintext-secret.js";
import missingAuditLogging from "../src/rules/missing-audit-logging.js";
import missingAuthFailureAlerts from "../src/rules/missing-auth-failure-alerts.js";
import missingEmergencyProcedures from "../src/rules/missing-emergency-procedures.js";
import rotationPolicyViolation from "../src/rules/rotation-policy-violation.js";
import sharedEnvCredentials from "../src/rules/shared-env-credentials.js";
import vaultPolicyTooBroad from "../src/rules/vault-policy-too-broad.js";

const RULES = [insecureTransport, k8sLiteralSecretEnv, k8sPlaintextSecret, missingAuditLogging, missingAuthFailureAlerts, missingEmergencyProcedures, rotationPolicyViolation, sharedEnvCredentials, vaultPolicyTooBroad];

function source(path: string, text: string): SourceFile {
  return createSourceFile({ path, kind: classify(path), text, size: text.length, tracked: true });
}

/** Runs a rule's handlers the way the engine does, without the registry: file handlers (kinds and keywords), then the project handler. */
async function run(rule: Rule, files: Record<string, string>, settings: Partial<RuleContext["settings"]> = {}) {
  const reports: ReportDescriptor[] = [];
  const evidence: EvidenceDescriptor[] = [];
  const shared: unknown[] = [];
  const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, v]) => [k, v.default]));
  const context: RuleContext = {
    ruleId: rule.meta.id,
    options,
    settings: { ...defaultConfig().settings, ...settings },
    report: (d) => (reports.push(d), true),
    evidence: (e) => evidence.push(e),
    share: (f) => shared.push(f),
  };
  const handlers = rule.create(context);
  const sources = Object.entries(files).map(([path, text]) => source(path, text));
  for (const file of sources) {
    if (rule.meta.kinds && !rule.meta.kinds.includes(file.kind)) continue;
    if (rule.meta.keywords && !rule.meta.keywords.some((k) => file.text.toLowerCase().includes(k.toLowerCase()))) continue;
    await handlers.file?.(file);
  }
  const project: ProjectIndex = {
    root: "/repo",
    inGit: true,
    scope: "worktree",
    files: sources.map((f) => ({ path: f.path, kind: f.kind, role: f.role, size: f.size, tracked: true })),
    has: (path) => sources.some((f) => f.path === path),
    read: (path) => sources.find((f) => f.path === path),
    isIgnored: () => ({ ignored: false }),
    shared: () => shared,
  };
  handlers.project?.(project);
  return { reports, evidence, shared, lineOf: (d: ReportDescriptor) => (d.range ? sources.find((f) => f.path === (d.path ?? f.path))!.positionAt(d.range.start).line : d.loc?.line) };
}

describe("durations", () => {
  it.each([
    ["720h", 720],
    ["720h0m0s", 720],
    ["1h30m", 1.5],
    ["30d", 720],
    ["2w", 336],
    ["3600", 1],
    ["90m", 1.5],
    ["0s", 0],
  ])("%s is %d hours", (text, hours) => expect(durationHours(text)).toBe(hours));

  it.each(["", "soon", "{{ .Values.duration }}", "12x", "h"])("%j is not a duration", (text) => expect(durationHours(text)).toBeNull());

  it("reads bare numbers as seconds, as Vault and Terraform do", () => expect(durationHours(7776000)).toBe(2160));

  it("describes lifetimes for messages", () => {
    expect(describeHours(2160)).toBe("90 days");
    expect(describeHours(36)).toBe("1.5 days");
    expect(describeHours(2)).toBe("2 hours");
  });
});

describe("environments from paths", () => {
  it.each([
    ["configs/environments/staging/app.env", "staging"],
    ["configs/environments/production/config.json", "production"],
    ["deploy/k8s/overlays/prod/secret.yaml", "production"],
    ["overlays/eu-west/secret.yaml", "eu-west"],
    ["charts/ingest/values-prod.yaml", "production"],
    ["charts/ingest/values.staging.yml", "staging"],
    [".env.production", "production"],
    ["services/api/.env.stg", "staging"],
    ["deploy/production.env", "production"],
    ["config/development.yaml", "development"],
    ["deploy/prod/kafka.properties", "production"],
  ])("%s is %s", (path, env) => expect(environmentOf(path)).toBe(env));

  it.each(["charts/ingest/values.yaml", ".env.example", "config/app.yaml", "services/ingest/settings.env", "environments/README.md", "src/env/config.py"])(
    "%s names no environment",
    (path) => expect(environmentOf(path)).toBeNull(),
  );
});

describe("the HCL reader", () => {
  const text = [
    '# a Vault server',
    'ui = true',
    'storage "raft" {',
    '  path    = "/vault/data" // comment',
    '  node_id = "vault-0"',
    '}',
    'listener "tcp" {',
    '  address     = "0.0.0.0:8200"',
    // carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
    '  tls_disable = 1',
    '  /* block',
    '     comment */',
    '  tls_cipher_suites = ["A", "B"]',
    '}',
    'resource "vault_policy" "x" {',
    '  name   = "x-read"',
    '  policy = <<EOT',
    'path "secret/*" {',
    '  capabilities = ["read"]',
    '}',
    'EOT',
    '}',
  ].join("\n");
  const body = parseHcl(text);

  it("reads blocks with labels, attributes of every type and heredocs", () => {
    expect(body.blocks.map((b) => [b.type, ...b.labels])).toEqual([["storage", "raft"], ["listener", "tcp"], ["resource", "vault_policy", "x"]]);
    expect(attributeText(body, "ui")).toBe("true");
    expect(attributeText(body.blocks[0]!.body, "path")).toBe("/vault/data");
    expect(attributeText(body.blocks[1]!.body, "tls_disable")).toBe("1");
    expect(stringList(body.blocks[1]!.body.attributes.find((a) => a.name === "tls_cipher_suites")!.value)).toEqual(["A", "B"]);
    const policy = body.blocks[2]!.body.attributes.find((a) => a.name === "policy")!.value;
    expect(policy.type).toBe("heredoc");
    expect(text.slice(policy.start, policy.end)).toBe('path "secret/*" {\n  capabilities = ["read"]\n}\n');
  });

  it("finds policies in policy files, heredocs and Terraform, with their names", () => {
    const file = source("infra/vault/policies.tf", text);
    expect(vaultPolicies(file).map((p) => [p.name, p.rules.map((r) => [r.path, r.capabilities])])).toEqual([["x-read", [["secret/*", ["read"]]]]]);
    const script = source("scripts/bootstrap.sh", 'vault policy write app-read - <<EOF\npath "app/data/prod/*" {\n  capabilities = ["read", "list"]\n}\nEOF\n');
    expect(vaultPolicies(script).map((p) => [p.name, p.rules[0]!.path])).toEqual([["app-read", "app/data/prod/*"]]);
    const policyFile = source("vault/policies/app-read.hcl", 'path "app/*" {\n  capabilities = ["read"]\n}\n');
    expect(vaultPolicies(policyFile)[0]!.name).toBe("app-read");
  });

  it("survives what it does not understand", () => {
    const odd = parseHcl('locals {\n  x = { a = 1, b = [2, 3] }\n  y = var.z ? "a" : "b"\n}\n}}}\npath "p" {\n  capabilities = ["read"\n}\n');
    expect(odd.blocks.map((b) => b.type)).toEqual(["locals", "path"]);
  });

  it("reads a template that quotes an argument as an expression, and a plain template as a string", () => {
    const tf = 'policy = "${file("p.hcl")}"\nname = "${var.prefix}-read"\n';
    const parsed = parseHcl(tf);
    const policy = parsed.attributes.find((a) => a.name === "policy")!.value;
    expect(policy.type).toBe("other");
    expect(tf.slice(policy.start, policy.end)).toBe('"${file("p.hcl")}');
    expect(attributeText(parsed, "name")).toBe("${var.prefix}-read");
  });

  it("reads indented heredocs and keeps attributes apart across a block comment", () => {
    const tf = 'a = <<-EOT\n    body\n    EOT\nb = "x" /* one\n two */ c = "y"\n';
    const parsed = parseHcl(tf);
    const heredoc = parsed.attributes[0]!.value;
    expect([heredoc.type, tf.slice(heredoc.start, heredoc.end)]).toEqual(["heredoc", "    body\n"]);
    expect([attributeText(parsed, "b"), attributeText(parsed, "c")]).toEqual(["x", "y"]);
  });
});

describe("runbook sections", () => {
  it("finds emergency procedures and ignores wishes", () => {
    const text = "# Guide\n\n### 5. Emergency Procedures\n- Document emergency rotation procedures\n- Maintain break-glass access procedures\n\n## Emergency rotation\n\n1. Rotate in Vault\n2. Revoke the old key\n\n## Break glass\n\n```\nvault login -method=userpass username=breakglass\n```\n";
    expect(sectionsOf(text).map((s) => s.heading)).toEqual(["Guide", "5. Emergency Procedures", "Emergency rotation", "Break glass"]);
    expect(emergencySections(text).map((e) => [e.section.heading, e.kind])).toEqual([
      ["Emergency rotation", "emergency rotation"],
      ["Break glass", "break-glass access"],
    ]);
  });
});

describe("text helpers", () => {
  it("parses URLs with credentials without keeping more than the parts", () => {
    expect(parseUrl("redis", ":s3cr3t@cache:6379/0")).toMatchObject({ password: "s3cr3t", host: "cache", port: "6379", path: "/0" });
    expect(parseUrl("http", "vault.vault.svc:8200/v1/sys/health")).toMatchObject({ password: null, host: "vault.vault.svc", port: "8200", path: "/v1/sys/health" });
  });

  it("finds the call or block a setting belongs to, else its indented siblings", () => {
    // carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
    const code = 'client = Client(host="db", password=pw, ssl=False)\nother(ssl=False)\n';
    const region = enclosingRegion(code, code.indexOf("ssl=False"));
    // carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
    expect(code.slice(region.start, region.end)).toBe('(host="db", password=pw, ssl=False)');
    // carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
    const yaml = "redis:\n  host: cache\n  ssl: false\n  password: x\nkafka:\n  ssl: true\n";
    const block = enclosingRegion(yaml, yaml.indexOf("ssl: false"));
    // carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
    expect(yaml.slice(block.start, block.end)).toBe("  host: cache\n  ssl: false\n  password: x");
  });

  it("decodes base64 and tells binary from text", () => {
    expect(decodeBase64("czNjcjN0LWZha2UtcGFzc3dvcmQ=")).toEqual({ text: "s3cr3t-fake-password", binary: false });
    expect(decodeBase64("not base64!")).toBeNull();
    expect(decodeBase64("/////w==")?.binary).toBe(true);
  });
});

describe("rules run on their own handlers", () => {
  it("rotation-policy-violation takes the policy from the config's `rotation:`", async () => {
    const certificate = "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ingest\nspec:\n  duration: 720h\n  renewBefore: 240h\n";
    const byDefault = await run(rotationPolicyViolation, { "deploy/cert.yaml": certificate });
    expect(byDefault.reports).toEqual([]);
    const stricter = await run(rotationPolicyViolation, { "deploy/cert.yaml": certificate }, { rotation: { apiKeys: 90, databasePasswords: 60, serviceCertificates: 14, adminCredentials: 30 } });
    expect(stricter.reports.map((r) => [r.messageId, r.data?.policy])).toEqual([["certDuration", "14 days"]]);
  });

  it("shared-env-credentials shares hashes, never values, and reports both places with the value as a secret", async () => {
    const { reports, shared } = await run(sharedEnvCredentials, {
      "configs/environments/staging/app.env": "REDIS_PASSWORD=Sr5kP9wN3xQz7Lm2\n",
      "configs/environments/production/app.env": "REDIS_PASSWORD=Sr5kP9wN3xQz7Lm2\n",
    });
    expect(JSON.stringify(shared)).not.toContain("Sr5kP9wN3xQz7Lm2");
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      expect(report.secret).toBe("Sr5kP9wN3xQz7Lm2");
      expect(JSON.stringify(report.data)).not.toContain("st4ging");
    }
  });

  it("no rule puts a value it reports into its message data", async () => {
    const files = {
      "deploy/k8s/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: s3cr3t-fake-password\n",
      "deploy/k8s/app.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: DB_PASSWORD\n              value: s3cr3t-fake-password\n",
      // carbon-secret-lint-disable-next-line insecure-transport -- test input for the rule
      "configs/environments/production/app.env": "REDIS_URL=redis://:s3cr3t-fake-password@redis:6379/0\n",
    };
    for (const rule of RULES) {
      const { reports } = await run(rule, files);
      for (const report of reports) expect(JSON.stringify(report.data ?? {}), rule.meta.id).not.toContain("s3cr3t");
    }
  });
});

describe("every manifest rule stays linear on hostile input", () => {
  const long = "a".repeat(50_000);
  const hostile: Record<string, string> = {
    "deploy/k8s/huge.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  VAULT_ADDR: "${"-".repeat(30_000)}http://${long}"\n  k: "${"code=".repeat(5000)}"\n` + "  - name: a\n".repeat(2000),
    "scripts/setup.sh": `curl ${"-kkkk".repeat(10_000)} ${"-".repeat(20_000)}\nvault policy write ${"-a ".repeat(10_000)}\nvault write database/roles/${"a/".repeat(10_000)}\n`,
    "docs/runbook.md": `# ${"a ".repeat(20_000)}b\n- ${"`".repeat(20_000)}\n${"## x\n".repeat(5000)}`,
    "vault/config.hcl": `${"{".repeat(20_000)}\n${'path "' + "*".repeat(20_000)}\n${"<<".repeat(10_000)}\n`,
    "configs/environments/production/app.env": `KEY=${"${".repeat(20_000)}\nSSL=${"(".repeat(20_000)} ssl=False\n`,
  };

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s", async (_id, rule) => {
    const started = performance.now();
    await run(rule, hostile);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("each rule's documented examples", () => {
  // Project rules judge a repository: the examples run beside a file that shows it keeps secrets.
  const anchor = { "deploy/k8s/vault-secrets.yaml": "apiVersion: secrets.hashicorp.com/v1beta1\nkind: VaultStaticSecret\nmetadata:\n  name: s\nspec:\n  refreshAfter: 1h\n" };
  const withAnchor = (rule: Rule, files: Record<string, string>) => (rule.meta.scope === "project" ? { ...anchor, ...files } : files);

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s: the bad example is reported and the good one is not", async (_id, rule) => {
    const { bad, good } = rule.meta.docs;
    const second = (path: string) => (rule.meta.id === "shared-env-credentials" ? { [path.replace("production", "staging")]: "CLICKHOUSE_PASSWORD=Tg7pW2qLx9vR4mZs\n" } : {});
    expect((await run(rule, withAnchor(rule, { [bad.path]: bad.code, ...second(bad.path) }))).reports.length).toBeGreaterThan(0);
    expect((await run(rule, withAnchor(rule, { [good.path]: good.code, ...second(good.path) }))).reports.filter((r) => r.severity !== "info")).toEqual([]);
  });
});

describe("Helm templates that render one value of the chart", () => {
  it.each([
    ["{{ .Values.config.postgresDsn | quote }}", { path: "config.postgresDsn", fallback: null }],
    ['{{- .Values.auth.token | default "x1" | quote -}}', { path: "auth.token", fallback: "x1" }],
    ["{{ default 'x2' .Values.auth.token }}", { path: "auth.token", fallback: "x2" }],
    ['"{{ .Values.a-b.c }}"', { path: "a-b.c", fallback: null }],
  ])("%s is a reference to the values", (template, expected) => {
    expect(valuesReference(template)).toEqual(expected);
  });

  it.each(["{{ include \"x.dsn\" . }}", "{{ printf \"%s\" .Values.a }}", "{{ .Values.a }}-{{ .Values.b }}", "{{ $dsn }}", "{{ .Values.a | b64enc }}", "plain"])(
    "%s is not one",
    (template) => expect(valuesReference(template)).toBeNull(),
  );

  it("finds the chart of a template by the Chart.yaml above its templates/ folder", () => {
    const files = new Set(["charts/access/Chart.yaml", "charts/access/values.yaml"]);
    const has = (path: string) => files.has(path);
    expect(chartOf("charts/access/templates/configmap.yaml", has)).toBe("charts/access");
    expect(chartOf("charts/access/templates/sub/cm.yaml", has)).toBe("charts/access");
    expect(chartOf("k8s/configmap.yaml", has)).toBeNull();
    expect(valuesFileOf("charts/access", has)).toBe("charts/access/values.yaml");
  });
});
