import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKLIST } from "../src/core/checklist.js";
import { checklistData } from "../src/core/checklist-data.js";
import { buildConfigSchema } from "../src/config/schema.js";
import { renderDiagnosticDoc, renderRuleDoc, withRulesTable } from "../src/core/rule-docs.js";
import { DIAGNOSTICS } from "../src/engine/diagnostics.js";
import { CHECKLIST_IDS } from "../src/core/types.js";
import { RULES } from "../src/rules/index.js";

const root = new URL("../", import.meta.url).pathname;
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const REGENERATE = "stale: run `npm run generate`";

// Items no rule decides yet; this list may only shrink (it is empty: every item has a rule).
const NOT_YET_SERVED: string[] = [];

describe("every rule is whole", () => {
  const ruleFiles = readdirSync(`${root}src/rules`).filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => f.replace(/\.ts$/, ""));

  it("each rule file is registered under its own name, sorted", () => {
    expect(RULES.map((r) => r.meta.id)).toEqual([...ruleFiles].sort());
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it("has valid and invalid fixture cases", () => {
        for (const kind of ["valid", "invalid"]) {
          const dir = `${root}fixtures/${rule.meta.id}/${kind}`;
          expect(existsSync(dir) && readdirSync(dir).length > 0, `fixtures/${rule.meta.id}/${kind}/ has cases`).toBe(true);
        }
      });
      it("has a current docs page", () => {
        expect(read(`docs/rules/${rule.meta.id}.md`), REGENERATE).toBe(renderRuleDoc(rule));
      });
      it("names checklist items that exist, and complete metadata", () => {
        expect(rule.meta.checklist.length).toBeGreaterThan(0);
        for (const id of rule.meta.checklist) expect(CHECKLIST_IDS).toContain(id);
        expect(rule.meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        for (const [name, option] of Object.entries(rule.meta.options ?? {})) {
          expect(option.description, `option ${name} is described`).toBeTruthy();
        }
      });
    });
  }

  it("the engine's diagnostics have current docs pages, and no id is both a rule and a diagnostic", () => {
    for (const diagnostic of DIAGNOSTICS) {
      expect(read(`docs/rules/${diagnostic.id}.md`), REGENERATE).toBe(renderDiagnosticDoc(diagnostic));
      expect(RULES.map((r) => r.meta.id)).not.toContain(diagnostic.id);
    }
  });

  it("the README's rules table lists every rule as its metadata says, with what it reads", () => {
    const readme = read("README.md");
    expect(readme, REGENERATE).toBe(withRulesTable(readme, RULES));
  });

  it("no docs page is left for a rule that is gone", () => {
    expect(readdirSync(`${root}docs/rules`).sort()).toEqual([...RULES.map((r) => `${r.meta.id}.md`), ...DIAGNOSTICS.map((d) => `${d.id}.md`)].sort());
  });
});

describe("the checklist", () => {
  it("has the guide's ten items, each with a title and what decides it", () => {
    expect(CHECKLIST.map((c) => c.id)).toEqual([...CHECKLIST_IDS]);
    for (const item of CHECKLIST) expect(item.decidedBy.length).toBeGreaterThan(10);
  });

  it("every item is served by a rule, except those whose rules have not landed yet", () => {
    const unserved = CHECKLIST.filter((item) => !RULES.some((r) => r.meta.checklist.includes(item.id))).map((i) => i.id);
    expect(unserved).toEqual(NOT_YET_SERVED);
  });

  it("checklist/checklist.json is current", () => {
    expect(JSON.parse(read("checklist/checklist.json")), REGENERATE).toEqual(JSON.parse(JSON.stringify(checklistData(CHECKLIST, RULES))));
  });
});

describe("the config schema", () => {
  it("the validator compiled ahead of time is the schema's (src/config/validator.generated.ts)", async () => {
    const script = new URL("../scripts/config-validator.mjs", import.meta.url).pathname;
    const { VALIDATOR_PATH, validatorSource } = (await import(script)) as { VALIDATOR_PATH: string; validatorSource(schema: unknown): string };
    expect(read(VALIDATOR_PATH) === validatorSource(buildConfigSchema(RULES)), REGENERATE).toBe(true);
  });

  it("schema/carbon-secret-lint.schema.json is current", () => {
    expect(JSON.parse(read("schema/carbon-secret-lint.schema.json")), REGENERATE).toEqual(buildConfigSchema(RULES));
  });
});
