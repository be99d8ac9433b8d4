import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { DETECTORS, findSecrets } from "../src/detectors/index.js";
import { renderRuleDoc } from "../src/core/rule-docs.js";
import { formatBaseline } from "../src/engine/baseline.js";
import { scan } from "../src/engine/scan.js";
import type { ScanResult } from "../src/core/types.js";
import { formatReport, FORMATS } from "../src/reporters/index.js";
import { RULES } from "../src/rules/index.js";
import { CLI } from "./helpers/cli.js";
import { makeRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

/** Everything a user or a log could ever see of a scan. */
function everyOutput(result: ScanResult): string {
  const rendered = FORMATS.flatMap((format) => [formatReport(result, format, { color: false }), formatReport(result, format, { color: true })]);
  return [...rendered, formatBaseline(result), JSON.stringify(result.notices), ...RULES.map(renderRuleDoc)].join("\n");
}

function leaked(output: string, secrets: Iterable<string>): string[] {
  return [...secrets].filter((secret) => output.includes(secret));
}

// Kinds of file a secret can sit in, each with the line that holds it.
const PLANTERS: [path: string, line: (secret: string) => string][] = [
  [".env.production", (s) => `DB_PASSWORD=${s}`],
  ["deploy/values.yaml", (s) => `database:\n  password: "${s}"`],
  ["config/app.json", (s) => `{ "apiKey": "${s}" }`],
  ["services/ingest/settings.py", (s) => `CLICKHOUSE_PASSWORD = "${s}"\nlogger.info("pw %s", CLICKHOUSE_PASSWORD)`],
  ["services/api/config.ts", (s) => `export const clientSecret = "${s}";\nconsole.log(clientSecret);`],
  ["docs/runbook.md", (s) => "```bash\nexport API_TOKEN=" + s + "\n```"],
  ["Dockerfile", (s) => `ENV REDIS_PASSWORD=${s}`],
  ["config/settings.ini", (s) => `[db]\npassword = ${s}`],
];

describe("no output ever holds a detected value whole", () => {
  it("every detector's true positives, planted in files of every kind, through every format, the baseline and the docs", async () => {
    const files: Record<string, string> = {};
    const secrets = new Set<string>();
    for (const detector of DETECTORS) {
      detector.samples.truePositives.forEach((sample, i) => {
        for (const found of findSecrets(sample, [detector])) if (found.secret.length >= 8) secrets.add(found.secret);
        const [path] = PLANTERS[i % PLANTERS.length]!;
        const ext = path.slice(path.lastIndexOf("."));
        files[`samples/${detector.id}-${i}${ext === ".production" ? ".env" : ext}`] = `${sample}\n`;
      });
    }
    const repo = makeRepo(files);
    const result = await scan({ root: repo, config: defaultConfig() });
    expect(result.findings.filter((f) => f.ruleId === "hardcoded-secret").length).toBeGreaterThan(secrets.size / 2);
    expect(leaked(everyOutput(result), secrets)).toEqual([]);
  }, 120_000);

  it("generated passwords bound to secret names, in every file kind, never appear whole (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9!#%+=_.-]{14,40}$/), fc.integer({ min: 0, max: PLANTERS.length - 1 }), async (password, which) => {
        fc.pre(/[0-9]/.test(password) && /[a-z]/i.test(password));
        const [path, line] = PLANTERS[which]!;
        const repo = makeRepo({ [path]: `${line(password)}\n`, ".gitignore": ".env*\n" });
        const result = await scan({ root: repo, config: defaultConfig() });
        expect(leaked(everyOutput(result), [password])).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it("the CLI's --debug output and error messages hold no value", () => {
    const secret = "Kq8-vLx3mZr9Tp2W";
    const repo = makeRepo({ ".env": `DB_PASSWORD=${secret}\n`, "app.py": `PASSWORD = "${secret}"\n` });
    const debug = execFileSync(process.execPath, [CLI, "--debug", "--format", "json", "--fail-on", "none", "."], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(debug).not.toContain(secret);
    writeFiles(repo, { ".carbon-secret-lint.yaml": `failOn: ${secret}\nallowlist:\n  values: [${secret}]\n  nope: 1\n` });
    let stderr = "";
    try {
      execFileSync(process.execPath, [CLI, "--debug", "."], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      stderr = String((error as { stderr?: string }).stderr);
    }
    expect(stderr).toMatch(/failOn must be one of/);
    expect(stderr).not.toContain(secret);
  });
});

// Fuzzing: whatever the bytes, scan() returns, and every finding lies inside its file.
function expectPositionsInside(root: string, result: ScanResult) {
  for (const f of result.findings) {
    let text: string;
    try {
      if (!statSync(join(root, f.path)).isFile()) continue;
      text = readFileSync(join(root, f.path), "utf8");
    } catch {
      continue; // a finding about a file that need not exist (.gitignore missing)
    }
    const lines = text.split("\n");
    expect(f.line, `${f.ruleId} ${f.path}`).toBeGreaterThanOrEqual(1);
    expect(f.line, `${f.ruleId} ${f.path}`).toBeLessThanOrEqual(Math.max(1, lines.length));
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
}

const FUZZ_NAMES = ["a.py", "b.ts", "c.yaml", "d.json", ".env", "e.md", "Dockerfile", "f.tf", "g.xml", "h.properties", "i.toml", "j.ini", "k.sh", "l.txt"];

describe("fuzzing the adapters and rules", () => {
  it("arbitrary bytes never throw out of scan()", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...FUZZ_NAMES), fc.uint8Array({ maxLength: 2000 })), { minLength: 1, maxLength: 6 }), async (entries) => {
        const dir = tempDir("csl-fuzz-");
        entries.forEach(([name, bytes], i) => writeFileSync(join(dir, `${i}-${name}`), Buffer.from(bytes)));
        const result = await scan({ root: dir, config: defaultConfig() });
        expectPositionsInside(dir, result);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it("mutations of real fixture files never throw out of scan()", async () => {
    const fixtures = new URL("../fixtures/", import.meta.url).pathname;
    const samples = readdirSync(fixtures, { recursive: true, encoding: "utf8" })
      .filter((p) => /\.(py|ts|js|ya?ml|json|env|md|tf|hcl|xml|properties|toml|ini|sh)$|Dockerfile$|\.env$/.test(p))
      .filter((_, i) => i % 7 === 0)
      .slice(0, 60)
      .map((p) => ({ name: p.split("/").pop()!, text: readFileSync(join(fixtures, p), "utf8") }));
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: samples.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.constantFrom("", "{{", "}}", "\"", "'", "\n", "\u0000", "${", "`", "[", ":", "=", "-----BEGIN RSA PRIVATE KEY-----", "\ud800", "#", "//", "\t- "),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
        const dir = tempDir("csl-mutate-");
        mutations.forEach((m, i) => {
          const { name, text } = samples[m.file]!;
          const at = text.length ? m.at % text.length : 0;
          writeFileSync(join(dir, `${i}-${name}`), text.slice(0, at) + m.insert + text.slice(at + m.cut));
        });
        const result = await scan({ root: dir, config: defaultConfig() });
        expectPositionsInside(dir, result);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
