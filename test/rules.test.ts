import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { scan } from "../src/engine/scan.js";
import { listCases, materialise, readAnnotations } from "./helpers/fixtures.js";
import { removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

const key = (f: { path: string; line: number; rule: string }) => `${f.path}:${f.line} ${f.rule}`;

/**
 * Each fixture case is a tiny repository. Lines marked `ruleid: <rule>` must get a finding
 * of that rule on the next line, and nothing else in the case may; `todoruleid` / `todook`
 * keep known misses and false alarms visible: they fail once fixed, to be promoted.
 */
describe.each(listCases())("$rule/$validity/$name", (fixture) => {
  it("reports exactly what the case marks", async () => {
    const root = materialise(fixture);
    const config = defaultConfig();
    for (const setting of config.rules.values()) setting.severity = "off";
    config.rules.get(fixture.rule)!.severity = "error";
    const result = await scan({ root, config });
    const annotations = readAnnotations(root).filter((a) => a.rule === fixture.rule);
    const expected = new Set([
      ...annotations.filter((a) => a.kind === "ruleid" || a.kind === "todook").map(key),
      ...(fixture.expect.findings ?? []).filter((f) => f.rule === fixture.rule).map(key),
    ]);
    const actual = new Set(result.findings.filter((f) => f.ruleId === fixture.rule).map((f) => key({ ...f, rule: f.ruleId })));
    expect([...actual].sort()).toEqual([...expected].sort());
    if (fixture.validity === "valid") expect(expected.size, "a valid case is silent unless a todook marks a known false alarm").toBe(annotations.filter((a) => a.kind === "todook").length);
    else expect(expected.size, "an invalid case marks at least one finding").toBeGreaterThan(0);
    for (const [id, status] of Object.entries(fixture.expect.checklist ?? {})) {
      expect({ id, status: result.checklist.find((c) => c.id === id)?.status }).toEqual({ id, status });
    }
  });
});
