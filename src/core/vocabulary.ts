// Words shared by the rules: what names a secret, and what merely mentions one.

/** A name made of these words names a secret wherever the word stands: `DB_PASSWORD`, `clientSecret`. */
export const SECRET_WORDS: readonly string[] = [
  "password", "passwd", "passphrase", "pwd", "pass", "pw", "secret", "secrets", "token", "apikey",
  "credential", "credentials", "creds", "privatekey", "secretkey", "accesskey", "authtoken", "bearer",
  "dsn", "connectionstring", "connstr", "sasl", "jaas", "webhook", "pat",
];

/**
 * Secret words that also mean something else (a lexer's token, a compiler pass, a SASL mechanism):
 * they name a secret only as the last word, or before an environment or version suffix
 * (`GITHUB_TOKEN`, `db_pass`, `TOKEN_PROD`), not before other words (`token_expired`,
 * `is_pass_through`, `sasl.mechanism`, `authTokenCookie`).
 */
export const AMBIGUOUS_SECRET_WORDS: readonly string[] = ["pass", "pw", "pwd", "token", "pat", "bearer", "dsn", "sasl", "creds", "webhook"];

/** First words that make a name a switch about a secret, not the secret: `USE_CREDENTIALS`, `hasPassword`, `requireToken`. */
export const FLAG_WORDS: readonly string[] = [
  "is", "has", "have", "use", "uses", "with", "without", "no", "allow", "require", "requires", "enable", "disable", "skip",
  "include", "omit", "should", "show", "hide", "needs", "can",
];

/** Words that may follow any secret word without changing what it names: `TOKEN_PROD`, `db_pass_old`, `api_token_v2`. */
export const SECRET_SUFFIX_WORDS: readonly string[] = [
  "prod", "production", "dev", "development", "stage", "staging", "test", "qa", "uat", "ci", "local", "live", "sandbox",
  "old", "new", "prev", "previous", "next", "current", "primary", "secondary", "backup", "default", "value", "raw",
  "plain", "plaintext", "encoded", "base64", "b64",
];

/** `key` alone is too common (`key: app`); these words before it make it a secret: `api_key`, `signing-key`. */
export const KEY_QUALIFIERS: readonly string[] = [
  "api", "access", "secret", "private", "signing", "encryption", "master", "client", "app", "service",
  "account", "auth", "session", "storage", "shared", "hmac", "jwt", "license", "subscription", "admin", "root",
  "write", "read", "ingest", "deploy",
];

/**
 * Words after the secret word that make the name describe a secret rather than hold one:
 * `PASSWORD_MIN_LENGTH`, `TOKEN_HEADER`, `passwordField`, `password_sha256_hex`, `secretKeyRef`.
 */
export const NOT_A_VALUE_WORDS: readonly string[] = [
  "length", "len", "min", "max", "minlength", "maxlength", "size", "count", "field", "fields", "header", "headers",
  "name", "names", "label", "placeholder", "prompt", "hint", "regex", "pattern", "format", "type", "kind",
  "file", "filename", "path", "dir", "directory", "location", "mount", "volume", "env", "var", "variable", "ref", "keyref",
  "secretref", "id", "ids", "arn", "url", "uri", "endpoint", "host", "port", "policy", "policies", "rotation", "ttl",
  "expiry", "expires", "expiration", "lifetime", "age", "hash", "hashed", "sha", "sha1", "sha256", "sha512", "md5",
  "digest", "bcrypt", "argon2", "hex", "enabled", "enable", "disabled", "required", "optional", "mode", "provider",
  "version", "strength", "reset", "forgot", "change", "changed", "confirm", "confirmation", "validator", "validation",
  "generator", "command", "cmd", "source", "template", "key", "keys", "list", "prefix", "suffix", "index", "column",
  "table", "schema", "class", "handler", "method", "callback", "store", "manager", "service", "client", "exchange",
  "request", "response", "lookup", "retrieval", "auth", "authentication", "fingerprint", "public", "pub", "cert",
  "certificate", "rule", "rules", "grant", "scope", "scopes", "audience", "issuer", "algorithm", "alg",
];

// Secrets named by their last word stay secrets even after a describing word: `PASSWORD_FILE` no, `FILE_PASSWORD` yes.
const secretWords = new Set(SECRET_WORDS);
const keyQualifiers = new Set(KEY_QUALIFIERS);
const notAValueWords = new Set(NOT_A_VALUE_WORDS);

// The same identifiers come back in file after file (`logger`, `os.environ`, `api_key`): split each once.
const wordsByName = new Map<string, readonly string[]>();
const MAX_REMEMBERED_NAMES = 50_000;

/** Splits a name into lower-case words: `AWS_SECRET_ACCESS_KEY`, `clientSecret`, `x-api-key`, `spring.datasource.password`. */
export function nameWords(name: string): string[] {
  let words = wordsByName.get(name);
  if (!words) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (name.length <= 200) {
      if (wordsByName.size >= MAX_REMEMBERED_NAMES) wordsByName.clear();
      wordsByName.set(name, words);
    }
  }
  return [...words];
}

/**
 * Does this name hold a secret? The secret word must be the last meaningful word, or be
 * followed only by words that do not turn it into a description (`DB_PASSWORD`, `apiKey`,
 * `AWS_SECRET_ACCESS_KEY`, `auth_token`, `--requirepass`), and not by `length`, `field`,
 * `header`, `file`, `ref`, `hash`… (`PASSWORD_MIN_LENGTH`, `TOKEN_HEADER`, `secretKeyRef`).
 */
export function isSecretLikeKey(name: string): boolean {
  // `.carbon-secret-lint.yaml`, `secrets.json`: a file's name (a test's map of files, a ConfigMap key), not a setting.
  if (FILE_NAME.test(name)) return false;
  // `Test2::Event::Pass`, `Net::SMTP::Token`: a Perl, Ruby or C++ package path names code (Hiera's
  // lower-case `profile::db::password` is a setting).
  if (/^[A-Z]\w*(?:::[A-Z]\w*)+$/.test(name)) return false;
  const words = nameWords(name.replace(/^-+/, ""));
  if (words.length === 0) return false;
  // `USE_CREDENTIALS`, `withCredentials`, `has_password`, `skip_auth_token`: a switch about a secret.
  if (words.length > 1 && flagWords.has(words[0]!)) return false;
  // Helm's `existingSecret`, `existingSecretPasswordKey`: the name of a Secret object that holds the value.
  if (words.length > 1 && words[0] === "existing") return false;
  // `requirepass`, `masterauth`: flags and config words that glue the secret word on.
  if (words.length === 1 && /^(?:require|master|admin|root|db|user)?pass(?:word)?$|^masterauth$/.test(words[0]!)) return true;
  let onlySuffixesAfter = true;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    const previous = i > 0 ? words[i - 1]! : "";
    const isSecret =
      secretWords.has(word) || secretWords.has(previous + word) || (word === "key" && keyQualifiers.has(previous)) || isGluedSecret(word);
    // `token_expired`, `is_pass_through`: an ambiguous word names a secret only at the end.
    if (isSecret) return onlySuffixesAfter || !isAmbiguous(word);
    // A describing word after the secret word makes it a description; keep looking left only past neutral words.
    if (notAValueWords.has(word)) return false;
    if (!suffixWords.has(word) && !/^v?[0-9]+$/.test(word)) onlySuffixesAfter = false;
  }
  return false;
}

const FILE_NAME = /^[\w.@/-]*\.(?:ya?ml|json|toml|ini|cfg|conf|txt|md|[cm]?js|[cm]?ts|tsx|jsx|py|sh|xml|properties|lock|html?|env|tf|tfvars)$/i;
const ambiguousWords = new Set(AMBIGUOUS_SECRET_WORDS);
const flagWords = new Set(FLAG_WORDS);
const suffixWords = new Set(SECRET_SUFFIX_WORDS);

function isAmbiguous(word: string): boolean {
  // glued forms end in one: `accesstoken` is as ambiguous as `token`
  return ambiguousWords.has(word) || (/token$/.test(word) && !/(?:auth|access|refresh|api|bot|bearer)token$/.test(word));
}

// `apikey`, `secretkey`, `clientsecret`, `dbpassword`, `authtoken`: secret words glued to a qualifier.
function isGluedSecret(word: string): boolean {
  return /(?:password|passwd|passphrase|secret|token|apikey|privatekey|accesskey|secretkey|credentials?)$/.test(word) && !/^(?:no|is|has|use|with)/.test(word);
}

// Code vocabulary: what logs, what prints, what masks, what reads the environment. Shared by
// secret-in-log and missing-startup-validation (through src/code/).

/**
 * Words that make a name describe names of secrets rather than hold one: `missing_secrets`,
 * `REQUIRED_SECRETS`, `unsetTokens` list the variables, not their values.
 */
export const NAME_LIST_WORDS: readonly string[] = [
  "missing", "required", "unset", "absent", "empty", "invalid", "expected", "needed", "undefined", "blank", "optional",
  "mandatory", "unknown",
];

/** Services whose connection URLs carry a user and password: `DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`, `CELERY_BROKER_URL`. */
export const CREDENTIAL_URL_WORDS: readonly string[] = [
  "database", "db", "redis", "postgres", "postgresql", "pg", "mysql", "mariadb", "mongo", "mongodb", "amqp", "rabbitmq",
  "rabbit", "broker", "celery", "clickhouse", "sqlalchemy", "nats", "elasticsearch", "opensearch", "mssql", "oracle",
];

/** Words a connection setting ends with; with a CREDENTIAL_URL_WORDS word before them the value may embed a password. */
export const URL_WORDS: readonly string[] = ["url", "uri", "dsn", "conn", "connection", "connstring"];

/** HTTP headers whose value is a credential. */
export const SECRET_HEADER_NAMES: readonly string[] = [
  "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "x-auth-token", "x-access-token",
  "x-csrf-token", "x-amz-security-token",
];

/** A receiver named with one of these words is a logger: `logger`, `log`, `self.logger`, `fastify.log`, `auditLogger`. */
export const LOGGER_WORDS: readonly string[] = ["log", "logger", "logging", "structlog", "loguru", "syslog", "slog", "journal"];

/** Methods of Python loggers (logging, structlog, loguru) that emit or bind values. */
export const PYTHON_LOG_METHODS: readonly string[] = [
  "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg", "trace", "success",
  "bind", "new", "opt",
];

/** Calls that make a Python logger: `logging.getLogger(__name__)`, `structlog.get_logger()`, `logger.bind(...)`. */
export const PYTHON_LOGGER_FACTORIES: readonly string[] = ["getLogger", "get_logger", "getChild", "wrap_logger", "bind", "new", "opt", "patch"];

/** Python functions that print their arguments. */
export const PYTHON_PRINT_FUNCTIONS: readonly string[] = ["print", "pprint", "pp"];

/** Dotted Python calls that write their arguments where logs are collected. */
export const PYTHON_STREAM_SINKS: readonly string[] = [
  "sys.stdout.write", "sys.stderr.write", "sys.stdout.writelines", "sys.stderr.writelines", "warnings.warn", "click.echo", "typer.echo",
];

/** Methods of a JS logger that configure it rather than emit: `logger.on(...)`, `logger.flush()`, `logger.isLevelEnabled("debug")`. */
export const LOGGER_CONTROL_METHODS: readonly string[] = [
  "on", "once", "off", "flush", "isLevelEnabled", "setLevel", "add", "remove", "configure", "close", "end", "clear",
  "removeAllListeners", "setMaxListeners", "enable", "disable", "enabled",
];

/** Calls that make a JS logger: `pino()`, `winston.createLogger()`, `bunyan.createLogger()`, `logger.child()`, `debug("app")`. */
export const JS_LOGGER_FACTORIES: readonly string[] = ["pino", "createLogger", "child", "debug", "createDebug", "getLogger", "bunyan", "log4js"];

/** Dotted JS calls that write their arguments to the process's output. */
export const JS_STREAM_SINKS: readonly string[] = ["process.stdout.write", "process.stderr.write"];

/**
 * Words in a function's name that make its result safe to log: `mask(token)`, `redact_secret(x)`,
 * `obfuscate(key)`, `hashlib.sha256(...)`, `fingerprint(key)`, `len(x)`, `bool(x)`.
 */
export const SANITIZER_WORDS: readonly string[] = [
  "mask", "masked", "redact", "redacted", "obfuscate", "obfuscated", "sanitize", "sanitized", "sanitise", "scrub", "scrubbed",
  "censor", "censored", "anonymize", "anonymise", "hash", "hashed", "hashlib", "hmac", "sha", "sha1", "sha256", "sha512",
  "md5", "digest", "hexdigest", "fingerprint", "bcrypt", "argon2", "scrypt", "pbkdf2", "blake2b", "len", "length", "bool",
  "boolean", "isinstance", "callable", "hasattr", "type", "typeof", "id", "count", "truncate", "elide", "preview", "hint",
  "safe", "last4", "compare", "verify", "check", "is", "has",
];

/** Functions whose result carries their argument: an encoding is not a mask. */
export const PROPAGATING_FUNCTIONS: readonly string[] = [
  "str", "repr", "format", "bytes", "bytearray", "dumps", "dump", "b64encode", "urlsafe_b64encode", "b32encode", "b16encode",
  "encodebytes", "standard_b64encode", "quote", "quote_plus", "urlencode", "urlunparse", "urlunsplit", "urljoin", "dict", "list",
  "tuple", "set", "frozenset", "sorted", "reversed", "vars", "pformat", "join", "String", "stringify", "encodeURIComponent",
  "encodeURI", "escape", "btoa", "from", "inspect", "assign", "entries", "values", "fromEntries", "structuredClone", "concat",
  "URL", "URLSearchParams", "Error", "template", "render", "ChainMap", "copy", "deepcopy", "urlparse", "urlsplit", "make_url",
];

/** Methods whose result says something about the value without carrying it: `token.startswith("ghp_")`, `key.length`. */
export const CLEAN_METHODS: readonly string[] = [
  "startswith", "endswith", "startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "find", "rfind", "index", "rindex",
  "count", "isdigit", "isalnum", "isalpha", "isascii", "isupper", "islower", "isspace", "isnumeric", "test", "has",
  "localeCompare", "keys", "__len__", "__bool__", "bit_length", "search", "fullmatch",
];

/**
 * Properties of a secret-bearing object that describe it without carrying it: a key's id, a URL's
 * host, a token's expiry. `credentials.username`, `new URL(dsn).host`, `token.expires_in`.
 */
export const DESCRIBING_WORDS: readonly string[] = [
  "length", "size", "count", "id", "ids", "kid", "name", "type", "kind", "host", "hostname", "port", "scheme", "protocol",
  "username", "user", "login", "database", "db", "path", "pathname", "expires", "expiry", "expiration", "exp", "in", "at",
  "issuer", "iss", "audience", "aud", "scope", "scopes", "algorithm", "alg", "version", "created", "updated", "status",
  "fingerprint", "hash", "digest", "prefix", "last4", "region", "account", "arn", "ttl", "valid", "enabled", "provider",
  "source", "origin", "label", "description",
];

/** Python: functions and dotted calls that read one environment variable. */
export const PYTHON_ENV_GETTERS: readonly string[] = ["os.getenv", "getenv", "os.environ.get", "environ.get", "os.environ.setdefault", "environ.setdefault"];

/** Python: the mapping of the environment: `os.environ["X"]` raises KeyError when X is missing. */
export const PYTHON_ENV_MAPPINGS: readonly string[] = ["os.environ", "environ"];

/** JS: the object of the environment: `process.env.X`, `process.env["X"]`, `const { X } = process.env`. */
export const JS_ENV_OBJECTS: readonly string[] = ["process.env"];

/** Python application objects whose creation makes a directory a service. */
export const PYTHON_APP_FACTORIES: readonly string[] = ["FastAPI", "Flask", "Starlette", "Quart", "Sanic", "Litestar", "Celery", "web.Application", "Application"];

/** Python calls that start serving. */
export const PYTHON_SERVER_RUNS: readonly string[] = ["uvicorn.run", "hypercorn.run", "web.run_app", "waitress.serve", "serve", "app.run", "run_app"];

/** JS application objects and servers whose creation makes a directory a service. */
export const JS_APP_FACTORIES: readonly string[] = ["express", "fastify", "Fastify", "Koa", "Hono", "createServer", "NestFactory.create", "polka", "restify.createServer", "Hapi.server"];

/** Python: calls that end the process. */
export const PYTHON_EXIT_CALLS: readonly string[] = ["sys.exit", "exit", "quit", "os._exit", "os.abort", "SystemExit"];

/** JS: calls that end the process. */
export const JS_EXIT_CALLS: readonly string[] = ["process.exit", "process.abort"];

/** JS: calls that throw when their first argument is falsy (node:assert, tiny-invariant). Python's `assert` is not one: `python -O` strips it. */
export const JS_ASSERT_CALLS: readonly string[] = ["assert", "assert.ok", "assert.strict", "invariant", "strictAssert"];

/** Python: decorators and registrations that run a function before the service serves. */
export const PYTHON_STARTUP_HOOKS: readonly string[] = ["on_event", "before_serving", "add_event_handler", "on_startup", "lifespan", "startup"];

/** Python: application factories that the framework's CLI calls (`flask run` finds `create_app`). */
export const PYTHON_FACTORY_FUNCTIONS: readonly string[] = ["create_app", "make_app"];

/** JS: schema methods that validate `process.env` (zod, joi, yup, valibot, envalid, t3-env). */
export const ENV_SCHEMA_METHODS: readonly string[] = ["parse", "parseAsync", "safeParse", "safeParseAsync", "validate", "validateSync", "validateAsync", "attempt", "assert"];

/** JS: functions that validate the environment given a schema: `cleanEnv(process.env, {...})`, `createEnv({...})`. */
export const ENV_SCHEMA_FUNCTIONS: readonly string[] = ["cleanEnv", "createEnv", "envsafe", "bennyEnv"];

/** envalid's validators: `str()` is required unless it has a `default`. */
export const ENVALID_VALIDATORS: readonly string[] = ["str", "num", "bool", "url", "host", "port", "email", "json"];

/** Python base classes whose fields are read from the environment. */
export const PYTHON_SETTINGS_BASES: readonly string[] = ["BaseSettings", "pydantic_settings.BaseSettings", "pydantic.BaseSettings"];

/** Python annotations pydantic masks when printed (`SecretStr('**********')`). */
export const PYTHON_MASKED_TYPES: readonly string[] = ["SecretStr", "SecretBytes", "Secret"];

/**
 * Where test values are the norm: test and fixture folders and test files. Judging a value, a
 * `test`, `fake` or default credential here is test data, not a leak.
 */
export const TEST_DATA_PATH = /(?:^|\/)(?:tests?|spec|specs|__tests__|__mocks__|fixtures?|testdata|mocks?|e2e)(?:\/|$)|(?:^|[._-])(?:test|spec)s?\.[a-z]+$|^test_|_test\.[a-z]+$/i;

/** Not a service's own code: tests, examples, docs, vendored and built files. No start-up to validate there. */
export const NOT_SERVICE_CODE_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|e2e|fixtures|examples?|docs|node_modules|\.venv|venv|site-packages|dist|build)\/|(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?)$/;

/** Prefixes of environment variables that bundlers publish to the browser: public by design, never secrets. */
export const PUBLIC_ENV_PREFIXES: readonly string[] = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_", "STORYBOOK_"];

/** Standard environment variables that hold the path of a credentials file, not the credential. */
export const CREDENTIAL_FILE_VARIABLES: ReadonlySet<string> = new Set([
  "GOOGLE_APPLICATION_CREDENTIALS",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AZURE_AUTH_LOCATION",
  "KUBECONFIG",
  "DOCKER_CONFIG",
  "NETRC",
]);
