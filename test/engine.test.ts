import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { classify, sniffKind } from "../src/core/file-kinds.js";
import { redact } from "../src/core/redact.js";
import { scan } from "../src/engine/scan.js";
import { createSourceFile } from "../src/core/source-file.js";
import { makeRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/repo.js";

afterAll(removeTempDirs);

describe("classification", () => {
  it.each([
    [".env", "dotenv"], [".env.production", "dotenv"], ["configs/env.example", "dotenv"], ["prod.env", "dotenv"],
    ["deploy/values-prod.yaml", "yaml"], ["a.yml", "yaml"], ["package.json", "json"], ["svc/main.py", "python"],
    ["server.ts", "javascript"], ["app.mjs", "javascript"], ["Dockerfile", "dockerfile"], ["Dockerfile.prod", "dockerfile"],
    ["run.sh", "shell"], [".bashrc", "shell"], ["setup.cfg", "ini"], ["pyproject.toml", "toml"],
    ["application.properties", "properties"], ["pom.xml", "xml"], ["main.tf", "hcl"], ["RUNBOOK.md", "markdown"],
    [".gitignore", "gitignore"], ["LICENSE", "text"], [".envrc", "shell"], [".npmrc", "ini"], ["cloud/.s3cfg", "ini"],
  ])("%s is %s", (path, kind) => expect(classify(path)).toBe(kind));
});

describe("files whose name says nothing are read by their content", () => {
  it.each([
    ['{ "password": "x" }', "json"],
    ["[default]\naws_secret_access_key = abc\n", "ini"],
    ["authentication:\n  api_key: abc\nssh:\n  user: admin\n", "yaml"],
    ["# IRC\nIRC_HOST=irc.example.com\nIRC_PASS=x\n", "dotenv"],
    ["Just some notes.\nNothing to parse here.\n", "text"],
    ["", "text"],
  ])("%j is %s", (text, kind) => expect(sniffKind(text)).toBe(kind));
});

describe("source files", () => {
  it("give 1-based lines and columns, and line text without the newline", () => {
    const file = createSourceFile({ path: "a", kind: "text", text: "one\r\ntwo\nthree", size: 0, tracked: true });
    expect(file.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(file.positionAt(5)).toEqual({ line: 2, column: 1 });
    expect(file.positionAt(10)).toEqual({ line: 3, column: 2 });
    expect(file.lineText(1)).toBe("one");
    expect(file.lineText(3)).toBe("three");
    expect(file.offsetAt(2, 2)).toBe(6);
    expect(file.lineCount()).toBe(3);
  });
});

describe("redaction", () => {
  it("keeps a few characters of long values and nothing of short ones", () => {
    expect(redact("AKIAIOSFODNN7EXAMPLE")).toBe("AKIA…MPLE");
    expect(redact("abcdefghijklmn")).toBe("ab…mn");
    expect(redact("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe("wJal…EKEY");
    expect(redact("hunter2")).toBe("****");
  });
});

describe("scan()", () => {
  it("skips binary and oversized files with a reason, but name rules still see them", async () => {
    const repo = makeRepo({
      ".gitignore": ".env\n",
      "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      ".env": "X=" + "a".repeat(2000) + "\n",
      "notes.txt": "hello\n",
    });
    const result = await scan({ root: repo, config: defaultConfig(), maxFileSize: 1000 });
    expect(result.stats.skipped).toEqual([
      { path: ".env", reason: expect.stringContaining("larger than the 1000 B limit") },
      { path: "logo.png", reason: "binary file" },
    ]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual(["committed-env-file .env"]);
    expect(result.stats.files).toBe(2);
  });

  it("reads UTF-16 with a BOM, and scans invalid UTF-8 with a notice", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      ".gitignore": ".env\n",
      "utf16.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hello\n", "utf16le")]),
      "latin1.txt": Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    });
    const result = await scan({ root: dir, config: defaultConfig() });
    expect(result.stats.skipped).toEqual([]);
    expect(result.notices).toContainEqual({ path: "latin1.txt", message: expect.stringContaining("invalid UTF-8") });
  });

  it("never follows a symbolic link, even one that loops or leaves the root", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, ".env"), "SECRET=outside\n");
    const dir = tempDir();
    writeFiles(dir, { ".gitignore": "node_modules/\n" });
    symlinkSync(join(outside, ".env"), join(dir, ".env"));
    symlinkSync(dir, join(dir, "loop"));
    const result = await scan({ root: dir, config: defaultConfig() });
    expect(result.findings.filter((f) => f.ruleId === "committed-env-file")).toEqual([]);
    expect(result.notices.map((n) => n.path).sort()).toEqual([".env", "loop"]);
  });

  it("returns a result and never prints", async () => {
    const repo = makeRepo({ ".env": "A=1\n" });
    const writes: unknown[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: unknown) => (writes.push(chunk), true)) as typeof process.stdout.write;
    try {
      const result = await scan({ root: repo, config: defaultConfig() });
      expect(result.findings.length).toBe(2);
    } finally {
      process.stdout.write = original;
    }
    expect(writes).toEqual([]);
  });

  it("rejects a missing root with a clear error", async () => {
    await expect(scan({ root: "/no/such/place" })).rejects.toThrow("path not found: /no/such/place");
  });

  it("limits file rules to the given paths and orders findings stably", async () => {
    const repo = makeRepo({ ".env": "A=1\n", "b/.env": "B=1\n", "a/.env": "C=1\n", ".gitignore": "x\n" });
    const result = await scan({ root: repo, config: defaultConfig() });
    expect(result.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual([
      ".env committed-env-file",
      ".gitignore env-not-gitignored",
      "a/.env committed-env-file",
      "b/.env committed-env-file",
    ]);
  });
});

describe("our own reports", () => {
  it("are not scanned again: JSON reports, SARIF logs and baselines", async () => {
    const { isOwnReport } = await import("../src/engine/file-pass.js");
    expect(isOwnReport('{\n  "version": 1,\n  "tool": {\n    "name": "carbon-secret-lint",\n    "version": "0.1.0"\n  },\n  "scope": "worktree",\n  "findings": [')).toBe(true);
    expect(isOwnReport('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {\n        "driver": {\n          "name": "carbon-secret-lint",')).toBe(true);
    expect(isOwnReport('{\n  "version": 1,\n  "tool": "carbon-secret-lint",\n  "findings": []')).toBe(true);
    expect(isOwnReport('{ "name": "my-app", "dependencies": { "carbon-secret-lint": "^0.1.0" } }')).toBe(false);
    expect(isOwnReport("password = carbon-secret-lint")).toBe(false);
    expect(isOwnReport('{\n  "name": "carbon-secret-lint",\n  "version": "0.1.0",\n  "bin": {}\n}')).toBe(false);
  });
});

describe("sizes, as the config and --max-file-size take them", () => {
  it.each([
    ["5MB", 5_000_000], ["5mb", 5_000_000], ["512KiB", 524_288], ["500000", 500_000], ["1.5 GB", 1_500_000_000], ["lots", undefined], ["5 parsecs", undefined],
  ])("%s", async (text, bytes) => {
    const { parseSize } = await import("../src/config/load.js");
    expect(parseSize(text)).toBe(bytes);
  });
});
