// Flow analysis for TypeScript/JavaScript (src/code/javascript.ts): what a value holds, which calls
// are sinks, pino redaction, and the start-up facts. Snippets mark the lines that must leak with `// LEAK`.

import { beforeAll, describe, expect, it } from "vitest";
import { buildJavaScriptModel, javascriptLeaks, javascriptStartupFacts } from "../src/analysis/code/javascript.js";
import type { LeakOptions } from "../src/analysis/code/shared.js";
import { loadJavaScript, parseJavaScript } from "../src/languages/javascript.js";

beforeAll(loadJavaScript);

const OPTIONS: LeakOptions = { exceptions: true, prints: true, loggers: new Set(), sanitizers: new Set() };

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

function model(code: string, path = "app.ts") {
  const parsed = parseJavaScript(code, path);
  if (!parsed.ast) throw new Error(parsed.error ?? "no ast");
  return buildJavaScriptModel(parsed.ast, path);
}

function leaks(code: string, options: Partial<LeakOptions> = {}) {
  return javascriptLeaks(model(code), { ...OPTIONS, ...options }).map((l) => ({ ...l, line: lineOf(code, l.start) }));
}

function marked(code: string): number[] {
  return code.split("\n").flatMap((l, i) => (l.includes("// LEAK") ? [i + 1] : []));
}

function facts(code: string, path = "app.ts") {
  return javascriptStartupFacts(model(code, path), path, (o) => ({ line: lineOf(code, o), column: 1 }));
}

const FLOWS: [string, string][] = [
  ["a secret-named parameter", "function f(password: string) {\n  console.log(password); // LEAK\n}\n"],
  ["process.env members", "console.log(process.env.MISO_API_KEY); // LEAK\nconsole.log(process.env['CLICKHOUSE_PASSWORD']); // LEAK\nconsole.log(process.env.PORT);\n"],
  ["destructured from process.env", "const { API_TOKEN, HOST } = process.env;\nconsole.log(API_TOKEN); // LEAK\nconsole.log(HOST);\n"],
  ["template literals", "function f(token: string) {\n  logger.info(`token=${token}`); // LEAK\n}\n"],
  ["concatenation through variables", "function f(apiKey: string) {\n  const a = 'k=' + apiKey;\n  let b = a;\n  logger.warn(b); // LEAK\n}\n"],
  ["+= on a string", "function f(token: string) {\n  let m = 'a';\n  m += token;\n  logger.info(m); // LEAK\n}\n"],
  ["object shorthand", "function f(apiKey: string) {\n  logger.warn('x', { apiKey }); // LEAK\n}\n"],
  ["a property named like a secret", "function f(k: string) {\n  logger.warn('x', { apiKey: k }); // LEAK\n  logger.warn('x', { user: k });\n}\n"],
  ["spreading a headers object", "function f(t: string) {\n  const headers = { Authorization: `Bearer ${t}` };\n  logger.debug({ ...headers }); // LEAK\n  logger.debug(headers.Accept);\n}\n"],
  ["headers written by member", "function f(t: string) {\n  const h: Record<string, string> = {};\n  h.authorization = t;\n  console.log(h); // LEAK\n}\n"],
  ["request headers", "function f(req: any) {\n  logger.info({ headers: req.headers }); // LEAK\n  logger.info(req.headers['user-agent']);\n  logger.info(req.headers.authorization); // LEAK\n}\n"],
  ["the whole environment", "console.log(process.env); // LEAK\nconsole.log(Object.keys(process.env));\nfor (const [k, v] of Object.entries(process.env)) console.log(v); // LEAK\n"],
  ["this members set in the constructor", "class C {\n  constructor(private password: string) { this.url = `redis://:${password}@cache`; }\n  show() { this.logger.info(this.url); } // LEAK\n}\n"],
  ["JSON.stringify and Buffer", "function f(secret: string) {\n  console.log(JSON.stringify({ secret })); // LEAK\n  console.log(Buffer.from(secret).toString('base64')); // LEAK\n}\n"],
  ["string methods keep the secret", "function f(token: string) {\n  console.log(token.trim().toUpperCase()); // LEAK\n}\n"],
  ["?? and ||", "function f(token?: string) {\n  console.log(token ?? 'none'); // LEAK\n  console.log(token || 'none'); // LEAK\n}\n"],
  ["a function named like a secret", "console.log(getApiKey()); // LEAK\nconsole.log(config.get('db.password')); // LEAK\n"],
  ["credential URLs", "function f(databaseUrl: string, baseUrl: string) {\n  console.log(databaseUrl); // LEAK\n  console.log(baseUrl);\n}\n"],
  ["non-null and casts", "console.log(process.env.JWT_SECRET! as string); // LEAK\n"],
];

const CLEAN: [string, string][] = [
  ["length, !!, Boolean, typeof, comparisons", "function f(token: string) {\n  console.log(token.length, !!token, Boolean(token), typeof token, token === 'x');\n}\n"],
  ["masks and hashes", "import { createHash } from 'node:crypto';\nfunction f(token: string) {\n  console.log(mask(token), redactToken(token), createHash('sha256').update(token).digest('hex'));\n}\n"],
  ["a short prefix or suffix", "function f(token: string) {\n  console.log(token.slice(0, 4), token.slice(-4), token.substring(0, 6));\n  console.log(token.slice(7)); // LEAK\n}\n"],
  ["describing members", "function f(credentials: any, token: any) {\n  console.log(credentials.username, token.expiresAt, token.scope, token.kid);\n}\n"],
  ["names of variables", "const REQUIRED = ['CAISO_API_KEY'];\nconst missing = REQUIRED.filter((k) => !process.env[k]);\nthrow new Error(`missing ${missing.join(', ')}`);\n"],
  ["a URL's host", "console.log(new URL(process.env.DATABASE_URL!).host);\nconsole.log(new URL(process.env.DATABASE_URL!)); // LEAK\n"],
  ["not a logger", "function f(token: string, res: any, catalog: any) {\n  cache.set('t', token);\n  res.json({ ok: true });\n  catalog.info(token);\n}\n"],
  ["logger configuration calls", "function f(token: string) {\n  logger.on('data', token);\n  logger.isLevelEnabled(token);\n}\n"],
];

describe("javascript flow: secrets reach sinks", () => {
  it.each(FLOWS)("%s", (_, code) => {
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
  });
});

describe("javascript flow: what is not a leak", () => {
  it.each(CLEAN)("%s", (_, code) => {
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
  });
});

describe("javascript sinks", () => {
  it("knows console, pino/winston/bunyan loggers, debug, child loggers, streams and throw", () => {
    const code = [
      "import pino from 'pino';",
      "import createDebug from 'debug';",
      "const dbg = createDebug('app');",
      "const audit = pino();",
      "const log2 = require('debug')('x');",
      "export function f(token: string, request: any, fastify: any) {",
      "  console.table(token); // LEAK",
      "  audit.info(token); // LEAK",
      "  dbg('%s', token); // LEAK",
      "  log2(token); // LEAK",
      "  audit.child({ token }); // LEAK",
      "  request.log.warn(token); // LEAK",
      "  fastify.log.error(token); // LEAK",
      "  process.stderr.write(token); // LEAK",
      "  throw new Error(token); // LEAK",
      "}",
      "",
    ].join("\n");
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
    expect(leaks(code).map((l) => l.sink)).toEqual([
      "console.table", "audit.info", "dbg", "log2", "audit.child", "request.log.warn", "fastify.log.error", "process.stderr.write", "throw new Error",
    ]);
  });

  it("honours pino and fastify redact paths, with wildcards and prefixes", () => {
    const code = [
      "import pino from 'pino';",
      "const logger = pino({ redact: { paths: ['apiKey', '*.password', 'req.headers.authorization', 'users[*].token'] } });",
      "export function f(apiKey: string, password: string, req: any, token: string, secret: string) {",
      "  logger.info({ apiKey });",
      "  logger.info({ db: { password } });",
      "  logger.info({ req: { headers: req.headers } });",
      "  logger.info({ secret }); // LEAK",
      "  console.log({ apiKey }); // LEAK",
      "}",
      "",
    ].join("\n");
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
  });

  it("names the source and the variable that carries it", () => {
    const [leak] = leaks("function f(user: string, password: string) {\n  const url = `amqp://${user}:${password}@mq`;\n  logger.info(url);\n}\n");
    expect(leak).toMatchObject({ source: "password", via: "url", sink: "logger.info" });
  });

  it("options turn off prints and exceptions, and add loggers and sanitizers", () => {
    const code = "function f(token: string) {\n  console.log(token);\n  throw new Error(token);\n  auditTrail.write(token);\n  logger.info(scrambled(token));\n}\n";
    expect(leaks(code).map((l) => l.line)).toEqual([2, 3]);
    expect(leaks(code, { prints: false, exceptions: false }).map((l) => l.line)).toEqual([]);
    expect(leaks(code, { loggers: new Set(["auditTrail"]) }).map((l) => l.line)).toEqual([2, 3, 4]);
  });

  it("stays linear on long chains of assignments", () => {
    const lines = ["function f(token: string) {", "  const v0 = token;"];
    for (let i = 1; i < 3000; i++) lines.push(`  const v${i} = v${i - 1} + 'x';`);
    lines.push("  console.log(v2999);", "}");
    const started = performance.now();
    expect(leaks(lines.join("\n"))).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("javascript start-up facts", () => {
  it("finds entry points", () => {
    const code = "import express from 'express';\nconst app = express();\napp.listen(8080);\n";
    expect(facts(code).entries.map((e) => e.what)).toEqual(["express()", "app.listen()"]);
  });

  it("finds reads and fallbacks", () => {
    const code = [
      "const a = process.env.A_TOKEN;",
      "const b = process.env.B_TOKEN ?? 'dev';",
      "const c = process.env.C_TOKEN || '';",
      "const { D_TOKEN = 'x', E_TOKEN } = process.env;",
      "process.env.F_TOKEN = 'written';",
      "const g = process.env.G_TOKEN!;",
      "",
    ].join("\n");
    expect(facts(code).reads.map((r) => [r.name, r.fallback]).sort()).toEqual([
      ["A_TOKEN", false],
      ["B_TOKEN", true],
      ["C_TOKEN", false],
      ["D_TOKEN", true],
      ["E_TOKEN", false],
      ["G_TOKEN", false],
    ]);
  });

  it("reads schemas: zod, envalid, joi, t3-env, and which keys they require", () => {
    const code = [
      "const Env = z.object({ A_KEY: z.string(), B_KEY: z.string().optional(), C_KEY: z.string().default('dev') });",
      "export const env = Env.parse(process.env);",
      "cleanEnv(process.env, { D_KEY: str(), E_KEY: str({ default: 'x' }), F_KEY: str({ devDefault: 'y' }) });",
      "Joi.attempt(process.env, Joi.object({ G_KEY: Joi.string().required(), H_KEY: Joi.string() }));",
      "createEnv({ server: { I_KEY: z.string() }, runtimeEnv: process.env });",
      "",
    ].join("\n");
    const f = facts(code);
    expect(f.reads.map((r) => [r.name, r.failFast, r.fallback])).toEqual([
      ["A_KEY", true, false],
      ["B_KEY", false, false],
      ["C_KEY", false, true],
      ["D_KEY", true, false],
      ["E_KEY", false, true],
      ["F_KEY", true, false],
      ["G_KEY", true, false],
      ["H_KEY", false, false],
      ["I_KEY", true, false],
    ]);
    expect(f.checks.flatMap((c) => c.names)).toEqual(["A_KEY", "D_KEY", "F_KEY", "G_KEY", "I_KEY"]);
  });

  it("follows a check back to the names it covers", () => {
    const code = [
      "const REQUIRED = ['KAFKA_BOOTSTRAP_SERVERS', 'CLICKHOUSE_DSN'] as const;",
      "export function validate() {",
      "  const missing = REQUIRED.filter((k) => !process.env[k]);",
      "  if (missing.length) process.exit(1);",
      "}",
      "if (!process.env.API_KEY) throw new Error('API_KEY');",
      "if (!process.env.OTHER_KEY) console.warn('no key');",
      "export function requireEnv(name: string) {",
      "  const value = process.env[name];",
      "  if (!value) throw new Error(name);",
      "  return value;",
      "}",
      "const Env = z.object({ X_KEY: z.string(), Y_KEY: z.string().optional() });",
      "const parsed = Env.safeParse(process.env);",
      "if (!parsed.success) process.exit(1);",
      "",
    ].join("\n");
    const checks = facts(code).checks;
    expect(checks.map((c) => c.what)).toEqual(["validate()", "the check at line 6", "requireEnv()", "the check at line 15"]);
    expect(checks[3]!.names).toEqual(["X_KEY"]);
    expect(checks[0]!.names).toEqual(expect.arrayContaining(["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN"]));
    expect(checks[1]!.names).toEqual(["API_KEY"]);
    expect(checks[2]!.parameters).toEqual([0]);
  });

  it("gives immediately invoked functions their caller's scope, and methods their class", () => {
    const code = "(() => { start(); })();\nclass Config { constructor() { load(); } }\nfunction main() {}\n";
    const f = facts(code);
    expect(f.calls.map((c) => [c.callee, c.scope])).toEqual([
      ["start", "app.ts#module"],
      ["load", "app.ts#constructor@2"],
    ]);
    expect(f.functions).toEqual([
      { scope: "app.ts#constructor@2", name: "constructor", owner: "Config" },
      { scope: "app.ts#main@3", name: "main", owner: null },
    ]);
  });
});
