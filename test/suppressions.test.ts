import { describe, expect, it } from "vitest";
import { parseSuppressions } from "../src/engine/suppressions.js";

describe("inline suppressions", () => {
  it("read in any comment syntax, with the rule list and the reason", () => {
    const text = [
      "# carbon-secret-lint-disable-next-line hardcoded-secret -- test fixture",
      'token = "x"  // carbon-secret-lint-disable-line hardcoded-secret, secret-in-log -- documented default',
      "<!-- carbon-secret-lint-disable-next-line hardcoded-secret -- sample in a runbook -->",
      "/* carbon-secret-lint-disable-line committed-env-file -- kept */",
      "-- carbon-secret-lint-disable-next-line hardcoded-secret -- SQL seed",
    ].join("\n");
    expect(parseSuppressions(text).map(({ line, targetLine, ruleIds, reason }) => ({ line, targetLine, ruleIds, reason }))).toEqual([
      { line: 1, targetLine: 2, ruleIds: ["hardcoded-secret"], reason: "test fixture" },
      { line: 2, targetLine: 2, ruleIds: ["hardcoded-secret", "secret-in-log"], reason: "documented default" },
      { line: 3, targetLine: 4, ruleIds: ["hardcoded-secret"], reason: "sample in a runbook" },
      { line: 4, targetLine: 4, ruleIds: ["committed-env-file"], reason: "kept" },
      { line: 5, targetLine: 6, ruleIds: ["hardcoded-secret"], reason: "SQL seed" },
    ]);
  });

  it("a directive without a reason or rule is still read, so it can be reported", () => {
    expect(parseSuppressions("# carbon-secret-lint-disable-next-line\n")).toMatchObject([{ ruleIds: [], reason: null }]);
    expect(parseSuppressions("# carbon-secret-lint-disable-next-line hardcoded-secret\n")).toMatchObject([{ ruleIds: ["hardcoded-secret"], reason: null }]);
  });

  it("mentions in prose and string literals are not directives", () => {
    const text = [
      "Write `# carbon-secret-lint-disable-next-line <rule> -- reason` above the line.",
      'const example = "# carbon-secret-lint-disable-line hardcoded-secret -- x";',
      "see carbon-secret-lint-disable-line in the docs",
    ].join("\n");
    expect(parseSuppressions(text)).toEqual([]);
  });
});
