// Issue 17: a repository's own config may add custom patterns, so what they can cost must not
// depend on who wrote them: they run on RE2 (linear time), what RE2 cannot run is refused with
// a reason, and nothing a config holds is quoted back in an error. A suppression needs a reason.
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCustomDetector, findSecrets } from "../src/detectors/index.js";
import { BASE62, fake, fakePassword } from "../src/detectors/samples.js";
import { cli, cliJson } from "./helpers/cli.js";
import { makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

/** A backtracking engine takes minutes to hours on each of these; RE2 takes milliseconds. */
const HANG_GUARD_MS = 20_000;

/** A repository whose config adds one custom pattern; JSON is YAML, so the pattern's backslashes survive as written. */
function repoWithPattern(pattern: { id: string; pattern: string; keywords?: string[] }, files: Record<string, string>): string {
  return makeRepo({ ".gitignore": ".env\n", ".carbon-secret-lint.yaml": `patterns:\n  - ${JSON.stringify(pattern)}\n`, ...files });
}

describe("custom patterns run in linear time", () => {
  const hostile = [
    { pattern: "acme_(a|aa)+$", line: `acme_${"a".repeat(60)}!` },
    { pattern: "(a|a)*$", line: `${"a".repeat(80)}!` },
    { pattern: "((a+))+$", line: `${"a".repeat(80)}!` },
    { pattern: String.raw`(\w|\d)+$`, line: `${"1".repeat(80)}!` },
    { pattern: "(?:a|ab|b)*c", line: "ab".repeat(40) },
    { pattern: ".*.*.*.*=x", line: "a".repeat(100) },
    { pattern: String.raw`\s*\s*\s*\s*x`, line: `key${" ".repeat(96)}!` },
    { pattern: "(a+)+$", line: `${"a".repeat(80)}!` },
  ];

  // Polynomial blow-ups (.*.*.*.*) take a second a line there, so the file has many.
  it.each(hostile)("$pattern on 200 crafted lines of $line.length characters", async ({ pattern, line }) => {
    const repo = repoWithPattern({ id: "hostile", pattern }, { "notes.txt": `${line}\n`.repeat(200) });
    const run = await cliJson(["."], repo);
    expect(run.stderr).toBe("");
    expect(run.report.findings.filter((f) => f.path === "notes.txt")).toEqual([]);
  }, HANG_GUARD_MS);

  it("refuses a 40,000-branch alternation at config load, before compiling it", async () => {
    const pattern = `(?:${"a|".repeat(39_999)}a)*$`;
    const repo = repoWithPattern({ id: "branches", pattern }, { "notes.txt": `${"a".repeat(60)}!\n` });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`patterns.branches: refused: the pattern is ${pattern.length.toLocaleString("en-US")} characters long; at most 1,000 are allowed`);
    expect(run.stderr).not.toContain("a|a|");
  }, HANG_GUARD_MS);

  it("refuses a pattern whose compiled program is too large, with the count", async () => {
    const repo = repoWithPattern({ id: "huge", pattern: "[a-z]{1000}".repeat(10) }, { "notes.txt": "x\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/patterns\.huge: refused: the pattern compiles to 10,\d{3} instructions; at most 2,000 are allowed/);
  }, HANG_GUARD_MS);

  it.each([
    { what: "a backreference", pattern: String.raw`(['"])[a-z]{8}\1`, reason: /backreference \(\\1 … \\9, \\k<name>\)/ },
    { what: "a lookbehind", pattern: "(?<![a-z])acme_[a-z]{8}", reason: /lookaround/ },
    { what: "a lookahead", pattern: "acme_(?=[a-z])[a-z]{8}", reason: /lookaround/ },
    { what: "a JavaScript \\u escape", pattern: String.raw`acme\u005f[a-z]{8}`, reason: /invalid escape sequence at character 5/ },
  ])("refuses $what with a reason that names the pattern but does not quote it", async ({ pattern, reason }) => {
    const repo = repoWithPattern({ id: "unsupported", pattern }, { "notes.txt": "x\n" });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/patterns\.unsupported: refused: /);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toContain(pattern);
  });

  it("finds an ordinary custom pattern's token, written in RE2 syntax", async () => {
    const token = fake("acme_", 24, "abcdefghijklmnopqrstuvwxyz0123456789", "custom-acme");
    const repo = repoWithPattern({ id: "acme-key", pattern: "(?i)acme_(?P<secret>[a-z0-9]{24})", keywords: ["acme_"] }, { "config.txt": `token = ${token.toUpperCase()}\n` });
    const run = await cliJson(["."], repo);
    expect(run.stderr).toBe("");
    expect(run.report.findings).toMatchObject([{ ruleId: "hardcoded-secret", path: "config.txt", line: 1, column: 14 }]);
    expect(run.report.findings[0]!.message).toContain("acme-key");
  });

  it("runs a pattern with keywords only on a text where one occurs", () => {
    const pattern = "tkt_(?<secret>[0-9a-f]{16})";
    const text = `ticket = ${fake("tkt_", 16, "0123456789abcdef", "keyword-gated")}`;
    expect(findSecrets(text, [createCustomDetector({ id: "ticket", pattern })])).toHaveLength(1);
    expect(findSecrets(text, [createCustomDetector({ id: "ticket", pattern, keywords: ["never-present"] })])).toEqual([]);
  });

  it("reports offsets in UTF-16 code units, as the rest of the scan counts them", () => {
    const detector = createCustomDetector({ id: "acme-key", pattern: "acme_(?<secret>[A-Za-z0-9]{20})" });
    const secret = fake("", 20, BASE62, "utf16-offsets");
    const text = `😀 é key = acme_${secret}`;
    expect(findSecrets(text, [detector])).toMatchObject([{ secret, start: text.indexOf(secret), end: text.length }]);
  });
});

describe("a suppression comment silences only with a reason", () => {
  const secretLine = (comment: string) => `DB_PASSWORD = "${fakePassword("reasonless-suppression")}"  # ${comment}\n`;

  it("reports the finding a reason-less comment names, and the comment as invalid", async () => {
    const repo = makeRepo({
      ".gitignore": ".env\n",
      "svc/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored\n!.env\n",
      "svc/package.json": "{}\n",
      "svc/config.py": secretLine("carbon-secret-lint-disable-line hardcoded-secret"),
    });
    const run = await cliJson(["."], repo);
    expect(run.report.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`).sort()).toEqual([
      "env-not-gitignored svc/.gitignore:2",
      "hardcoded-secret svc/config.py:1",
      "invalid-suppression svc/.gitignore:1",
      "invalid-suppression svc/config.py:1",
    ]);
    expect(run.status).toBe(1);
  });

  it("still silences with one", async () => {
    const repo = makeRepo({
      ".gitignore": ".env\n",
      "svc/.gitignore": "# carbon-secret-lint-disable-next-line env-not-gitignored -- the local override is documented\n!.env\n",
      "svc/package.json": "{}\n",
      "svc/config.py": secretLine("carbon-secret-lint-disable-line hardcoded-secret -- a test double"),
    });
    const run = await cliJson(["."], repo);
    expect(run.report.findings).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe("config errors quote nothing the config holds", () => {
  const token = (seed: string) => fake("ghp_", 36, BASE62, seed);
  /** Every four characters of the token's body that show in the output: redaction would leave some. */
  const piecesShown = (output: string, secret: string) =>
    Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(4 + i, 8 + i)).filter((piece) => output.includes(piece));

  it("describes an unknown key, an unknown rule and a bad value without showing them", async () => {
    const [key, value, rule, failOn] = [token("config-key"), token("config-value"), token("config-rule"), token("config-fail-on")];
    const repo = makeRepo({ ".carbon-secret-lint.yaml": `${key}: ${value}\nfailOn: ${failOn}\nrules:\n  ${rule}: error\nexclud: [x]\n` });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    for (const secret of [key, value, rule, failOn]) expect(piecesShown(run.stderr, secret)).toEqual([]);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.yaml:1: an unknown key \(40 characters, not shown\); allowed: extends, rules/);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.yaml:2: failOn must be one of error, warning, info, none\n/);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.yaml:4: an unknown rule \(40 characters, not shown\); known rules: /);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.yaml:5: unknown key "exclud"/);
  });

  it("describes a YAML error by what is wrong, not by the text around it", async () => {
    const alias = token("config-alias");
    const repo = makeRepo({ ".carbon-secret-lint.yaml": `failOn: *${alias}\n` });
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.carbon-secret-lint\.yaml:1: the config is not valid YAML\/JSON: an alias \(\*name\) whose anchor \(&name\) is not set before it/);
    expect(piecesShown(run.stderr, alias)).toEqual([]);
  });

  it("refuses a config in the repository that is a symbolic link leading out of it", async () => {
    const planted = token("config-outside");
    const outside = join(tempDir("csl-outside-"), "environ");
    writeFileSync(outside, `${planted}: x\n`);
    const repo = makeRepo({ ".gitignore": ".env\n" });
    symlinkSync(outside, join(repo, ".carbon-secret-lint.yaml"));
    const run = await cli(["."], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the config file .*\.carbon-secret-lint\.yaml is a symbolic link that leads outside .*; refusing to read it/);
    expect(piecesShown(run.stderr, planted)).toEqual([]);
  });
});
