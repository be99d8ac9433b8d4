// The parse adapters: each file family parsed once, with positions; a parse failure is a value.

import { describe, expect, it, vi } from "vitest";
import { parseDotenv } from "../src/languages/dotenv.js";
import { parseJson } from "../src/languages/json.js";
import { grammarPath, loadPython, parsePython } from "../src/languages/python.js";
import { loadJavaScript, parseJavaScript, walk } from "../src/languages/javascript.js";
import { findTemplates, maskTemplates, parseYaml } from "../src/languages/yaml.js";

describe("parseYaml", () => {
  it("parses every document of a stream, with ranges", () => {
    const text = "a: 1\n---\nb: two\n";
    const { documents, errors } = parseYaml(text);
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.toJS())).toEqual([{ a: 1 }, { b: "two" }]);
    expect(documents[1]?.contents?.range?.[0]).toBe(text.indexOf("b:"));
  });

  it("returns errors with their line instead of throwing, and keeps what parsed", () => {
    const text = "ok: yes\nbroken: [unclosed\nlater: 1\n";
    const { documents, errors } = parseYaml(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ line: expect.any(Number), message: expect.any(String) });
    expect(documents[0]?.toJS()).toMatchObject({ ok: "yes" });
  });

  it("never quotes the source in an error message (it may hold a secret)", () => {
    const { errors } = parseYaml("password: hunter2\n  bad: indent: here\n");
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.message).not.toContain("hunter2");
  });

  it("masks Helm templates offset for offset so the YAML around them parses", () => {
    const text = [
      "{{- if .Values.enabled }}",
      "password: {{ .Values.password }}",
      'image: "repo/app:{{ .Chart.AppVersion }}"',
      "{{- end }}",
      "",
    ].join("\n");
    expect(findTemplates(text)).toHaveLength(4);
    const masked = maskTemplates(text, findTemplates(text));
    expect(masked).toHaveLength(text.length);
    expect(masked.split("\n")[0]?.trim()).toBe(""); // a line holding only a template disappears
    expect(masked).toContain("password: ______________________");
    const { documents, errors, templates } = parseYaml(text);
    expect(errors).toEqual([]);
    expect(templates).toHaveLength(4);
    expect(Object.keys(documents[0]?.toJS() as object)).toEqual(["password", "image"]);
  });

  it("refuses to parse absurd nesting (the yaml package would exhaust the stack) and says so", () => {
    const { documents, errors } = parseYaml("[".repeat(5000));
    expect(documents).toEqual([]);
    expect(errors[0]?.message).toMatch(/nested more than \d+ levels/);
  });
});

describe("parseJson", () => {
  it("reads JSON with comments and trailing commas, keeping offsets", () => {
    const text = '{\n  // the database\n  "password": "x", /* inline */\n  "list": [1, 2,],\n}\n';
    const { documents, errors } = parseJson(text);
    expect(errors).toEqual([]);
    expect(documents[0]?.toJS()).toEqual({ password: "x", list: [1, 2] });
  });

  it("leaves comment-like text inside strings alone", () => {
    const { documents } = parseJson('{"url": "https://example.com/*x*/"}');
    expect(documents[0]?.toJS()).toEqual({ url: "https://example.com/*x*/" });
  });
});

describe("parseDotenv", () => {
  it("reads entries with their line, key offset and value offsets", () => {
    const text = "# comment\n\nexport API_KEY=abc123\nDB_PASSWORD = 'p w'\n";
    expect(parseDotenv(text)).toEqual([
      { key: "API_KEY", value: "abc123", line: 3, keyStart: 18, valueStart: 26, valueEnd: 32, quoted: false, templated: false },
      { key: "DB_PASSWORD", value: "p w", line: 4, keyStart: 33, valueStart: 48, valueEnd: 51, quoted: true, templated: false },
    ]);
  });

  it("decodes escapes in double quotes only, and reads multi-line values", () => {
    const text = 'A="line1\\nline2"\nB=\'no\\nescape\'\nC="first\nsecond"\nD=after\n';
    const entries = parseDotenv(text);
    expect(entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ["A", "line1\nline2", 1],
      ["B", "no\\nescape", 2],
      ["C", "first\nsecond", 3],
      ["D", "after", 5],
    ]);
  });

  it("ends an unquoted value at a comment that follows whitespace, not at any '#'", () => {
    const entries = parseDotenv("A=value # comment\nB=pa#ss\nC= # only a comment\n");
    expect(entries.map((e) => [e.key, e.value])).toEqual([
      ["A", "value"],
      ["B", "pa#ss"],
      ["C", ""],
    ]);
  });

  it("handles CRLF and a UTF-8 BOM", () => {
    const text = "\uFEFFA=1\r\nB=\"two\r\nlines\"\r\nC=3\r\n";
    const entries = parseDotenv(text);
    expect(entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ["A", "1", 1],
      ["B", "two\nlines", 2],
      ["C", "3", 4],
    ]);
    for (const e of entries) expect(text.slice(e.keyStart, e.keyStart + e.key.length)).toBe(e.key);
  });

  it("marks ${VAR} expansions as templated", () => {
    expect(parseDotenv('URL="postgres://${DB_HOST}/app"\n')[0]?.templated).toBe(true);
  });

  it("reads an unclosed quote as a plain value instead of swallowing the file", () => {
    expect(parseDotenv('A="unclosed\nB=2\n').map((e) => [e.key, e.value])).toEqual([
      ["A", '"unclosed'],
      ["B", "2"],
    ]);
  });
});

describe("parseJavaScript", () => {
  it("throws a clear error when used before loadJavaScript()", async () => {
    vi.resetModules(); // a fresh instance of the module, whatever other tests loaded
    const fresh = await import("../src/languages/javascript.js");
    expect(() => fresh.parseJavaScript("x", "a.ts")).toThrow(/loadJavaScript/);
  });

  it("parses TS and JSX with ranges once loaded", async () => {
    await loadJavaScript();
    const text = 'const el = <App token="x" />;\n';
    const tsx = parseJavaScript(text, "a.tsx");
    expect(tsx.error).toBeNull();
    expect(tsx.ast?.range).toEqual([0, text.length]);
    expect(tsx.ast?.body[0]?.loc.start).toEqual({ line: 1, column: 0 });
    const ts = parseJavaScript("const n = <number>value;\n", "a.ts"); // a type assertion, not JSX
    expect(ts.error).toBeNull();
  });

  it("returns a file that does not parse as an error with its line", async () => {
    await loadJavaScript();
    const result = parseJavaScript("const ok = 1;\nconst = ;\n", "broken.ts");
    expect(result.ast).toBeNull();
    expect(result.error).toMatch(/^line 2: /);
  });

  it("walks every node in source order; returning false skips children", async () => {
    await loadJavaScript();
    const { ast } = parseJavaScript("const a = { b: 1 };\nfunction f() { return 2; }\n", "a.ts");
    if (!ast) throw new Error("expected an AST");
    const types: string[] = [];
    walk(ast, (node, parent) => {
      types.push(`${parent?.type ?? "-"}>${node.type}`);
      if (node.type === "FunctionDeclaration") return false;
    });
    expect(types).toEqual([
      "->Program",
      "Program>VariableDeclaration",
      "VariableDeclaration>VariableDeclarator",
      "VariableDeclarator>Identifier",
      "VariableDeclarator>ObjectExpression",
      "ObjectExpression>Property",
      "Property>Identifier",
      "Property>Literal",
      "Program>FunctionDeclaration",
    ]);
  });
});

describe("parsePython", () => {
  it("finds the grammar that tree-sitter-python ships", () => {
    expect(grammarPath()).toMatch(/tree-sitter-python\.wasm$/);
  });

  it("loads once and parses synchronously; trees are freed with dispose()", async () => {
    const first = loadPython();
    expect(loadPython()).toBeInstanceOf(Promise);
    await first;
    const parsed = parsePython('password = "x"\n');
    expect(parsed.hasError).toBe(false);
    expect(parsed.tree?.rootNode.type).toBe("module");
    parsed.dispose();
    parsed.dispose(); // idempotent
  });

  it("returns a syntax error as hasError, with a tree that still holds what parsed", async () => {
    await loadPython();
    const parsed = parsePython('ok = "1"\ndef broken(:\n    pass\n');
    expect(parsed.hasError).toBe(true);
    expect(parsed.tree?.rootNode.descendantsOfType("assignment")).toHaveLength(1);
    parsed.dispose();
  });

  it("copies tree-sitter's tree faithfully: types, named-ness, fields, offsets, recovery nodes", async () => {
    const { Parser, Language } = await import("web-tree-sitter");
    await Parser.init();
    const raw = new Parser();
    raw.setLanguage(await Language.load(grammarPath()));
    const sources = [
      'import os\nclass A(B):\n    x: int = 1\n    def f(self, *a, k="v", **kw) -> None:\n        return [i for i in a if i] or {k: v for k, v in kw.items()}\n',
      'é = f"ü{x!r:>10}€"\nlogger.info("%s", token, extra={"a": (1, 2)})\nlambda y: y ** 2\n',
      'def broken(:\n    pass\nvalue = "unterminated\nok = 1\n',
      "x = " + "(".repeat(40) + "1" + ")".repeat(40) + "\n",
      "class Truncated:\n    def method(self):\n", // empty blocks: zero-width, yet not missing
      "total = (a +* b) if ok else c\nprint(1 if\n", // fields around and inside ERROR nodes
      "",
    ];
    type Shape = { type: string; named: boolean; missing: boolean; start: number; end: number; at: string; field: string | null; children: Shape[] };
    // A field as childForFieldName finds it: tree-sitter names none inside an ERROR node.
    const rawField = (node: import("web-tree-sitter").Node, i: number) => (node.type === "ERROR" ? null : node.fieldNameForChild(i));
    const fromRaw = (node: import("web-tree-sitter").Node, field: string | null): Shape => ({
      type: node.type,
      named: node.isNamed,
      missing: node.isMissing,
      start: node.startIndex,
      end: node.endIndex,
      at: `${node.startPosition.row}:${node.startPosition.column}`,
      field,
      children: node.children.map((child, i) => fromRaw(child!, rawField(node, i))),
    });
    type Copied = { type: string; isNamed: boolean; isMissing: boolean; startIndex: number; endIndex: number; startPosition: { row: number; column: number }; fieldName: string | null; children: Copied[] };
    const fromCopy = (node: Copied): Shape => ({
      type: node.type,
      named: node.isNamed,
      missing: node.isMissing,
      start: node.startIndex,
      end: node.endIndex,
      at: `${node.startPosition.row}:${node.startPosition.column}`,
      field: node.fieldName,
      children: node.children.map(fromCopy),
    });
    await loadPython();
    for (const source of sources) {
      const expected = raw.parse(source)!;
      const parsed = parsePython(source);
      expect(fromCopy(parsed.tree!.rootNode)).toEqual(fromRaw(expected.rootNode, null));
      expect(parsed.hasError).toBe(expected.rootNode.hasError);
      const missing = expected.rootNode.descendantsOfType("string_end").filter((n) => n?.isMissing).length;
      expect(parsed.tree!.rootNode.descendantsOfType("string_end").filter((n) => n.isMissing)).toHaveLength(missing);
      expect(parsed.tree!.rootNode.childForFieldName("nothing")).toBeNull();
      expected.delete();
    }
  });

  it("indexes nodes in UTF-16 code units, like JavaScript strings", async () => {
    await loadPython();
    const text = 'é = "ü€"\ntoken = "x"\n';
    const parsed = parsePython(text);
    const node = parsed.tree?.rootNode.descendantsOfType("identifier")[1];
    expect(node && text.slice(node.startIndex, node.endIndex)).toBe("token");
    parsed.dispose();
  });
});
