/** A name made of these words names a secret wherever the word stands: `DB_PASSWORD`, `clientSecret`. */
export declare const SECRET_WORDS: readonly string[];
/**
 * Secret words that also mean something else (a lexer's token, a compiler pass, a SASL mechanism):
 * they name a secret only as the last word, or before an environment or version suffix
 * (`GITHUB_TOKEN`, `db_pass`, `TOKEN_PROD`), not before other words (`token_expired`,
 * `is_pass_through`, `sasl.mechanism`, `authTokenCookie`).
 */
export declare const AMBIGUOUS_SECRET_WORDS: readonly string[];
/** First words that make a name a switch about a secret, not the secret: `USE_CREDENTIALS`, `hasPassword`, `requireToken`. */
export declare const FLAG_WORDS: readonly string[];
/** Words that may follow any secret word without changing what it names: `TOKEN_PROD`, `db_pass_old`, `api_token_v2`. */
export declare const SECRET_SUFFIX_WORDS: readonly string[];
/** `key` alone is too common (`key: app`); these words before it make it a secret: `api_key`, `signing-key`. */
export declare const KEY_QUALIFIERS: readonly string[];
/**
 * Words after the secret word that make the name describe a secret rather than hold one:
 * `PASSWORD_MIN_LENGTH`, `TOKEN_HEADER`, `passwordField`, `password_sha256_hex`, `secretKeyRef`.
 */
export declare const NOT_A_VALUE_WORDS: readonly string[];
/** Splits a name into lower-case words: `AWS_SECRET_ACCESS_KEY`, `clientSecret`, `x-api-key`, `spring.datasource.password`. */
export declare function nameWords(name: string): string[];
/**
 * Does this name hold a secret? The secret word must be the last meaningful word, or be
 * followed only by words that do not turn it into a description (`DB_PASSWORD`, `apiKey`,
 * `AWS_SECRET_ACCESS_KEY`, `auth_token`, `--requirepass`), and not by `length`, `field`,
 * `header`, `file`, `ref`, `hash`… (`PASSWORD_MIN_LENGTH`, `TOKEN_HEADER`, `secretKeyRef`).
 */
export declare function isSecretLikeKey(name: string): boolean;
/**
 * Words that make a name describe names of secrets rather than hold one: `missing_secrets`,
 * `REQUIRED_SECRETS`, `unsetTokens` list the variables, not their values.
 */
export declare const NAME_LIST_WORDS: readonly string[];
/** Services whose connection URLs carry a user and password: `DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`, `CELERY_BROKER_URL`. */
export declare const CREDENTIAL_URL_WORDS: readonly string[];
/** Words a connection setting ends with; with a CREDENTIAL_URL_WORDS word before them the value may embed a password. */
export declare const URL_WORDS: readonly string[];
/** HTTP headers whose value is a credential. */
export declare const SECRET_HEADER_NAMES: readonly string[];
/** A receiver named with one of these words is a logger: `logger`, `log`, `self.logger`, `fastify.log`, `auditLogger`. */
export declare const LOGGER_WORDS: readonly string[];
/** Methods of Python loggers (logging, structlog, loguru) that emit or bind values. */
export declare const PYTHON_LOG_METHODS: readonly string[];
/** Calls that make a Python logger: `logging.getLogger(__name__)`, `structlog.get_logger()`, `logger.bind(...)`. */
export declare const PYTHON_LOGGER_FACTORIES: readonly string[];
/** Python functions that print their arguments. */
export declare const PYTHON_PRINT_FUNCTIONS: readonly string[];
/** Dotted Python calls that write their arguments where logs are collected. */
export declare const PYTHON_STREAM_SINKS: readonly string[];
/** Methods of a JS logger that configure it rather than emit: `logger.on(...)`, `logger.flush()`, `logger.isLevelEnabled("debug")`. */
export declare const LOGGER_CONTROL_METHODS: readonly string[];
/** Calls that make a JS logger: `pino()`, `winston.createLogger()`, `bunyan.createLogger()`, `logger.child()`, `debug("app")`. */
export declare const JS_LOGGER_FACTORIES: readonly string[];
/** Dotted JS calls that write their arguments to the process's output. */
export declare const JS_STREAM_SINKS: readonly string[];
/**
 * Words in a function's name that make its result safe to log: `mask(token)`, `redact_secret(x)`,
 * `obfuscate(key)`, `hashlib.sha256(...)`, `fingerprint(key)`, `len(x)`, `bool(x)`.
 */
export declare const SANITIZER_WORDS: readonly string[];
/** Functions whose result carries their argument: an encoding is not a mask. */
export declare const PROPAGATING_FUNCTIONS: readonly string[];
/** Methods whose result says something about the value without carrying it: `token.startswith("ghp_")`, `key.length`. */
export declare const CLEAN_METHODS: readonly string[];
/**
 * Properties of a secret-bearing object that describe it without carrying it: a key's id, a URL's
 * host, a token's expiry. `credentials.username`, `new URL(dsn).host`, `token.expires_in`.
 */
export declare const DESCRIBING_WORDS: readonly string[];
/** Python: functions and dotted calls that read one environment variable. */
export declare const PYTHON_ENV_GETTERS: readonly string[];
/** Python: the mapping of the environment: `os.environ["X"]` raises KeyError when X is missing. */
export declare const PYTHON_ENV_MAPPINGS: readonly string[];
/** JS: the object of the environment: `process.env.X`, `process.env["X"]`, `const { X } = process.env`. */
export declare const JS_ENV_OBJECTS: readonly string[];
/** Python application objects whose creation makes a directory a service. */
export declare const PYTHON_APP_FACTORIES: readonly string[];
/** Python calls that start serving. */
export declare const PYTHON_SERVER_RUNS: readonly string[];
/** JS application objects and servers whose creation makes a directory a service. */
export declare const JS_APP_FACTORIES: readonly string[];
/** Python: calls that end the process. */
export declare const PYTHON_EXIT_CALLS: readonly string[];
/** JS: calls that end the process. */
export declare const JS_EXIT_CALLS: readonly string[];
/** JS: calls that throw when their first argument is falsy (node:assert, tiny-invariant). Python's `assert` is not one: `python -O` strips it. */
export declare const JS_ASSERT_CALLS: readonly string[];
/** Python: decorators and registrations that run a function before the service serves. */
export declare const PYTHON_STARTUP_HOOKS: readonly string[];
/** Python: application factories that the framework's CLI calls (`flask run` finds `create_app`). */
export declare const PYTHON_FACTORY_FUNCTIONS: readonly string[];
/** JS: schema methods that validate `process.env` (zod, joi, yup, valibot, envalid, t3-env). */
export declare const ENV_SCHEMA_METHODS: readonly string[];
/** JS: functions that validate the environment given a schema: `cleanEnv(process.env, {...})`, `createEnv({...})`. */
export declare const ENV_SCHEMA_FUNCTIONS: readonly string[];
/** envalid's validators: `str()` is required unless it has a `default`. */
export declare const ENVALID_VALIDATORS: readonly string[];
/** Python base classes whose fields are read from the environment. */
export declare const PYTHON_SETTINGS_BASES: readonly string[];
/** Python annotations pydantic masks when printed (`SecretStr('**********')`). */
export declare const PYTHON_MASKED_TYPES: readonly string[];
/** Test files and folders: neither a service's code nor its start-up. */
export declare const TEST_PATH: RegExp;
/** Prefixes of environment variables that bundlers publish to the browser: public by design, never secrets. */
export declare const PUBLIC_ENV_PREFIXES: readonly string[];
