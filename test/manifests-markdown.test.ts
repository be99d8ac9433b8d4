import { describe, expect, it } from "vitest";
import type { ChecklistResult, Finding, ScanResult } from "../src/core/types.js";
import { cell, formatMarkdown, MAX_FINDING_ROWS } from "../src/reporters/markdown.js";

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: "k8s-plaintext-secret",
    severity: "error",
    path: "deploy/k8s/secrets.yaml",
    role: "deployable",
    line: 9,
    column: 3,
    endLine: 9,
    endColumn: 40,
    message: "Secret `carbon-ingestion-secrets` keeps `clickhouse_password` in plaintext.",
    checklist: ["encrypted-at-rest"],
    secret: "czNj…cmQ=",
    fingerprint: "0123456789abcdef0123456789abcdef",
    commit: null,
    ...overrides,
  };
}

function result(findings: Finding[], checklist: ChecklistResult[] = []): ScanResult {
  return {
    version: 1,
    tool: { name: "carbon-secret-lint", version: "0.1.0" },
    root: "/repo",
    scope: "worktree",
    findings,
    checklist,
    stats: { files: 12, bytes: 3400, skipped: [], durationMs: 40, threads: 1 },
    notices: [],
    suppressed: 0,
    rules: [],
  };
}

const CHECKLIST: ChecklistResult[] = [
  { id: "secrets-in-store", title: "All secrets stored in Vault or Kubernetes Secrets", status: "pass", evidence: ["deploy/k8s/vault.yaml:3: a VaultStaticSecret", "deploy/k8s/ingest.yaml:20: secretKeyRef"] },
  { id: "encrypted-at-rest", title: "Secrets encrypted at rest", status: "fail", evidence: ["deploy/k8s/secrets.yaml:9: k8s-plaintext-secret: Secret keeps a value in plaintext"] },
  { id: "audit-logging", title: "Access audit logging enabled", status: "unknown", evidence: ["nothing in the repository decides it"] },
  { id: "auth-failure-alerts", title: "Monitoring alerts configured for auth failures", status: "not-applicable", evidence: ["no secrets here"] },
];

describe("formatMarkdown", () => {
  it("starts with a heading and a one-line total", () => {
    const text = formatMarkdown(result([finding(), finding({ severity: "warning", line: 12 }), finding({ severity: "info", line: 14 })], CHECKLIST));
    const lines = text.split("\n");
    expect(lines[0]).toBe("## carbon-secret-lint 0.1.0");
    expect(lines[2]).toBe("**1 error**, 1 warning, 1 info · checklist 1 pass, 1 fail, 1 unknown, 1 n/a · 12 files scanned");
  });

  it("renders the checklist as a table with a status, the id, the title and the first evidence", () => {
    const text = formatMarkdown(result([], CHECKLIST));
    expect(text).toContain("| | Item | Checklist | Evidence |");
    expect(text).toContain("| ✅ pass | `secrets-in-store` | All secrets stored in Vault or Kubernetes Secrets | deploy/k8s/vault.yaml:3: a VaultStaticSecret (+1 more) |");
    expect(text).toContain("| ❌ fail | `encrypted-at-rest` |");
    expect(text).toContain("| ❔ unknown | `audit-logging` |");
    expect(text).toContain("| ➖ n/a | `auth-failure-alerts` |");
  });

  it("groups findings by file, one table each, in the order given", () => {
    const text = formatMarkdown(result([finding(), finding({ path: "docker-compose.yml", line: 7, ruleId: "k8s-literal-secret-env", severity: "warning", message: "Compose service `db` sets `POSTGRES_PASSWORD`." })]));
    const secrets = text.indexOf("#### `deploy/k8s/secrets.yaml`");
    const compose = text.indexOf("#### `docker-compose.yml`");
    expect(secrets).toBeGreaterThan(0);
    expect(compose).toBeGreaterThan(secrets);
    expect(text).toContain("| 🔴 error | 9 | `k8s-plaintext-secret` | Secret `carbon-ingestion-secrets` keeps `clickhouse_password` in plaintext. |");
    expect(text).toContain("| 🟠 warning | 7 | `k8s-literal-secret-env` |");
  });

  it("escapes pipes, newlines and HTML so a message cannot break the table", () => {
    const text = formatMarkdown(result([finding({ message: "a | b\nsecond line <script>alert(1)</script> & `x | y`" })]));
    const row = text.split("\n").find((l) => l.startsWith("| 🔴"))!;
    expect(row).toBe("| 🔴 error | 9 | `k8s-plaintext-secret` | a \\| b<br>second line &lt;script&gt;alert(1)&lt;/script&gt; &amp; `x \\| y` |");
    // a table row has exactly its five unescaped pipes
    expect(row.replace(/\\\|/g, "").split("|").length - 1).toBe(5);
  });

  it("leaves code spans literal, where entities would show as text", () => {
    expect(cell("use `<your-key>` here <b>")).toBe("use `<your-key>` here &lt;b&gt;");
    expect(cell("``a ` b`` and `c\nd`")).toBe("``a ` b`` and `c d`");
    expect(cell("a lone ` backtick <x>")).toBe("a lone ` backtick &lt;x&gt;");
  });

  it("escapes the file heading and the checklist evidence too", () => {
    const text = formatMarkdown(result([finding({ path: "odd/`name`.yaml" })], [{ ...CHECKLIST[0]!, evidence: ["a | b <i>"] }]));
    expect(text).toContain("#### ``odd/`name`.yaml``");
    expect(text).toContain("| a \\| b &lt;i&gt; |");
  });

  it(`shows at most ${MAX_FINDING_ROWS} findings and says how many more there are`, () => {
    const many = Array.from({ length: 230 }, (_, i) => finding({ path: `deploy/k8s/app-${String(Math.floor(i / 50)).padStart(2, "0")}.yaml`, line: i + 1 }));
    const text = formatMarkdown(result(many));
    const rows = text.split("\n").filter((l) => /^\| (🔴|🟠|🔵) /.test(l));
    expect(rows).toHaveLength(MAX_FINDING_ROWS);
    expect(text).toContain("…and 30 more findings");
    expect(text).not.toContain("app-04.yaml");
  });

  it("says so when there is nothing to report", () => {
    expect(formatMarkdown(result([], CHECKLIST))).toContain("### Findings\n\nNo findings.\n");
  });

  it("is a pure function of the result", () => {
    const input = result([finding()], CHECKLIST);
    const copy = structuredClone(input);
    expect(formatMarkdown(input)).toBe(formatMarkdown(copy));
    expect(input).toEqual(copy);
  });
});
