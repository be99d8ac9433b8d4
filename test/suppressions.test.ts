import { describe, expect, it } from "vitest";
import { parseSuppressions } from "../src/engine/suppressions.js";

// Built at run time so that this file does not carry directives of its own.
const D = "carbon-secret-lint-" + "disable";

describe("inline suppressions", () => {
  it("read in any comment syntax, with the rule list and the reason", () => {
    const text = [
      `# ${D}-next-line hardcoded-secret -- test fixture`,
      `token = "x"  // ${D}-line hardcoded-secret, secret-in-log -- documented default`,
      `<!-- ${D}-next-line hardcoded-secret -- sample in a runbook -->`,
      `/* ${D}-line committed-env-file -- kept */`,
      `-- ${D}-next-line hardcoded-secret -- SQL seed`,
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
    expect(parseSuppressions(`# ${D}-next-line\n`)).toMatchObject([{ ruleIds: [], reason: null }]);
    expect(parseSuppressions(`# ${D}-next-line hardcoded-secret\n`)).toMatchObject([{ ruleIds: ["hardcoded-secret"], reason: null }]);
  });

  it("mentions in prose and string literals are not directives", () => {
    const text = [
      `Write \`# ${D}-next-line <rule> -- reason\` above the line.`,
      `const example = "# ${D}-line hardcoded-secret -- x";`,
      `see ${D}-line in the docs`,
    ].join("\n");
    expect(parseSuppressions(text)).toEqual([]);
  });

  it("in Markdown, only HTML comments are directives: a `#` line in a code block is an example", () => {
    const text = ["```python", `# ${D}-next-line hardcoded-secret -- example`, "```", `<!-- ${D}-next-line hardcoded-secret -- runbook sample -->`].join("\n");
    expect(parseSuppressions(text, "markdown").map((d) => d.line)).toEqual([4]);
  });
});
