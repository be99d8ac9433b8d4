import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { scan } from "../src/engine/scan.js";
import type { ScanResult } from "../src/core/types.js";
import { formatGithub } from "../src/reporters/github.js";
import { formatSarif } from "../src/reporters/sarif.js";
import committedEnvFile from "../src/rules/committed-env-file.js";
import { markerRule } from "./helpers/marker-rule.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";
import { sarifValidator } from "./helpers/sarif.js";

afterAll(removeTempDirs);

const SECRET = "MARKER_" + "charliecharlie42";

async function sampleResult(count = 1): Promise<ScanResult> {
  const lines = Array.from({ length: count }, (_, i) => `KEY_${i} = "${SECRET}${i}"`).join("\n");
  const repo = makeRepo({ "src/my app/config.py": lines + "\n", ".env": "A=1\n", ".gitignore": ".env\n" });
  return scan({ root: repo, config: defaultConfig(), rules: [markerRule, committedEnvFile] });
}

describe("SARIF", () => {
  it("is valid against the official SARIF 2.1.0 schema, with one descriptor per rule and stable fingerprints", async () => {
    const result = await sampleResult();
    const sarif = JSON.parse(formatSarif(result, { docsBaseUrl: "https://example.invalid/docs/rules/" }));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual(["committed-env-file", "test-marker"]);
    const marker = run.tool.driver.rules.find((r: { id: string }) => r.id === "test-marker");
    expect(marker).toMatchObject({ helpUri: "https://example.invalid/docs/rules/test-marker.md", properties: { tags: expect.arrayContaining(["security", "external/cwe/cwe-798"]) } });
    const found = run.results.find((r: { ruleId: string }) => r.ruleId === "test-marker");
    expect(found.partialFingerprints["carbonSecretLint/v1"]).toMatch(/^[0-9a-f]{32}$/);
    expect(found.locations[0].physicalLocation.artifactLocation.uri).toBe("src/my%20app/config.py");
    expect(run.properties.checklist).toHaveLength(10);
  });

  it("never carries the secret whole", async () => {
    const text = formatSarif(await sampleResult());
    expect(text).not.toContain(SECRET);
  });
});

describe("GitHub annotations", () => {
  it("escape messages and properties by the workflow-command rules", async () => {
    const out = formatGithub(await sampleResult());
    const line = out.split("\n").find((l) => l.startsWith("::error file=src/my app/config.py"))!;
    expect(line).toContain(",line=1,endLine=1,col=");
    expect(line).toContain("title=test-marker (no-secrets-in-source)");
    expect(line.split("::")[2]).toBe("a marker value with 100%25 certainty, a comma, and a colon: here");
    expect(out).not.toContain(SECRET);
  });

  it("show the most severe first, ten of a kind, and count the rest", async () => {
    const out = formatGithub(await sampleResult(14));
    const errors = out.split("\n").filter((l) => l.startsWith("::error "));
    expect(errors).toHaveLength(10);
    expect(out).toMatch(/::notice title=carbon-secret-lint::5 more findings not annotated/);
  });
});
