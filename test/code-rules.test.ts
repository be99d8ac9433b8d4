import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Rule } from "../src/core/types.js";
import missingStartupValidation from "../src/rules/missing-startup-validation.js";
import secretInLog from "../src/rules/secret-in-log.js";
import { scan } from "../src/engine/scan.js";
import { listCases } from "./helpers/fixtures.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

// The code rules' case counts and docs examples; test/rules.test.ts runs every case.
const RULES: readonly Rule[] = [secretInLog, missingStartupValidation];
const byId = new Map(RULES.map((r) => [r.meta.id, r]));
const cases = listCases().filter((c) => byId.has(c.rule));

afterAll(removeTempDirs);

/** The language family a case is written in, by its code files. */
function languageOf(dir: string): "python" | "javascript" | "other" {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => join(dir, f));
  if (files.some((f) => f.endsWith(".py"))) return "python";
  if (files.some((f) => /\.[cm]?[jt]sx?$/.test(f))) return "javascript";
  return "other";
}

describe("each code rule has the cases issue 4 asks for", () => {
  for (const rule of RULES) {
    for (const language of ["python", "javascript"] as const) {
      for (const validity of ["valid", "invalid"] as const) {
        it(`${rule.meta.id}: at least 20 ${validity} ${language} cases`, () => {
          const count = cases.filter((c) => c.rule === rule.meta.id && c.validity === validity && languageOf(c.dir) === language).length;
          expect(count).toBeGreaterThanOrEqual(20);
        });
      }
    }
  }
});

describe("each code rule's docs examples", () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s: the bad example is reported, the good one is not", async (_, rule) => {
    for (const [example, count] of [[rule.meta.docs.bad, 1], [rule.meta.docs.good, 0]] as const) {
      const root = makeRepo({ [example.path]: example.code, "services/ingest/requirements.txt": "fastapi\n" });
      const result = await scan({ root, rules: [rule] });
      expect(result.findings.filter((f) => f.ruleId === rule.meta.id).length, example.path).toBeGreaterThanOrEqual(count);
      if (count === 0) expect(result.findings.filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
    }
  });
});

describe("secret-in-log severities", () => {
  it("is an error for a password, token or key, a warning for a connection URL that may or may not embed one", async () => {
    const code = [
      "import logging",
      "import os",
      "",
      "logger = logging.getLogger(__name__)",
      'redis_url = os.getenv("REDIS_URL")',
      'clickhouse_password = os.getenv("CLICKHOUSE_PASSWORD")',
      'logger.info("cache at %s", redis_url)',
      'logger.info("password %s", clickhouse_password)',
      'raise RuntimeError(f"cannot reach {redis_url}")',
      "",
    ].join("\n");
    const root = makeRepo({ "services/ingest/app/cache.py": code, "services/ingest/requirements.txt": "fastapi\n" });
    const result = await scan({ root, rules: [secretInLog] });
    expect(result.findings.map((f) => [f.line, f.severity])).toEqual([
      [7, "warning"],
      [8, "error"],
      [9, "warning"],
    ]);
    expect(result.findings[0]!.message).toContain("connection URL");
  });
});
