// Cheap tests over a file's text that say whether parsing it could lead to a finding. A parse
// (TypeScript's, tree-sitter's) costs a hundred times a regex over the same text; most code files
// name no secret at all (a React component, a protobuf stub), and those are never parsed.
// Each test is a superset of what the rule's parse-based reading can report: the words come from
// core/vocabulary.ts, the same lists the readers judge names by.

import { CREDENTIAL_URL_WORDS, KEY_QUALIFIERS, SECRET_HEADER_NAMES, SECRET_WORDS, URL_WORDS } from "../core/vocabulary.js";

// Secret words of four letters or more match inside any name (`dbPassword`, `GITHUB_TOKEN`, `mysecretkey`);
// the short ones (`pw`, `pat`, `pass`…) only as a word of their own, or `path` and `compass` would match.
const LONG_WORDS = SECRET_WORDS.filter((word) => word.length >= 4);
const SHORT_WORDS = SECRET_WORDS.filter((word) => word.length < 4);

const SECRET_NAME = new RegExp(
  [
    `(?:${LONG_WORDS.join("|")})`,
    // api_key, signingKey, ACCESS-KEY
    `(?:${KEY_QUALIFIERS.join("|")})[\\W_]?key`,
    // npm's and Docker's `_auth`, `"auth":`
    `\\bauth\\b`,
  ].join("|"),
  "gi",
);
// db_pw, PW=, dbPw: a short word standing alone or as a capitalised part of a name, never inside a word (path, compat).
const SHORT_SECRET_NAME = new RegExp(
  `(?:^|[^A-Za-z])(?:${SHORT_WORDS.join("|")}|${SHORT_WORDS.map((w) => w.toUpperCase()).join("|")})(?![A-Za-z])|[a-z](?:${SHORT_WORDS.map(capitalized).join("|")}|${SHORT_WORDS.map((w) => w.toUpperCase()).join("|")})(?![a-z])`,
  "g",
);
const SECRET_NAMES = [SECRET_NAME, SHORT_SECRET_NAME];

/** Whether the text names a secret anywhere. */
function namesASecret(text: string): boolean {
  return SECRET_NAMES.some((names) => {
    names.lastIndex = 0;
    return names.test(text);
  });
}

// REDIS_URL, databaseUri, clickhouse_dsn: a connection setting that may embed a password.
const CREDENTIAL_URL = new RegExp(`(?:${CREDENTIAL_URL_WORDS.join("|")})[\\w.-]{0,30}?(?:${URL_WORDS.join("|")})`, "i");

// print(os.environ), console.log(process.env), logger.info(dict(os.environ)): the whole environment.
const WHOLE_ENVIRONMENT = /\bos\.environ(?![\w.[])|\benviron(?:\.copy\(\)|\.items\(\))|\bprocess\.env(?![\w.[])/;

// Request headers and the credential headers by name.
const HEADERS = new RegExp(`headers|${SECRET_HEADER_NAMES.map((h) => h.replace(/-/g, "[-_]?")).join("|")}`, "i");

const QUOTE = /["'`]/;

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A line that names a secret and holds a string literal: the only place a secret-named binding
 * of a literal can be (`api_key = "…"`, `{"password": "…"}`, `Field(default="…", env="JWT_SECRET")`,
 * `if token == "…"`). A code file without one has nothing for hardcoded-secret's generic pass.
 */
export function maySecretBeBoundToLiteral(text: string): boolean {
  for (const names of SECRET_NAMES) {
    names.lastIndex = 0;
    for (let match = names.exec(text); match; match = names.exec(text)) {
      const lineStart = text.lastIndexOf("\n", match.index) + 1;
      let lineEnd = text.indexOf("\n", match.index);
      if (lineEnd === -1) lineEnd = text.length;
      if (QUOTE.test(text.slice(lineStart, lineEnd))) return true;
      // one look per line
      names.lastIndex = Math.max(names.lastIndex, lineEnd);
    }
  }
  return false;
}

/**
 * Whether the file names anything secret-in-log follows: a secret-named variable, setting or
 * environment variable, a credential-bearing connection URL, the whole environment, or request
 * headers. Without one, no value in it is a secret to leak.
 */
export function mayHoldSecretValue(text: string): boolean {
  return namesASecret(text) || CREDENTIAL_URL.test(text) || WHOLE_ENVIRONMENT.test(text) || HEADERS.test(text);
}

// os.getenv, os.environ, process.env, import.meta.env, pydantic BaseSettings, decouple's config(), environs' Env().
const ENVIRONMENT_READ = /environ|getenv|process\.?env|import\.meta\.env|basesettings|pydantic_settings|decouple|environs|\benv\.(?:str|int|bool|url)\b|deno\.env|bun\.env|cleanenv|envalid|createenv/i;
// Where a service starts: __main__, a server's listen, an application object of a web framework, uvicorn, app.run.
const ENTRY_POINT =
  /__main__|\.listen\s*\(|createServer|uvicorn|gunicorn|hypercorn|\bapp\.run\s*\(|\bserve\s*\(|lifespan|on_event\s*\(\s*["']startup|\b(?:FastAPI|Flask|Starlette|Quart|Sanic|Litestar)\s*\(|\bdjango\b|\baiohttp\b|\btornado\b|\bfalcon\b|\bexpress\s*\(|["']express["']|\bfastify\s*\(|["']fastify["']|\bnew\s+(?:Koa|Hono)\b|NestFactory|@hapi\/hapi/;
// What checks settings: a validating function or validator, a list of required names (REQUIRED_SECRETS, required_env).
const CHECK = /\bdef\s+\w*valid|validator|\bfunction\s+\w*[vV]alid|\b\w*[vV]alidate\w*\s*[=(]|\b[A-Z_]*REQUIRED[A-Z_]*\b|required_(?:secrets|env|vars|settings|keys)/;

/**
 * Whether a code file can add to missing-startup-validation's picture of a service: it reads the
 * environment, it is where a service starts (or creates its application), or it checks settings
 * (a validator, a list of required names), whether or not it parses.
 */
export function mayReadEnvironmentOrStart(text: string): boolean {
  return ENVIRONMENT_READ.test(text) || ENTRY_POINT.test(text) || CHECK.test(text);
}

/**
 * Whether a YAML file can show that the repository keeps secrets (a Secret or a secret store, a
 * workload or compose service given secrets, the Vault chart's values): it names a secret or
 * Vault, or it is a values file with a `server:` block.
 */
export function mayAnchorSecrets(text: string, isValuesFile: boolean): boolean {
  return namesASecret(text) || /vault/i.test(text) || (isValuesFile && /^server:/m.test(text));
}
