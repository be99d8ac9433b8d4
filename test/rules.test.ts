import { afterAll, describe, it } from "vitest";
import { expectCase, listCases } from "./helpers/fixtures.js";
import { removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

/**
 * Each fixture case is a tiny repository. Lines marked `ruleid: <rule>` must get a finding
 * of that rule on the next line, and nothing else in the case may; `todoruleid` / `todook`
 * keep known misses and false alarms visible: they fail once fixed, to be promoted.
 */
describe.each(listCases())("$rule/$validity/$name", (fixture) => {
  it("reports exactly what the case marks", async () => {
    await expectCase(fixture);
  });
});
