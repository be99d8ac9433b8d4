// Issue 17, items 2 and 8: no value is printed whole, in any format, in findings, snippets,
// notices or --debug: not when the line is long, not when the finding's value is decoded, not
// when a parser quotes the source in its error.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

const FORMATS = ["pretty", "json", "sarif", "markdown", "github"];

/** Everything the CLI prints for a repository, in every format, with --debug on stderr. */
async function everything(repo: string, args: string[] = []): Promise<string> {
  const runs = await Promise.all(FORMATS.map((format) => cli(["--no-color", "--debug", "--format", format, ...args, "."], { cwd: repo })));
  for (const run of runs) expect(run.status, run.stderr).toBeLessThan(2);
  return runs.map((r) => r.stdout + r.stderr).join("\n");
}

/** Fails when any run of `width` characters from the middle of `value` appears in `text`. */
function expectNoPartOf(text: string, value: string, width = 12): void {
  for (let i = 4; i + width <= value.length - 4; i += 3) {
    const part = value.slice(i, i + width);
    if (text.includes(part)) throw new Error(`output holds characters ${i}..${i + width} of the value`);
  }
}

const token = (length: number) => randomBytes(length).toString("base64").replace(/[+/=]/g, "").slice(0, length);

function base64Pem(): string {
  const body = randomBytes(1200).toString("base64").replace(/.{64}/g, "$&\n");
  return Buffer.from(`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`).toString("base64");
}

describe("values are masked before a long line is cut to a window", () => {
  it("a base64 PEM key on a long line shows only its redacted ends", async () => {
    const blob = base64Pem();
    const repo = makeRepo({ "deploy/values.yaml": `tls_key: ${blob}\n`, "certs/key.b64": `${blob}${randomBytes(30000).toString("base64")}\n` });
    const out = await everything(repo);
    expect(out).toContain("LS0t…");
    expectNoPartOf(out, blob);
  });

  it("a Secret's data value, reported decoded, does not show as base64 in the snippet", async () => {
    const password = `${token(10)}-${token(10)}`;
    const encoded = Buffer.from(password).toString("base64");
    const repo = makeRepo({ "k8s/secret.yaml": `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${encoded}\n` });
    const out = await everything(repo, ["--rule", "k8s-plaintext-secret=off"]);
    expect(out).toContain("hardcoded-secret");
    expectNoPartOf(out, encoded, 10);
    expectNoPartOf(out, password, 8);
  });
});

describe("messages and notices never quote the source", () => {
  it("a YAML block scalar header holding the value (`password: |<value>`)", async () => {
    const value = token(32);
    const repo = makeRepo({ "config.yaml": `password: |${value}\nother: 1\n` });
    const out = await everything(repo);
    expect(out).toContain("does not parse");
    expectNoPartOf(out, value, 8);
  });

  it("a shell line above a YAML key does not become part of the key quoted in the message", async () => {
    const value = token(24);
    const repo = makeRepo({ "settings.yaml": `export DB_PASSWORD="${value}"\npassword: ${token(16)}-x9\n` });
    const out = await everything(repo);
    expect(out).toContain("`password` is set to a literal secret");
    expectNoPartOf(out, value, 8);
  });

  it("a TypeScript syntax error quoting a literal's digits", async () => {
    const digits = "7".repeat(6) + "123456701234567";
    // (the quote on the line makes the file a candidate for the parse: a secret's name beside a literal)
    const repo = makeRepo({ "src/app.ts": `const password = 0${digits}; // "legacy"\n` });
    const out = await everything(repo);
    expect(out).toContain("does not parse");
    expect(out).not.toContain(digits.slice(3, 15));
  });
});
