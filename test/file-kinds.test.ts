// The one table of file kinds (src/core/file-kinds.ts): names, extensions, Markdown fences and
// files embedded in YAML all resolve through it, and every kind has a reader that binds names.
import { describe, expect, it } from "vitest";
import { bindsNames, classify, docsFenceFor, FILE_KINDS, kindOfEmbeddedName, kindOfFence } from "../src/core/file-kinds.js";
import { extractAssignments } from "../src/languages/assignments.js";

describe("the file-kinds table", () => {
  it.each([
    ["deploy/values.yml", "yaml"],
    ["web/app.mts", "javascript"],
    ["infra/main.tfvars", "hcl"],
    ["home/.zshrc", "shell"],
    ["home/.pypirc", "ini"],
    ["Containerfile", "dockerfile"],
    ["config/.env.production", "dotenv"],
    ["README.rst", "markdown"],
  ])("classifies %s as %s", (path, kind) => expect(classify(path)).toBe(kind));

  // A plain object lookup would hand back Object.prototype's members for these names.
  it.each(["notes.constructor", "a.__proto__", "x.toString", "hasOwnProperty"])("reads %s as text, not as a prototype member", (path) => {
    expect(classify(path)).toBe("text");
    expect(kindOfFence(path.split(".").pop()!)).toBe("text");
  });

  it("maps Markdown fences and YAML-embedded file names to kinds", () => {
    expect(kindOfFence("bash")).toBe("shell");
    expect(kindOfFence("tsx")).toBe("javascript");
    expect(kindOfFence("brainfuck")).toBe("text");
    expect(kindOfEmbeddedName("application.properties")).toBe("properties");
    expect(kindOfEmbeddedName("settings.env")).toBe("dotenv");
    expect(kindOfEmbeddedName("logo.png")).toBeNull();
  });

  it("every kind that binds names has a reader that finds a binding in its own syntax", () => {
    const samples: Partial<Record<(typeof FILE_KINDS)[number], string>> = {
      dotenv: "DB_PASSWORD=x1\n",
      yaml: "db:\n  password: x1\n",
      json: '{"password": "x1"}\n',
      python: 'password = "x1"\n',
      javascript: 'const password = "x1";\n',
      dockerfile: "ENV DB_PASSWORD=x1\n",
      shell: "export DB_PASSWORD=x1\n",
      ini: "[db]\npassword = x1\n",
      toml: 'password = "x1"\n',
      properties: "db.password=x1\n",
      xml: '<add key="password" value="x1" />\n',
      hcl: 'password = "x1"\n',
      markdown: "```sh\nexport DB_PASSWORD=x1\n```\n",
      text: "password = x1\n",
    };
    for (const kind of FILE_KINDS) {
      const found = extractAssignments({ path: `f.${kind}`, kind, text: samples[kind] ?? "password = x1\n" });
      if (bindsNames(kind)) expect(found.map((a) => a.value), kind).toContain("x1");
      else expect(found, kind).toEqual([]);
    }
  });

  it("names the fence a docs example is shown with", () => {
    expect(docsFenceFor("services/ingest/config.py")).toBe("python");
    expect(docsFenceFor("web/server.js")).toBe("js");
    expect(docsFenceFor("web/server.ts")).toBe("ts");
    expect(docsFenceFor(".env.example")).toBe("dotenv");
    expect(docsFenceFor("vault/bootstrap.sh")).toBe("text");
  });
});
