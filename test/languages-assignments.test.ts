// extractAssignments, kind by kind: small inputs and the exact bindings expected. Every binding's
// offsets are checked: text.slice(valueStart, valueEnd) is the value as written (inside quotes,
// escapes as written).

import { beforeAll, describe, expect, it } from "vitest";
import type { FileKind } from "../src/core/types.js";
import { FILE_KINDS } from "../src/core/file-kinds.js";
import { extractAssignments, type Assignment, type ParsedViews } from "../src/languages/assignments.js";
import { loadPython, parsePython } from "../src/languages/python.js";
import { loadJavaScript, parseJavaScript } from "../src/languages/javascript.js";

/** [key, value] or [key, value, written] when escapes make the written form differ. */
type Row = [key: string, value: string, written?: string];

function extract(kind: FileKind, text: string, parsed?: ParsedViews, path = "file"): Assignment[] {
  return extractAssignments({ path, kind, text }, parsed);
}

/** Asserts the bindings of `text`, in file order, and that each one's offsets hold it as written. */
function expectBindings(found: Assignment[], text: string, rows: Row[]): void {
  expect(found.map((a) => [a.key, a.value])).toEqual(rows.map(([key, value]) => [key, value]));
  found.forEach((a, i) => {
    const [, value, written] = rows[i] ?? [];
    expect(text.slice(a.valueStart, a.valueEnd), `offsets of ${a.key}`).toBe(written ?? value);
  });
}

function expectKind(kind: FileKind, text: string, rows: Row[]): Assignment[] {
  const found = extract(kind, text);
  expectBindings(found, text, rows);
  return found;
}

describe("dotenv", () => {
  it("reads KEY=value, export, quotes, escapes and inline comments", () => {
    const text = [
      "# a comment",
      "DB_USER=app",
      "export API_KEY=abc123 # inline comment",
      "DB_PASSWORD='single quoted'",
      'TOKEN="double\\"quoted"',
      "SESSION=`backtick`",
      "EMPTY=",
      "",
    ].join("\n");
    const found = expectKind("dotenv", text, [
      ["DB_USER", "app"],
      ["API_KEY", "abc123"],
      ["DB_PASSWORD", "single quoted"],
      ["TOKEN", 'double"quoted', 'double\\"quoted'],
      ["SESSION", "backtick"],
      ["EMPTY", ""],
    ]);
    expect(found.map((a) => a.quoted)).toEqual([false, false, true, true, true, false]);
    expect(found.every((a) => a.source === "dotenv")).toBe(true);
  });

  it("reads a multi-line double-quoted value", () => {
    const text = 'PRIVATE_KEY="-----BEGIN KEY-----\nMIIB\n-----END KEY-----"\nNEXT=1\n';
    expectKind("dotenv", text, [
      ["PRIVATE_KEY", "-----BEGIN KEY-----\nMIIB\n-----END KEY-----"],
      ["NEXT", "1"],
    ]);
  });

  it("uses the parse the caller already holds", () => {
    const found = extract("dotenv", "A=1\n", {
      dotenv: [{ key: "FROM_CACHE", value: "1", line: 1, keyStart: 0, valueStart: 2, valueEnd: 3, quoted: false, templated: false }],
    });
    expect(found.map((a) => a.key)).toEqual(["FROM_CACHE"]);
  });
});

describe("shell", () => {
  it("reads assignments, export and declarations", () => {
    const text = [
      'export DB_PASSWORD="s3cr3t"',
      "API_TOKEN=abc123 ./run.sh",
      "local SECRET='x y'",
      "declare -x PASS=plain",
      "if true; then export NESTED=1; fi",
      "",
    ].join("\n");
    const found = expectKind("shell", text, [
      ["DB_PASSWORD", "s3cr3t"],
      ["API_TOKEN", "abc123"],
      ["SECRET", "x y"],
      ["PASS", "plain"],
      ["NESTED", "1"],
    ]);
    expect(found.every((a) => a.source === "shell")).toBe(true);
  });

  it("reads flags with values, but not a short flag and a separate word", () => {
    const text = [
      "mysql -u root --password=hunter2 -p notread",
      'redis-server --requirepass "two words"',
      "docker build --build-arg NPM_TOKEN=npm_abc -t app .",
      "docker run -e POSTGRES_PASSWORD=pg -p 5432:5432 postgres",
      "kubectl create secret generic db --from-literal=password=k8s",
      "psql --host db \\",
      "  --password continued",
      "",
    ].join("\n");
    const found = expectKind("shell", text, [
      ["--password", "hunter2"],
      ["--requirepass", "two words"],
      ["NPM_TOKEN", "npm_abc"],
      ["POSTGRES_PASSWORD", "pg"],
      ["password", "k8s"],
      ["--host", "db"],
      ["--password", "continued"],
    ]);
    expect(found[2]).toMatchObject({ keyPath: ["--build-arg", "NPM_TOKEN"], source: "argument" });
  });

  it("marks expansions as templated", () => {
    const text = 'A=$(cat /run/secret) B="${DB_PASSWORD}" C=$TOKEN D=literal\n';
    const found = expectKind("shell", text, [
      ["A", "$(cat /run/secret)"],
      ["B", "${DB_PASSWORD}"],
      ["C", "$TOKEN"],
      ["D", "literal"],
    ]);
    expect(found.map((a) => a.templated ?? false)).toEqual([true, true, true, false]);
  });

  it("reads KEY=value lines of a heredoc, and no commands inside it", () => {
    const text = "cat > app.env <<'EOF'\nDB_PASSWORD=from-heredoc\nit's prose\nEOF\nexport AFTER=1\n";
    expectKind("shell", text, [
      ["DB_PASSWORD", "from-heredoc"],
      ["AFTER", "1"],
    ]);
  });

  it("ignores comments", () => {
    expectKind("shell", "# export COMMENTED=1\necho hi # --password=nope\n", []);
  });
});

describe("yaml", () => {
  it("reads every scalar map entry with its key path", () => {
    const text = "database:\n  host: db\n  password: \"p@ss\"\n  port: 5432\n  enabled: true\n  empty:\n";
    const found = expectKind("yaml", text, [
      ["host", "db"],
      ["password", "p@ss"],
      ["port", "5432"],
    ]);
    expect(found[1]).toMatchObject({ keyPath: ["database", "password"], quoted: true, source: "yaml" });
  });

  it("reads compose environment as a map and as a list of KEY=value", () => {
    const text = [
      "services:",
      "  db:",
      "    environment:",
      "      POSTGRES_PASSWORD: secret",
      "  api:",
      "    environment:",
      "      - API_KEY=abc123",
      '      - "JWT_SECRET=quoted"',
      "    build:",
      "      args:",
      "        - NPM_TOKEN=npm_x",
      "",
    ].join("\n");
    const found = expectKind("yaml", text, [
      ["POSTGRES_PASSWORD", "secret"],
      ["API_KEY", "abc123"],
      ["JWT_SECRET", "quoted"],
      ["NPM_TOKEN", "npm_x"],
    ]);
    expect(found.map((a) => a.keyPath)).toEqual([
      ["services", "db", "environment", "POSTGRES_PASSWORD"],
      ["services", "api", "environment", "API_KEY"],
      ["services", "api", "environment", "JWT_SECRET"],
      ["services", "api", "build", "args", "NPM_TOKEN"],
    ]);
  });

  it("reads container env entries as name → value, and nothing for valueFrom", () => {
    const text = [
      "spec:",
      "  containers:",
      "    - image: app",
      "      env:",
      "        - name: DB_PASSWORD",
      '          value: "literal"',
      "        - name: API_KEY",
      "          valueFrom:",
      "            secretKeyRef: { name: api, key: key }",
      "",
    ].join("\n");
    const found = expectKind("yaml", text, [
      ["image", "app"],
      ["DB_PASSWORD", "literal"],
      ["name", "API_KEY"],
      ["name", "api"],
      ["key", "key"],
    ]);
    expect(found[1]?.keyPath).toEqual(["spec", "containers", "env", "DB_PASSWORD"]);
  });

  it("reads flags in command and args, as arrays and as strings", () => {
    const text = [
      "command: redis-server --requirepass hunter2",
      'args: ["--password", "pw1", "--token=tk", "-p=short"]',
      "entrypoint:",
      "  - sh",
      "  - -c",
      "  - mysqld --password=inner",
      "",
    ].join("\n");
    const found = expectKind("yaml", text, [
      ["--requirepass", "hunter2"],
      ["--password", "pw1"],
      ["--token", "tk"],
      ["-p", "short"],
      ["--password", "inner"],
    ]);
    expect(found.every((a) => a.source === "argument")).toBe(true);
  });

  it("reads CI scripts as shell", () => {
    const text = "steps:\n  - run: |\n      export DB_PASSWORD=ci-secret\n      ./test --token abc\n";
    expectKind("yaml", text, [
      ["DB_PASSWORD", "ci-secret"],
      ["--token", "abc"],
    ]);
  });

  it("reads a ConfigMap's data, and files embedded in it by their extension", () => {
    const text = [
      "apiVersion: v1",
      "kind: ConfigMap",
      "data:",
      "  LOG_LEVEL: info",
      "  application.properties: |",
      "    spring.datasource.password=embedded",
      "  app.env: |",
      "    API_KEY=from-env-file",
      "",
    ].join("\n");
    const found = expectKind("yaml", text, [
      ["apiVersion", "v1"],
      ["kind", "ConfigMap"],
      ["LOG_LEVEL", "info"],
      ["spring.datasource.password", "embedded"],
      ["API_KEY", "from-env-file"],
    ]);
    expect(found.map((a) => a.source)).toEqual(["yaml", "yaml", "yaml", "properties", "dotenv"]);
  });

  it("resolves aliases to the anchored value and marks custom tags and ${} as templated", () => {
    const text = "defaults: &pw anchored\npassword: *pw\nref: !Ref DbPassword\nurl: ${DATABASE_URL}\n";
    const found = expectKind("yaml", text, [
      ["defaults", "anchored"],
      ["password", "anchored"],
      ["ref", "DbPassword"],
      ["url", "${DATABASE_URL}"],
    ]);
    expect(found.map((a) => a.templated ?? false)).toEqual([false, false, true, true]);
  });

  it("reads every document of a stream", () => {
    expectKind("yaml", "a: 1\n---\nb: 2\n", [
      ["a", "1"],
      ["b", "2"],
    ]);
  });

  it("reads block scalars from their first character of content", () => {
    const text = "key: |\n  line one\n  line two\n";
    expectKind("yaml", text, [["key", "line one\nline two\n", "line one\n  line two"]]);
  });
});

describe("Helm templates", () => {
  const text = [
    "{{- if .Values.enabled }}",
    "apiVersion: v1",
    "kind: Secret",
    "stringData:",
    "  password: {{ .Values.password | quote }}",
    '  token: "{{ .Values.token }}"',
    "  literal: hardcoded",
    "  url: postgres://{{ .Values.host }}/db",
    "{{- end }}",
    "",
  ].join("\n");

  it("gives the template text as the value, marked templated", () => {
    const found = expectKind("yaml", text, [
      ["apiVersion", "v1"],
      ["kind", "Secret"],
      ["password", "{{ .Values.password | quote }}"],
      ["token", "{{ .Values.token }}"],
      ["literal", "hardcoded"],
      ["url", "postgres://{{ .Values.host }}/db"],
    ]);
    expect(found.map((a) => a.templated ?? false)).toEqual([false, false, true, true, false, true]);
  });

  it("reads templates inside command lines as one templated word", () => {
    const found = expectKind("yaml", "args: [--requirepass, {{ .Values.redis.password }}]\n", [
      ["--requirepass", "{{ .Values.redis.password }}"],
    ]);
    expect(found[0]?.templated).toBe(true);
  });
});

describe("json", () => {
  it("reads nested keys, env arrays and escapes", () => {
    const text = '{\n  "db": { "password": "p\\"w" },\n  "environment": [{ "name": "API_KEY", "value": "k" }],\n  "port": 5432\n}\n';
    const found = expectKind("json", text, [
      ["password", 'p"w', 'p\\"w'],
      ["API_KEY", "k"],
      ["port", "5432"],
    ]);
    expect(found[0]).toMatchObject({ keyPath: ["db", "password"], quoted: true, source: "json" });
  });

  it("reads JSONC: comments and trailing commas", () => {
    expectKind("json", '{\n  // note\n  "token": "t", /* x */\n}\n', [["token", "t"]]);
  });
});

describe("toml", () => {
  it("reads tables, quoted and dotted keys, string kinds and inline tables", () => {
    const text = [
      "title = 'app'",
      "[database]",
      'password = "p\\tw"',
      "\"quoted key\" = 'literal\\n'",
      "pool.size = 5",
      "[servers.alpha]",
      'creds = { user = "u", token = "t", n = [1, 2], nested = { key = "k" } }',
      'cert = """',
      "multi",
      'line"""',
      "",
    ].join("\n");
    const found = expectKind("toml", text, [
      ["title", "app"],
      ["password", "p\tw", "p\\tw"],
      ["quoted key", "literal\\n"],
      ["user", "u"],
      ["token", "t"],
      ["key", "k"],
      ["cert", "multi\nline"],
    ]);
    expect(found.map((a) => a.keyPath)).toEqual([
      ["title"],
      ["database", "password"],
      ["database", "quoted key"],
      ["servers", "alpha", "creds", "user"],
      ["servers", "alpha", "creds", "token"],
      ["servers", "alpha", "creds", "nested", "key"],
      ["servers", "alpha", "cert"],
    ]);
  });
});

describe("ini", () => {
  it("reads sections, = and : delimiters, quotes and inline comments", () => {
    const text = [
      "; comment",
      "[client]",
      "user = root",
      'password = "quoted" ; comment',
      "host: db.internal",
      "pin=12#34",
      "note = value # comment",
      "//registry.npmjs.org/:_authToken=npm_abc",
      "",
    ].join("\n");
    const found = expectKind("ini", text, [
      ["user", "root"],
      ["password", "quoted"],
      ["host", "db.internal"],
      ["pin", "12#34"],
      ["note", "value"],
      ["//registry.npmjs.org/:_authToken", "npm_abc"],
    ]);
    expect(found[1]).toMatchObject({ keyPath: ["client", "password"], quoted: true, source: "ini" });
  });
});

describe("properties", () => {
  it("reads =, : and whitespace separators, escapes and continuation lines", () => {
    const text = [
      "# comment",
      "! also a comment",
      "spring.datasource.password=sec\\u0041ret",
      "api.key : value",
      "plain value with spaces",
      "key\\ with\\ space = x",
      "long = first \\",
      "       second",
      "placeholder=${DB_PASSWORD}",
      "",
    ].join("\n");
    const found = expectKind("properties", text, [
      ["spring.datasource.password", "secAret", "sec\\u0041ret"],
      ["api.key", "value"],
      ["plain", "value with spaces"],
      ["key with space", "x"],
      ["long", "first second", "first \\\n       second"],
      ["placeholder", "${DB_PASSWORD}"],
    ]);
    expect(found[5]?.templated).toBe(true);
  });
});

describe("xml", () => {
  it("reads element text, key/value attribute pairs, keyed entries and attributes", () => {
    const text = [
      '<?xml version="1.0"?>',
      "<settings>",
      "  <!-- <password>commented</password> -->",
      "  <server><id>nexus</id><password>p&amp;w</password></server>",
      '  <add key="DbPassword" value="from-add"/>',
      '  <entry key="api.token">from-entry</entry>',
      '  <datasource password="from-attr" />',
      "  <cdata><![CDATA[raw<text>]]></cdata>",
      "</settings>",
    ].join("\n");
    const found = expectKind("xml", text, [
      ["id", "nexus"],
      ["password", "p&w", "p&amp;w"],
      ["DbPassword", "from-add"],
      ["api.token", "from-entry"],
      ["password", "from-attr"],
      ["cdata", "raw<text>"],
    ]);
    expect(found.map((a) => a.keyPath)).toEqual([
      ["settings", "server", "id"],
      ["settings", "server", "password"],
      ["settings", "add", "DbPassword"],
      ["settings", "entry", "api.token"],
      ["settings", "datasource", "password"],
      ["settings", "cdata"],
    ]);
  });
});

describe("dockerfile", () => {
  it("reads ENV and ARG (both ENV forms), RUN as shell, exec-form CMD flags", () => {
    const text = [
      "FROM node:20",
      'ENV NODE_ENV=production API_KEY="two words" \\',
      "    # a comment inside a continued instruction",
      "    OTHER=3",
      "ENV LEGACY_TOKEN legacy value",
      "ARG NPM_TOKEN=npm_default",
      "ARG NO_DEFAULT",
      "RUN export DB_PASSWORD=in-run && mysql --password=run-flag",
      'CMD ["redis-server", "--requirepass", "cmd-secret"]',
      "",
    ].join("\n");
    const found = expectKind("dockerfile", text, [
      ["NODE_ENV", "production"],
      ["API_KEY", "two words"],
      ["OTHER", "3"],
      ["LEGACY_TOKEN", "legacy value"],
      ["NPM_TOKEN", "npm_default"],
      ["DB_PASSWORD", "in-run"],
      ["--password", "run-flag"],
      ["--requirepass", "cmd-secret"],
    ]);
    expect(found.map((a) => a.source)).toEqual([
      "dockerfile",
      "dockerfile",
      "dockerfile",
      "dockerfile",
      "dockerfile",
      "shell",
      "argument",
      "argument",
    ]);
  });
});

describe("hcl", () => {
  it("reads attributes in nested blocks, objects, and a variable's default", () => {
    const text = [
      'variable "db_password" {',
      '  default = "tf-default"',
      "}",
      'resource "aws_db_instance" "main" {',
      '  password = "literal" # comment',
      '  name     = "${var.prefix}-db"',
      "  user     = var.user",
      '  tags     = { token = "t", Name = "x" }',
      '  rule = "$${escaped}"',
      "}",
      "",
    ].join("\n");
    const found = expectKind("hcl", text, [
      ["db_password", "tf-default"],
      ["password", "literal"],
      ["name", "${var.prefix}-db"],
      ["token", "t"],
      ["Name", "x"],
      ["rule", "${escaped}", "$${escaped}"],
    ]);
    expect(found.map((a) => a.keyPath)).toEqual([
      ["variable", "db_password", "default"],
      ["resource", "aws_db_instance", "main", "password"],
      ["resource", "aws_db_instance", "main", "name"],
      ["resource", "aws_db_instance", "main", "tags", "token"],
      ["resource", "aws_db_instance", "main", "tags", "Name"],
      ["resource", "aws_db_instance", "main", "rule"],
    ]);
    expect(found.map((a) => a.templated ?? false)).toEqual([false, false, true, false, false, false]);
  });

  it("skips heredoc bodies, <<EOF and indented <<-EOT alike", () => {
    const text = ["a = <<EOF", 'password = "inside"', "EOF", "b = <<-EOT", '    token = "indented"', "    EOT", 'c = "after"', ""].join("\n");
    expectKind("hcl", text, [["c", "after"]]);
  });

  it("skips comments of every style, and reads quoted keys, colons and commas", () => {
    const text = [
      '# password = "hash"',
      '// token = "slashes"',
      '/* secret = "block"',
      '   key = "still block" */',
      '"quoted key" = "q" # trailing',
      'k2: "colon"',
      'a = "x", b = "y" /* inline */',
      "",
    ].join("\n");
    expectKind("hcl", text, [["quoted key", "q"], ["k2", "colon"], ["a", "x"], ["b", "y"]]);
  });

  it("keys values in lists and maps by the attribute that holds them", () => {
    const text = ['list = ["a", { password = "in-list" }]', "map = {", '  "d" = "4"', "}", ""].join("\n");
    const found = expectKind("hcl", text, [["password", "in-list"], ["d", "4"]]);
    expect(found.map((a) => a.keyPath)).toEqual([["list", "password"], ["map", "d"]]);
  });

  it("reads templates with quoted arguments and escaped quotes, and skips unterminated strings and expressions", () => {
    const text = ['p = "${lookup(var.m, "key")}"', 'q = "esc \\"quoted\\" here"', 'r = "unterminated', 's = "ok"', 't = "x" + "y"', ""].join("\n");
    const found = expectKind("hcl", text, [["p", '${lookup(var.m, "key")}'], ["q", 'esc "quoted" here', 'esc \\"quoted\\" here'], ["s", "ok"]]);
    expect(found.map((a) => a.templated ?? false)).toEqual([true, false, false]);
  });

  it.each([
    ["a 1 MB value", `password = "${"a".repeat(1_000_000)}"\n`, 1],
    ["unclosed templates", `x = "${'${"'.repeat(300_000)}"\n`, 0],
    ["brackets", `${"{[".repeat(500_000)}\npassword = "p"\n`, 1],
    ["heredoc openers", "<<EOF <<-X ".repeat(100_000), 0],
  ])("stays linear on %s", (_, text, count) => {
    const started = performance.now();
    expect(extract("hcl", text)).toHaveLength(count);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("python", () => {
  beforeAll(() => loadPython());

  function fromTree(text: string): Assignment[] {
    const parsed = parsePython(text);
    try {
      return extract("python", text, { python: parsed });
    } finally {
      parsed.dispose();
    }
  }

  it("reads assignments, attributes, annotations, subscripts, chains and tuples", () => {
    const text = [
      'password = "x"',
      'self.api_key: str = "y"',
      'os.environ["TOKEN"] = r"raw\\d"',
      'a = b = "chain"',
      'user, pw = "u", "p"',
      'escaped = "tab\\there"',
      'joined = "a" "b"',
      'plain_f = f"no substitutions"',
      "",
    ].join("\n");
    const found = fromTree(text);
    expectBindings(found, text, [
      ["password", "x"],
      ["api_key", "y"],
      ["TOKEN", "raw\\d"],
      ["a", "chain"],
      ["b", "chain"],
      ["user", "u"],
      ["pw", "p"],
      ["escaped", "tab\there", "tab\\there"],
      ["joined", "ab", 'a" "b'],
      ["plain_f", "no substitutions"],
    ]);
    expect(found[1]?.keyPath).toEqual(["self", "api_key"]);
    expect(found[2]?.keyPath).toEqual(["os", "environ", "TOKEN"]);
    expect(found.every((a) => a.source === "python")).toBe(true);
  });

  it("reads keyword arguments, dict literals and default parameters", () => {
    const text = [
      'db = connect(host=h, password="kw")',
      'DATABASES = {"default": {"PASSWORD": "dj"}}',
      'def login(user, token="dflt", *, secret: str = "typed"):',
      "    pass",
      "",
    ].join("\n");
    const found = fromTree(text);
    expectBindings(found, text, [
      ["password", "kw"],
      ["PASSWORD", "dj"],
      ["token", "dflt"],
      ["secret", "typed"],
    ]);
    expect(found[1]?.keyPath).toEqual(["DATABASES", "default", "PASSWORD"]);
  });

  it("takes no call, name or f-string with substitutions as a literal", () => {
    const text = 'a = os.getenv("X")\nb = other\nc = f"{user}:{pw}"\nd = "x" + suffix\n';
    expectBindings(fromTree(text), text, []);
  });

  it("reads the fallback of `or` and the default an environment read falls back to", () => {
    const text = [
      'password = settings.get("password") or "fallback"',
      'DB_PASSWORD = os.getenv("DB_PASSWORD", "getenv-default")',
      'key = os.environ.get("MISO_API_KEY", default="kw-default")',
      'connect(token=os.environ.setdefault("TOKEN", "setdefault"))',
      'mode = os.getenv("MODE")',
      "",
    ].join("\n");
    expectBindings(fromTree(text), text, [
      ["password", "fallback"],
      ["DB_PASSWORD", "getenv-default"], // the assignment and the read agree: one binding
      ["MISO_API_KEY", "kw-default"],
      ["default", "kw-default"], // the keyword argument itself, a name that holds no secret
      ["TOKEN", "setdefault"],
    ]);
  });

  it("reads a file with a syntax error: the tree where it parsed, lines where it did not", () => {
    const text = 'password = "before"\ndef broken(:\n    token = "inside"\nafter = "after"\n';
    expectBindings(fromTree(text), text, [
      ["password", "before"],
      ["token", "inside"],
      ["after", "after"],
    ]);
  });

  it("falls back to the line reader without a tree", () => {
    const text = 'password = "x"\nconnect(token="kw")\nconfig = {"secret": "dict"}\nuser: str = "annotated"\n';
    const found = extract("python", text);
    expectBindings(found, text, [
      ["password", "x"],
      ["token", "kw"],
      ["secret", "dict"],
      ["user", "annotated"],
    ]);
    expect(found.every((a) => a.source === "text")).toBe(true);
  });
});

describe("javascript and typescript", () => {
  beforeAll(loadJavaScript);

  function fromAst(text: string, path = "file.ts"): Assignment[] {
    return extract("javascript", text, { javascript: parseJavaScript(text, path) }, path);
  }

  it("reads declarators, properties, member assignments, defaults, fields and enums", () => {
    const text = [
      'const apiKey = "x";',
      "this.token = `template`;",
      'const config = { db: { password: "nested" }, "quoted-key": "q" };',
      'process.env["SECRET"] = "env";',
      'function connect(pass = "default") {}',
      'const { token = "destructured" } = opts;',
      'class Client { #secret = "private"; auth: string = "field"; }',
      'enum Keys { Stripe = "enum" }',
      'const typed = "as-const" as const;',
      'const escaped = "a\\u0041";',
      "",
    ].join("\n");
    const found = fromAst(text);
    expectBindings(found, text, [
      ["apiKey", "x"],
      ["token", "template"],
      ["password", "nested"],
      ["quoted-key", "q"],
      ["SECRET", "env"],
      ["pass", "default"],
      ["token", "destructured"],
      ["#secret", "private"],
      ["auth", "field"],
      ["Stripe", "enum"],
      ["typed", "as-const"],
      ["escaped", "aA", "a\\u0041"],
    ]);
    expect(found[2]?.keyPath).toEqual(["config", "db", "password"]);
    expect(found[4]?.keyPath).toEqual(["process", "env", "SECRET"]);
    expect(found.every((a) => a.source === "javascript")).toBe(true);
  });

  it("reads JSX attributes", () => {
    const text = 'const el = <Client apiKey="jsx" token={"braced"} />;\n';
    expectBindings(fromAst(text, "app.tsx"), text, [
      ["apiKey", "jsx"],
      ["token", "braced"],
    ]);
  });

  it("takes no call, name or template with substitutions as a literal", () => {
    const text = "const a = getKey();\nconst b = other;\nconst c = `${user}:${pw}`;\nconst d = 'x' + y;\n";
    expectBindings(fromAst(text), text, []);
  });

  it("reads the literal a ?? or || falls back to, and names an environment read by its variable", () => {
    const text = [
      'const token = opts.token ?? "fallback";',
      'const CLICKHOUSE_PASSWORD = process.env.CLICKHOUSE_PASSWORD || "env-default";',
      'connect(process.env["DB_PASSWORD"] ?? "in-call");',
      'const key = import.meta.env.VITE_KEY ?? "vite";',
      'const flag = enabled && "no";',
      "",
    ].join("\n");
    expectBindings(fromAst(text), text, [
      ["token", "fallback"],
      ["CLICKHOUSE_PASSWORD", "env-default"],
      ["DB_PASSWORD", "in-call"],
      ["key", "vite"],
      ["VITE_KEY", "vite"],
    ]);
  });

  it("falls back to the line reader when the file does not parse or no AST is given", () => {
    const text = 'const password = "x";\nconst = ;\nconst obj = { apiKey: "k", flag: cond ? "a" : "b" };\n';
    const parsed = parseJavaScript(text, "broken.ts");
    expect(parsed.ast).toBeNull();
    const rows: Row[] = [
      ["password", "x"],
      ["apiKey", "k"],
    ];
    expectBindings(extract("javascript", text, { javascript: parsed }), text, rows);
    expectBindings(extract("javascript", text), text, rows);
  });
});

describe("markdown", () => {
  it("reads fenced blocks by language, with offsets in the Markdown file, and KEY=value prose lines", () => {
    const text = [
      "# Setup",
      "",
      "DB_PASSWORD=from-prose",
      "",
      "```bash",
      "export API_TOKEN=from-bash",
      "```",
      "",
      "```yaml",
      "password: from-yaml",
      "```",
      "",
      "~~~python",
      'secret = "from-python"',
      "~~~",
      "",
      "```json",
      '{"token": "from-json"}',
      "```",
      "",
      "```",
      'key = "from-unlabelled"',
      "```",
      "",
      "Some prose with password=notaline in it.",
      "",
    ].join("\n");
    const found = expectKind("markdown", text, [
      ["DB_PASSWORD", "from-prose"],
      ["API_TOKEN", "from-bash"],
      ["password", "from-yaml"],
      ["secret", "from-python"],
      ["token", "from-json"],
      ["key", "from-unlabelled"],
    ]);
    expect(found.map((a) => a.source)).toEqual(["text", "shell", "yaml", "text", "json", "text"]);
  });
});

describe("text", () => {
  it("reads name = \"literal\" anywhere and whole KEY=value lines", () => {
    const text = 'notes: password = "quoted"\nAPI_KEY=line-value\n';
    expectKind("text", text, [
      ["password", "quoted"],
      ["API_KEY", "line-value"],
    ]);
  });

  it("reads fat-arrow bindings (PHP, Perl, Ruby), but no statement or initializer of code as a setting", () => {
    const text = [
      "'password' => 'php',",
      ":api_key => \"ruby\",",
      "pass => 1,",
      "passwd => $password,",
      "status_pass = pass;",
      "sym_pass_statement = 128,",
      "TOKEN=plain",
      "",
    ].join("\n");
    expectKind("text", text, [
      ["password", "php"],
      ["api_key", "ruby"],
      ["TOKEN", "plain"],
    ]);
  });

  it("reads make's ?= := ::= assignments, Go's typed declarations, PHP's .= and comparisons with a literal", () => {
    const text = [
      "REGISTRY_PASSWORD ?= m4ke-value",
      "export API_TOKEN ::= m4ke-token",
      "DB_PASSWORD := $(shell vault kv get -field=password secret/db)",
      'var dbPassword string = "go-value"',
      'apiToken string = "go-const"',
      '$password .= "php-value";',
      'if token == "compared" {',
      "",
    ].join("\n");
    const found = extract("text", text).filter((a) => /password|token/i.test(a.key));
    expect(found.map((a) => [a.key, a.value, a.compared ?? false, a.templated ?? false])).toEqual([
      ["REGISTRY_PASSWORD", "m4ke-value", false, false],
      ["API_TOKEN", "m4ke-token", false, false],
      ["DB_PASSWORD", "$(shell vault kv get -field=password secret/db)", false, true],
      ["dbPassword", "go-value", false, false],
      ["apiToken", "go-const", false, false],
      ["$password", "php-value", false, false],
      ["token", "compared", true, false],
    ]);
  });

  it("reads the default an environment helper falls back to, under the variable's name", () => {
    const text = [
      "'password' => env('DB_PASSWORD', 'laravel'),",
      'config.api_key = ENV.fetch("PAYMENTS_API_KEY", "ruby")',
      'token := getEnv("API_TOKEN", "go")',
      "",
    ].join("\n");
    expectKind("text", text, [
      ["DB_PASSWORD", "laravel"],
      ["config.api_key", 'ENV.fetch("PAYMENTS_API_KEY", "ruby")'], // the whole line, as KEY=value: code the judge sees through
      ["PAYMENTS_API_KEY", "ruby"],
      ["API_TOKEN", "go"],
    ]);
  });

  it("finds nothing in a .gitignore", () => {
    expect(extract("gitignore", "KEY=value\n")).toEqual([]);
  });
});

describe("broken input is a value, never an exception", () => {
  it("reads what parses in broken YAML", () => {
    const text = "good: value\nbad: [unclosed\n  also: broken: here\n";
    const found = extract("yaml", text);
    expect(found.map((a) => a.key)).toContain("good");
  });

  it("returns nothing rather than throwing for every kind on garbage", () => {
    const garbage = '\u0000{{ [ "\' `${ <a b=" \\\n---\n- : : ]]} }} <<EOF\n"""\n';
    for (const kind of FILE_KINDS) expect(() => extract(kind, garbage)).not.toThrow();
  });
});

describe("line endings and byte order marks", () => {
  const cases: [FileKind, string, Row][] = [
    ["dotenv", "A=1\r\nPASSWORD=crlf\r\n", ["PASSWORD", "crlf"]],
    ["shell", "echo\r\nexport PASSWORD=crlf\r\n", ["PASSWORD", "crlf"]],
    ["yaml", "a: 1\r\npassword: crlf\r\n", ["password", "crlf"]],
    ["ini", "[s]\r\npassword = crlf\r\n", ["password", "crlf"]],
    ["toml", "[s]\r\npassword = \"crlf\"\r\n", ["password", "crlf"]],
    ["properties", "a=1\r\npassword=crlf\r\n", ["password", "crlf"]],
    ["dockerfile", "FROM x\r\nENV PASSWORD=crlf\r\n", ["PASSWORD", "crlf"]],
    ["hcl", "x {\r\n  password = \"crlf\"\r\n}\r\n", ["password", "crlf"]],
    ["text", "x\r\nPASSWORD=crlf\r\n", ["PASSWORD", "crlf"]],
  ];

  it.each(cases)("%s: CRLF never ends up in a value", (kind, text, row) => {
    const found = extract(kind, text).filter((a) => a.key === row[0]);
    expectBindings(found, text, [row]);
  });

  it.each(cases)("%s: a UTF-8 BOM does not hide the first key", (kind, text, row) => {
    const line = text.split("\r\n").find((l) => l.includes(row[0])) ?? "";
    const withBom = `\uFEFF${line}\n`;
    expectBindings(extract(kind, withBom), withBom, [row]);
  });

  it.each([
    ["json", '\uFEFF{"password": "bom"}\n'],
    ["xml", "\uFEFF<password>bom</password>\n"],
    ["python", '\uFEFFpassword = "bom"\n'],
    ["javascript", '\uFEFFconst password = "bom";\n'],
    ["markdown", "\uFEFFpassword=bom\n"],
  ] as [FileKind, string][])("%s: a UTF-8 BOM does not hide the first key", (kind, text) => {
    expectBindings(extract(kind, text), text, [["password", "bom"]]);
  });

  it("a UTF-8 BOM before Python and TypeScript that are parsed", async () => {
    await Promise.all([loadPython(), loadJavaScript()]);
    const py = '\uFEFFpassword = "bom"\n';
    const parsed = parsePython(py);
    expectBindings(extract("python", py, { python: parsed }), py, [["password", "bom"]]);
    parsed.dispose();
    const ts = '\uFEFFconst password = "bom";\n';
    expectBindings(extract("javascript", ts, { javascript: parseJavaScript(ts, "a.ts") }), ts, [["password", "bom"]]);
  });
});

describe("linear time", () => {
  // Every scanner is line-bounded or memoised; a quadratic one would take minutes on these.
  const megabyte = 1_000_000;
  const lines: Record<string, string> = {
    "one word": "a".repeat(megabyte),
    "unclosed quotes and escapes": '"\\"\'`'.repeat(megabyte / 5),
    "templates and expansions": "{{ ${ $( <<EOF ".repeat(megabyte / 15),
    "bindings": 'k = "v", --x y <a b="c"> '.repeat(megabyte / 25),
  };

  it.each(Object.entries(lines))("a 1 MB single line of %s does not hang any reader", (_, line) => {
    for (const kind of FILE_KINDS) {
      const started = performance.now();
      extract(kind, line);
      // generous: the yaml package alone takes seconds on some of these
      expect(performance.now() - started, kind).toBeLessThan(10_000);
    }
  }, 120_000);
});

describe("plain text: quoted word lines", () => {
  it("reads `key \"value\"` lines of msmtp-style configs, and leaves prose alone", async () => {
    const { extractAssignments } = await import("../src/languages/assignments.js");
    const text = 'hostname smtp.example.com:587\npassword "hunter22"\nReset your password "soon" today.\n';
    const found = extractAssignments({ path: ".msmtprc", kind: "text", text }).filter((a) => a.key === "password");
    expect(found.map((a) => [a.value, text.slice(a.valueStart, a.valueEnd)])).toEqual([["hunter22", "hunter22"]]);
  });
});
