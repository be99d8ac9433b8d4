// Flow analysis for Python (src/code/python.ts): what a value holds, which calls are sinks,
// and the start-up facts. Each snippet marks the lines that must leak with `# LEAK`.

import { beforeAll, describe, expect, it } from "vitest";
import { buildPythonModel, pythonLeaks, pythonStartupFacts } from "../src/analysis/code/python.js";
import type { LeakOptions } from "../src/analysis/code/shared.js";
import { loadPython, parsePython } from "../src/languages/python.js";

beforeAll(() => loadPython());

const OPTIONS: LeakOptions = { exceptions: true, prints: true, loggers: new Set(), sanitizers: new Set() };

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

function leaks(code: string, options: Partial<LeakOptions> = {}) {
  const parsed = parsePython(code);
  try {
    const model = buildPythonModel(parsed.tree!, "app.py");
    return pythonLeaks(model, { ...OPTIONS, ...options }).map((l) => ({ ...l, line: lineOf(code, l.start) }));
  } finally {
    parsed.dispose();
  }
}

function marked(code: string): number[] {
  return code.split("\n").flatMap((l, i) => (l.includes("# LEAK") ? [i + 1] : []));
}

function facts(code: string) {
  const parsed = parsePython(code);
  try {
    return pythonStartupFacts(buildPythonModel(parsed.tree!, "app.py"), "app.py", (o) => ({ line: lineOf(code, o), column: 1 }));
  } finally {
    parsed.dispose();
  }
}

const FLOWS: [string, string][] = [
  ["a secret-named parameter", "def f(password):\n    logger.info('pw %s', password)  # LEAK\n"],
  ["an environment read by name", "import os\nkey = os.getenv('CAISO_API_KEY')\nprint(key)  # LEAK\n"],
  ["os.environ[...] and .get", "import os\nlogger.info(os.environ['MISO_API_KEY'])  # LEAK\nlogger.info(os.environ.get('CLICKHOUSE_DSN'))  # LEAK\nlogger.info(os.environ['HOSTNAME'])\n"],
  ["f-string", "def f(token):\n    logger.debug(f'token={token}')  # LEAK\n"],
  ["% formatting", "def f(token):\n    msg = 'token=%s' % token\n    logger.debug(msg)  # LEAK\n"],
  [".format and join", "def f(secret):\n    logger.info('{}'.format(secret))  # LEAK\n    logger.info(', '.join([secret]))  # LEAK\n"],
  ["concatenation through variables", "def f(api_key):\n    a = 'k=' + api_key\n    b = a\n    logger.warning(b)  # LEAK\n"],
  ["augmented assignment", "def f(token):\n    m = 'a'\n    m += token\n    logger.info(m)  # LEAK\n"],
  ["string methods keep the secret", "def f(password):\n    logger.info(password.strip().encode())  # LEAK\n"],
  ["keyword argument named like a secret", "def f(k):\n    log.error('x', api_key=k)  # LEAK\n    log.error('x', user=k)\n"],
  ["dict with a secret key", "def f(v):\n    logger.info('cfg %s', {'password': v})  # LEAK\n    logger.info('cfg %s', {'user': v})\n"],
  ["**splat", "def f(token):\n    extra = {'token': token}\n    logger.info('x', **extra)  # LEAK\n"],
  ["a module-level secret used in a function", "import os\nTOKEN = os.getenv('VAULT_TOKEN')\ndef f():\n    print(TOKEN)  # LEAK\n"],
  ["headers holding Authorization", "def f(t):\n    h = {'Authorization': 'Bearer ' + t}\n    logger.info(h)  # LEAK\n    logger.info(h['Accept'])\n"],
  ["headers written by subscript", "def f(t):\n    h = {}\n    h['Authorization'] = t\n    logger.info(h)  # LEAK\n"],
  ["request headers", "def f(request):\n    logger.info(dict(request.headers))  # LEAK\n    logger.info(request.headers.get('user-agent'))\n    logger.info(request.headers['authorization'])  # LEAK\n"],
  ["the whole environment", "import os\nlogger.debug(dict(os.environ))  # LEAK\nfor name in os.environ:\n    logger.debug(name)\nfor name, value in os.environ.items():\n    logger.debug(value)  # LEAK\n"],
  ["self attributes set in another method", "class C:\n    def __init__(self, password):\n        self.url = f'redis://:{password}@cache'\n    def show(self):\n        self.logger.info(self.url)  # LEAK\n"],
  ["a function named like a secret", "def f():\n    logger.info(get_api_key())  # LEAK\n"],
  ["credential URLs by name", "def f(database_url, base_url):\n    logger.info(database_url)  # LEAK\n    logger.info(base_url)\n"],
  ["walrus", "import os\nif (k := os.getenv('API_TOKEN')):\n    print(k)  # LEAK\n"],
  ["with ... as", "def f():\n    with open_vault() as token:\n        print(token)  # LEAK\n"],
  ["conditional expression", "def f(token, debug):\n    logger.info(token if debug else '***')  # LEAK\n"],
  ["or-default", "def f(token):\n    logger.info(token or 'none')  # LEAK\n"],
];

const CLEAN: [string, string][] = [
  ["len, bool, is None", "def f(token):\n    logger.info(len(token), bool(token), token is None, not token)\n"],
  ["masking and hashing", "import hashlib\ndef f(token):\n    logger.info(mask(token), redact(token), obfuscate_value(token), fingerprint(token))\n    logger.info(hashlib.sha256(token.encode()).hexdigest())\n"],
  ["a short prefix or suffix", "def f(token):\n    logger.info(token[:4], token[-4:])\n"],
  ["a long slice is not a mask", "def f(token):\n    logger.info(token[7:])  # LEAK\n"],
  ["describing members", "def f(credentials, token):\n    logger.info(credentials.username, token.expires_in, token.scope)\n"],
  ["names of variables", "import os\nREQUIRED = ['CAISO_API_KEY']\nmissing = [n for n in REQUIRED if not os.getenv(n)]\nlogger.error(f'missing {missing}')\nmissing_secrets = missing\nraise ValueError(f'Missing required secrets: {missing_secrets}')\n"],
  ["reassigned to a mask", "def f(api_key):\n    api_key = mask(api_key)\n    logger.info(api_key)\n"],
  ["pydantic SecretStr fields", "class S(BaseSettings):\n    api_key: SecretStr\ns = S()\nlogger.info(s.api_key)\nlogger.info(s.api_key.get_secret_value())  # LEAK\n"],
  ["a URL's host", "from urllib.parse import urlparse\ndef f(dsn):\n    logger.info(urlparse(dsn).hostname)\n    logger.info(urlparse(dsn))  # LEAK\n"],
  ["describing names", "def f(token_count, password_min_length, api_key_id, secret_name):\n    logger.info(token_count, password_min_length, api_key_id, secret_name)\n"],
  ["non-secret environment", "import os\nlogger.info(os.getenv('KAFKA_BOOTSTRAP_SERVERS'), os.getenv('PORT'))\n"],
  ["not a logger", "def f(token, catalog, log_file):\n    cache.set('t', token)\n    catalog.info(token)\n    log_file.write(token)\n"],
  ["print rebound locally", "def f(token):\n    print = render\n    print(token)\n"],
  ["config keywords of a sink", "def f(token):\n    logger.info('failed', exc_info=True, stacklevel=2)\n"],
];

describe("python flow: secrets reach sinks", () => {
  it.each(FLOWS)("%s", (_, code) => {
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
  });
});

describe("python flow: what is not a leak", () => {
  it.each(CLEAN)("%s", (_, code) => {
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
  });
});

describe("python sinks", () => {
  it("knows logging, structlog, loguru, print, streams, warnings and exceptions", () => {
    const code = [
      "import logging, structlog, sys, warnings",
      "from loguru import logger",
      "log = structlog.get_logger()",
      "audit = logging.getLogger('audit')",
      "def f(token):",
      "    logging.info(token)  # LEAK",
      "    log.bind(token=token)  # LEAK",
      "    logger.opt(lazy=True).info('{}', token)  # LEAK",
      "    audit.info(token)  # LEAK",
      "    structlog.get_logger().warning('x', token=token)  # LEAK",
      "    sys.stdout.write(token)  # LEAK",
      "    warnings.warn(token)  # LEAK",
      "    raise RuntimeError(token)  # LEAK",
      "",
    ].join("\n");
    expect(leaks(code).map((l) => l.line)).toEqual(marked(code));
    expect(leaks(code).map((l) => l.sink)).toEqual([
      "logging.info", "log.bind", "opt().info", "audit.info", "get_logger().warning", "sys.stdout.write", "warnings.warn", "raise RuntimeError",
    ]);
  });

  it("names the source and the variable that carries it", () => {
    const [leak] = leaks("def f(user, password):\n    dsn = f'pg://{user}:{password}@db'\n    logger.info(dsn)\n");
    expect(leak).toMatchObject({ source: "password", via: "dsn", sink: "logger.info", exception: false });
  });

  it("options turn off prints and exceptions, and add loggers and sanitizers", () => {
    const code = "def f(token):\n    print(token)\n    raise ValueError(token)\n    audit_trail.info(token)\n    logger.info(scrambled(token))\n";
    expect(leaks(code).map((l) => l.line)).toEqual([2, 3]);
    expect(leaks(code, { prints: false, exceptions: false }).map((l) => l.line)).toEqual([]);
    expect(leaks(code, { loggers: new Set(["audit_trail"]) }).map((l) => l.line)).toEqual([2, 3, 4]);
    expect(leaks(code.replace("scrambled", "reveal")).map((l) => l.line)).toEqual([2, 3]);
  });

  it("stays linear on long chains of assignments", () => {
    const lines = ["def f(token):", "    v0 = token"];
    for (let i = 1; i < 3000; i++) lines.push(`    v${i} = v${i - 1} + 'x'`);
    lines.push("    logger.info(v2999)");
    const started = performance.now();
    expect(leaks(lines.join("\n") + "\n")).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("reads what parses of a file with syntax errors, without throwing", () => {
    const code = "def f(token):\n    logger.info(token)\n    x = = 1\n";
    expect(leaks(code).map((l) => l.line)).toEqual([2]);
  });
});

describe("python start-up facts", () => {
  it("finds entry points", () => {
    const code = "import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nif __name__ == '__main__':\n    uvicorn.run(app)\n";
    expect(facts(code).entries.map((e) => e.what)).toEqual(["FastAPI()", "uvicorn.run()", 'if __name__ == "__main__"']);
  });

  it("finds reads, fallbacks and fail-fast reads", () => {
    const code = [
      "import os",
      "a = os.getenv('A_TOKEN')",
      "b = os.getenv('B_TOKEN', 'dev')",
      "c = os.getenv('C_TOKEN', '')",
      "d = os.environ['D_TOKEN']",
      "e = os.environ.get('E_TOKEN') or 'x'",
      "os.environ['F_TOKEN'] = 'written'",
      "",
    ].join("\n");
    expect(facts(code).reads.map((r) => [r.name, r.fallback, r.failFast]).sort()).toEqual([
      ["A_TOKEN", false, false],
      ["B_TOKEN", true, false],
      ["C_TOKEN", false, false],
      ["D_TOKEN", false, true],
      ["E_TOKEN", true, false],
    ]);
  });

  it("follows a check back to the names it covers", () => {
    const code = [
      "import os, sys",
      "REQUIRED = ['KAFKA_BOOTSTRAP_SERVERS', 'CLICKHOUSE_DSN']",
      "API_KEY = os.getenv('CAISO_API_KEY')",
      "def validate():",
      "    missing = [s for s in REQUIRED if not os.getenv(s)]",
      "    if missing:",
      "        raise ValueError(missing)",
      "if not API_KEY:",
      "    sys.exit(1)",
      "if not API_KEY:",
      "    logger.warning('no key')",
      "def require(name):",
      "    value = os.getenv(name)",
      "    if not value:",
      "        raise RuntimeError(name)",
      "    return value",
      "",
    ].join("\n");
    const checks = facts(code).checks;
    expect(checks).toHaveLength(3);
    expect(checks[0]).toMatchObject({ scope: "app.py#validate@4", what: "validate()" });
    expect(checks[0]!.names).toEqual(expect.arrayContaining(["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN"]));
    expect(checks[1]!.names).toEqual(expect.arrayContaining(["CAISO_API_KEY", "API_KEY"]));
    expect(checks[2]).toMatchObject({ parameters: [0], what: "require()" });
  });

  it("reads pydantic settings: required, optional, defaults, prefix and alias", () => {
    const code = [
      "class Settings(BaseSettings):",
      "    model_config = SettingsConfigDict(env_prefix='INGEST_')",
      "    clickhouse_dsn: str",
      "    api_key: SecretStr = Field(alias='CAISO_API_KEY')",
      "    redis_password: str = 'changeme'",
      "    sentry_dsn: str | None = None",
      "    timeout: ClassVar[int] = 3",
      "settings = Settings()",
      "",
    ].join("\n");
    expect(facts(code).reads.map((r) => [r.name, r.failFast, r.fallback, r.needs])).toEqual([
      ["INGEST_CLICKHOUSE_DSN", true, false, "Settings"],
      ["CAISO_API_KEY", true, false, "Settings"],
      ["INGEST_REDIS_PASSWORD", false, true, "Settings"],
      ["INGEST_SENTRY_DSN", false, false, "Settings"],
    ]);
  });

  it("records start-up hooks and module constants", () => {
    const code = [
      "app = FastAPI(lifespan=lifespan)",
      "@app.on_event('startup')",
      "def warm(): pass",
      "@app.on_event('shutdown')",
      "def close(): pass",
      "REQUIRED = ('A_TOKEN', 'B_TOKEN')",
      "",
    ].join("\n");
    const f = facts(code);
    expect(f.hooks.sort()).toEqual(["lifespan", "warm"]);
    expect(f.constants).toEqual({ REQUIRED: ["A_TOKEN", "B_TOKEN"] });
  });
});
