import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "vitest";
import { parse as parseYaml } from "yaml";
import { defaultConfig } from "../../src/config/load.js";
import { scan } from "../../src/engine/scan.js";
import type { Rule, ScanResult } from "../../src/core/types.js";
import { git, tempDir } from "./repo.js";

/** A fixture case's expect.yaml: what inline annotations cannot mark. */
export interface CaseExpectation {
  findings?: { rule: string; path: string; line: number }[];
  checklist?: Record<string, string>;
  /** Materialise without git (plain files). */
  git?: boolean;
  /** Files written to the work tree but never added to git. */
  untracked?: string[];
}

export interface FixtureCase {
  rule: string;
  validity: "valid" | "invalid";
  name: string;
  dir: string;
  expect: CaseExpectation;
}

export const FIXTURES_ROOT = new URL("../../fixtures/", import.meta.url).pathname;

/** Every fixtures/<rule-id>/{valid,invalid}/<case>/ folder. */
export function listCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const rule of readdirSync(FIXTURES_ROOT).sort()) {
    for (const validity of ["valid", "invalid"] as const) {
      const dir = join(FIXTURES_ROOT, rule, validity);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).sort()) {
        const caseDir = join(dir, name);
        if (!statSync(caseDir).isDirectory()) continue;
        const expectFile = join(caseDir, "expect.yaml");
        const expect = existsSync(expectFile) ? ((parseYaml(readFileSync(expectFile, "utf8")) ?? {}) as CaseExpectation) : {};
        cases.push({ rule, validity, name, dir: caseDir, expect });
      }
    }
  }
  return cases;
}

/**
 * Copies a case into a fresh repository. `_gitignore` files become `.gitignore` (stored
 * renamed so they do not act on this repository), and expect.yaml is left out.
 */
export function materialise(fixture: FixtureCase): string {
  const dir = tempDir(`csl-${fixture.rule}-`);
  cpSync(fixture.dir, dir, { recursive: true, filter: (src) => !src.endsWith("/expect.yaml") });
  for (const path of walk(dir)) {
    if (path.endsWith("/_gitignore")) renameSync(path, path.replace(/_gitignore$/, ".gitignore"));
  }
  if (fixture.expect.git === false) return dir;
  git(dir, "init", "-q");
  const untracked = new Set(fixture.expect.untracked ?? []);
  const toAdd = walk(dir)
    .map((p) => relative(dir, p))
    .filter((p) => !p.startsWith(".git/") && !untracked.has(p));
  if (toAdd.length > 0) {
    git(dir, "add", "-f", "--", ...toAdd);
    git(dir, "commit", "-q", "-m", "fixture");
  }
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

export interface Annotation {
  kind: "ruleid" | "ok" | "todoruleid" | "todook";
  rule: string;
  path: string;
  line: number; // the line the annotation speaks of (the next line of code)
}

// `# ruleid: hardcoded-secret`, `// ok: secret-in-log`, `<!-- todoruleid: x -->`, in any comment syntax.
const ANNOTATION = /(?:^|\s|#|\/\/|\/\*|<!--|--|;)\s*(todoruleid|todook|ruleid|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function readAnnotations(root: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const full of walk(root)) {
    const path = relative(root, full);
    if (path.startsWith(".git/")) continue;
    const lines = readFileSync(full, "utf8").split(/\r?\n/);
    lines.forEach((text, index) => {
      const match = ANNOTATION.exec(text);
      if (!match) return;
      // The target is the next line that is not itself an annotation.
      let target = index + 1;
      while (target < lines.length && ANNOTATION.test(lines[target]!)) target++;
      for (const rule of match[2]!.split(/\s*,\s*/)) {
        annotations.push({ kind: match[1] as Annotation["kind"], rule, path, line: target + 1 });
      }
    });
  }
  return annotations;
}

const findingKey = (f: { path: string; line: number; rule: string }) => `${f.path}:${f.line} ${f.rule}`;

/**
 * Runs one case with only its rule enabled and asserts what the case marks: lines marked
 * `ruleid: <rule>` (and `todook:`, a known false alarm) get a finding of that rule, and nothing
 * else does; expect.yaml adds findings and checklist statuses. With `rules`, those rules run
 * instead of the registry (a rule not yet registered runs at its default severity).
 */
export async function expectCase(fixture: FixtureCase, rules?: readonly Rule[]): Promise<ScanResult> {
  const root = materialise(fixture);
  const config = defaultConfig();
  for (const setting of config.rules.values()) setting.severity = "off";
  const setting = config.rules.get(fixture.rule);
  if (!setting && !rules?.some((r) => r.meta.id === fixture.rule)) throw new Error(`fixtures/${fixture.rule}: no such rule is registered (src/rules/index.ts)`);
  if (setting) setting.severity = "error";
  const result = await scan({ root, config, ...(rules ? { rules } : {}) });
  expect(result.notices.filter((n) => /\bfailed\b/.test(n.message)), "no rule crashed").toEqual([]);
  const annotations = readAnnotations(root).filter((a) => a.rule === fixture.rule);
  const expected = new Set([
    ...annotations.filter((a) => a.kind === "ruleid" || a.kind === "todook").map(findingKey),
    ...(fixture.expect.findings ?? []).filter((f) => f.rule === fixture.rule).map(findingKey),
  ]);
  const actual = new Set(result.findings.filter((f) => f.ruleId === fixture.rule).map((f) => findingKey({ ...f, rule: f.ruleId })));
  expect([...actual].sort()).toEqual([...expected].sort());
  if (fixture.validity === "valid") expect(expected.size, "a valid case is silent unless a todook marks a known false alarm").toBe(annotations.filter((a) => a.kind === "todook").length);
  else expect(expected.size, "an invalid case marks at least one finding").toBeGreaterThan(0);
  for (const [id, status] of Object.entries(fixture.expect.checklist ?? {})) {
    expect({ id, status: result.checklist.find((c) => c.id === id)?.status }).toEqual({ id, status });
  }
  return result;
}
