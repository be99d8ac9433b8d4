// The contract between a rule and the engine: typed options with defaults stated once in the
// rule's schema, one instance per scan, reports that become findings in one place.
import { afterAll, describe, expect, it } from "vitest";
import { defineRule } from "../src/core/types.js";
import { scan } from "../src/engine/scan.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

const docs = { why: "w", fix: "f", bad: { path: "a.txt", code: "x" }, good: { path: "a.txt", code: "y" } };

function probeRule(seen: { creates: number; options: unknown[]; files: string[] }) {
  return defineRule({
    meta: {
      id: "probe-rule",
      description: "A test rule.",
      severity: "warning",
      recommended: true,
      scope: "project",
      checklist: ["no-secrets-in-source"],
      messages: { found: "found {{what}}" },
      options: {
        loud: { type: "boolean", default: true, description: "d" },
        depth: { type: "integer", default: 3, minimum: 1, description: "d" },
        names: { type: "array", items: { type: "string" }, default: ["a"], description: "d" },
      },
      docs,
    },
    create(context) {
      seen.creates++;
      seen.options.push(context.options);
      const loud: boolean = context.options.loud;
      const depth: number = context.options.depth;
      const names: readonly string[] = context.options.names;
      // @ts-expect-error an option the schema does not declare is a type error
      void context.options.quiet;
      // @ts-expect-error a boolean option is not a string
      const wrong: string = context.options.loud;
      void wrong;
      return {
        file(file) {
          seen.files.push(file.path);
          context.share(file.path);
        },
        project(project) {
          if (loud && depth === 3 && names[0] === "a") context.report({ path: project.shared()[0] as string, messageId: "found", data: { what: "it" }, loc: { line: 1 } });
        },
      };
    },
  });
}

describe("the rule API", () => {
  it("gives a rule its options typed by its schema, with the schema's defaults", async () => {
    const seen = { creates: 0, options: [] as unknown[], files: [] as string[] };
    const root = makeRepo({ "a.txt": "hello\n" });
    const result = await scan({ root, rules: [probeRule(seen)] });
    expect(seen.options).toEqual([{ loud: true, depth: 3, names: ["a"] }]);
    expect(result.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([["probe-rule", "a.txt", "found it"]]);
  });

  it("creates each rule once per scan: the same instance reads the files and judges the project", async () => {
    const seen = { creates: 0, options: [] as unknown[], files: [] as string[] };
    const root = makeRepo({ "a.txt": "hello\n", "b/c.txt": "x\n" });
    await scan({ root, rules: [probeRule(seen)] });
    expect(seen.creates).toBe(1);
    expect(seen.files.sort()).toEqual(["a.txt", "b/c.txt"]);
  });
});

describe("one problem, one finding", () => {
  const valueRule = (id: string, checklist: "no-secrets-in-source" | "secrets-in-store", supersedes?: string[]) =>
    defineRule({
      meta: { id, description: "d", severity: "error", recommended: true, scope: "file", checklist: [checklist], messages: { m: "m" }, docs, ...(supersedes ? { supersedes } : {}) },
      create(context) {
        return {
          file(file) {
            const at = file.text.indexOf("s3cr3t-Value-77");
            if (at >= 0) context.report({ messageId: "m", range: { start: at, end: at + 15 }, secret: "s3cr3t-Value-77" });
          },
        };
      },
    });

  it("a rule that supersedes another keeps the one finding of a value on a line, with both checklist items", async () => {
    const root = makeRepo({ "deploy.yaml": "password: s3cr3t-Value-77\n" });
    const result = await scan({ root, rules: [valueRule("generic-rule", "no-secrets-in-source"), valueRule("precise-rule", "secrets-in-store", ["generic-rule"])] });
    expect(result.findings.map((f) => [f.ruleId, [...f.checklist].sort()])).toEqual([["precise-rule", ["no-secrets-in-source", "secrets-in-store"]]]);
  });

  it("without the relation both findings stay", async () => {
    const root = makeRepo({ "deploy.yaml": "password: s3cr3t-Value-77\n" });
    const result = await scan({ root, rules: [valueRule("generic-rule", "no-secrets-in-source"), valueRule("other-rule", "secrets-in-store")] });
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(["generic-rule", "other-rule"]);
  });
});

describe("one problem, one finding, for overlapping values", () => {
  it("a connection string and the password inside it, on one line, are one finding of the precise rule", async () => {
    const reporter = (id: string, needle: string, supersedes?: string[]) =>
      defineRule({
        meta: { id, description: "d", severity: "error", recommended: true, scope: "file", checklist: ["no-secrets-in-source"], messages: { m: "m" }, docs, ...(supersedes ? { supersedes } : {}) },
        create(context) {
          return {
            file(file) {
              const at = file.text.indexOf(needle);
              if (at >= 0) context.report({ messageId: "m", range: { start: at, end: at + needle.length }, secret: needle });
            },
          };
        },
      });
    const root = makeRepo({ "compose.yaml": "DSN: postgresql://app:Pw-9f2c-Kq71@db/app\n" });
    const result = await scan({ root, rules: [reporter("password-rule", "Pw-9f2c-Kq71"), reporter("dsn-rule", "postgresql://app:Pw-9f2c-Kq71@db/app", ["password-rule"])] });
    expect(result.findings.map((f) => f.ruleId)).toEqual(["dsn-rule"]);
  });
});
