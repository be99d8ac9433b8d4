import { afterAll, describe, expect, it } from "vitest";
import { IgnoreRules } from "../src/engine/ignore-rules.js";
import { git, makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

// Each case is checked against git itself, so our answers are git's answers.
const CASES: { name: string; gitignores: Record<string, string>; paths: string[] }[] = [
  { name: "a plain pattern applies at every depth", gitignores: { ".gitignore": ".env\n" }, paths: [".env", "svc/.env", "a/b/.env", ".env.local"] },
  { name: "an anchored pattern applies at the root only", gitignores: { ".gitignore": "/.env\n" }, paths: [".env", "svc/.env"] },
  { name: "a nested negation re-includes", gitignores: { ".gitignore": ".env\n", "svc/.gitignore": "!.env\n" }, paths: [".env", "svc/.env", "svc/deep/.env", "other/.env"] },
  { name: "nothing inside an ignored directory is re-included", gitignores: { ".gitignore": "secrets/\n!secrets/.env\n" }, paths: ["secrets/.env", "x/secrets/.env"] },
  { name: "double-star patterns", gitignores: { ".gitignore": "**/config/.env*\n!**/config/.env.example\n" }, paths: ["config/.env", "a/config/.env.prod", "a/config/.env.example", ".env"] },
  { name: "the last matching line wins", gitignores: { ".gitignore": ".env*\n!.env.example\n.env.example\n" }, paths: [".env", ".env.example"] },
  { name: "comments and escapes", gitignores: { ".gitignore": "# .env\n\\#notes\n" }, paths: [".env", "#notes"] },
  { name: "a UTF-8 byte order mark is not part of the first pattern", gitignores: { ".gitignore": "\uFEFF.env\r\n/build\r\n" }, paths: [".env", "svc/.env", "build"] },
];

describe("IgnoreRules follows git's ignore semantics", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const repo = makeRepo(c.gitignores);
      const rules = new IgnoreRules();
      for (const [path, text] of Object.entries(c.gitignores)) rules.add(path, text);
      for (const path of c.paths) {
        const out = (() => {
          try {
            return git(repo, "check-ignore", "--no-index", "-q", path), true;
          } catch {
            return false;
          }
        })();
        expect({ path, ignored: rules.isIgnored(path).ignored }).toEqual({ path, ignored: out });
      }
    });
  }

  it("names the line that decided", () => {
    const rules = new IgnoreRules();
    rules.add(".gitignore", "node_modules/\n.env\n");
    rules.add("svc/.gitignore", "# keep ours\n!.env\n");
    expect(rules.isIgnored(".env").source).toMatchObject({ path: ".gitignore", line: 2, negative: false });
    expect(rules.isIgnored("svc/.env")).toMatchObject({ ignored: false, source: { path: "svc/.gitignore", line: 2, negative: true } });
  });
});
