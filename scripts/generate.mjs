#!/usr/bin/env node
// Writes what is generated from the source: the rules' docs pages, the README's rules table, the config schema, its
// validator compiled ahead of time, and the checklist data. Run after `npm run build` (then build
// again: the validator is source); test/parity.test.ts fails when these are stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { buildConfigSchema, CHECKLIST, checklistData, DIAGNOSTICS, RULES, renderDiagnosticDoc, renderRuleDoc, withRulesTable } from "../dist/index.js";
import { VALIDATOR_PATH, validatorSource } from "./config-validator.mjs";

const root = new URL("../", import.meta.url).pathname;
mkdirSync(`${root}docs/rules`, { recursive: true });
for (const file of readdirSync(`${root}docs/rules`)) {
  if (![...RULES.map((r) => r.meta.id), ...DIAGNOSTICS.map((d) => d.id)].some((id) => `${id}.md` === file)) rmSync(`${root}docs/rules/${file}`);
}
for (const rule of RULES) writeFileSync(`${root}docs/rules/${rule.meta.id}.md`, renderRuleDoc(rule));
for (const diagnostic of DIAGNOSTICS) writeFileSync(`${root}docs/rules/${diagnostic.id}.md`, renderDiagnosticDoc(diagnostic));
mkdirSync(`${root}schema`, { recursive: true });
writeFileSync(`${root}schema/carbon-secret-lint.schema.json`, JSON.stringify(buildConfigSchema(RULES), null, 2) + "\n");
writeFileSync(`${root}${VALIDATOR_PATH}`, validatorSource(buildConfigSchema(RULES)));
mkdirSync(`${root}checklist`, { recursive: true });
writeFileSync(`${root}checklist/checklist.json`, JSON.stringify(checklistData(CHECKLIST, RULES), null, 2) + "\n");
writeFileSync(`${root}README.md`, withRulesTable(readFileSync(`${root}README.md`, "utf8"), RULES));
console.error(`generated the README's rules table, ${RULES.length} rule pages, ${DIAGNOSTICS.length} diagnostic pages, the config schema, its validator and the checklist`);
