// What both code rules share across languages: how a value's secrecy flows (Flow), which names
// hold a secret, which calls mask one, and the facts a file hands to missing-startup-validation.
// The language modules (python.ts, javascript.ts) walk their own trees and speak these terms.

import {
  CLEAN_METHODS,
  AMBIGUOUS_SECRET_WORDS,
  CREDENTIAL_FILE_VARIABLES,
  CREDENTIAL_URL_WORDS,
  DESCRIBING_WORDS,
  isSecretLikeKey,
  LOGGER_WORDS,
  NAME_LIST_WORDS,
  nameWords,
  PROPAGATING_FUNCTIONS,
  PUBLIC_ENV_PREFIXES,
  SANITIZER_WORDS,
  SECRET_HEADER_NAMES,
  URL_WORDS,
} from "../../core/vocabulary.js";

const ambiguousWords: ReadonlySet<string> = new Set(AMBIGUOUS_SECRET_WORDS);

/**
 * What an expression is known to hold. `tainted`: a secret or something derived from one (the
 * source names it for the message). `clean`: provably not a secret (a literal, `len(x)`, `mask(x)`,
 * `x is None`). `unknown`: nothing known, e.g. a parameter with an ordinary name.
 * A tainted container (`os.environ`, request headers) is secret only in some members.
 */
export type Flow =
  | { state: "tainted"; source: string; container?: "environment" | "headers" }
  | { state: "clean" }
  | { state: "unknown" };

export const CLEAN: Flow = { state: "clean" };
export const UNKNOWN: Flow = { state: "unknown" };

export function tainted(source: string, container?: "environment" | "headers"): Flow {
  return container ? { state: "tainted", source, container } : { state: "tainted", source };
}

/** The first tainted flow, else unknown if any is unknown, else clean. Containers become plain values when combined. */
export function union(flows: readonly Flow[]): Flow {
  let unknown = false;
  for (const flow of flows) {
    if (flow.state === "tainted") return flows.length === 1 ? flow : tainted(flow.source);
    if (flow.state === "unknown") unknown = true;
  }
  return unknown ? UNKNOWN : CLEAN;
}

/**
 * A name whose value is a secret: `api_key`, `CLICKHOUSE_PASSWORD`, `clientSecret`, but not the
 * names of secrets (`missing_secrets`, `REQUIRED_SECRETS`) nor a description (`password_hash`).
 */
/** A member of a value: environment and header members by their name; `creds.username` describes, `dsn.netloc` carries. */
export function memberFlow(owner: Flow, name: string): Flow {
  if (owner.state !== "tainted") return owner.state === "clean" ? CLEAN : UNKNOWN;
  if (owner.container === "environment") return isSecretName(name) ? tainted(name) : CLEAN;
  if (owner.container === "headers") return isSecretHeaderName(name) ? tainted(name) : CLEAN;
  return isDescribingName(name) ? CLEAN : tainted(owner.source);
}

export function isSecretValueName(name: string): boolean {
  if (!isSecretLikeKey(name)) return false;
  const first = nameWords(name)[0];
  return first === undefined || !nameListWords.has(first);
}

/** `DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`: a connection setting that usually embeds a password. */
export function isCredentialUrlName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || !urlWords.has(last)) return false;
  return words.slice(0, -1).some((w) => credentialUrlWords.has(w));
}

/**
 * A name (variable, attribute, key, environment variable) whose value is a secret or a URL that
 * embeds one. Variables bundlers publish to the browser (`NEXT_PUBLIC_MAPS_API_KEY`) are public.
 */
export function isSecretName(name: string): boolean {
  if (PUBLIC_ENV_PREFIXES.some((p) => name.startsWith(p)) || CREDENTIAL_FILE_VARIABLES.has(name)) return false;
  return isSecretValueName(name) || isCredentialUrlName(name);
}

/**
 * A function whose result is a secret by its name: `get_token()`, `readApiToken()`. One ambiguous
 * secret word alone (`pass()`, `token()`) names a verb or a lexer's step, not what it returns.
 */
export function isSecretFunctionName(name: string): boolean {
  return isSecretName(name) && !ambiguousWords.has(name.toLowerCase());
}

/** `Authorization`, `Cookie`, `x-api-key`: a header whose value is a credential. */
export function isSecretHeaderName(name: string): boolean {
  return secretHeaders.has(name.toLowerCase()) || isSecretName(name);
}

/** `length`, `host`, `expires_in`, `key_id`: a member that describes a secret-bearing object without carrying the secret. */
export function isDescribingName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last !== undefined && describingWords.has(last);
}

/** `mask(x)`, `redact_token(x)`, `hashlib.sha256(...)`, `crypto.createHash(...)`, `len(x)`: the result is safe to log. */
export function isSanitizerName(name: string, extra: ReadonlySet<string> = EMPTY): boolean {
  if (extra.has(name)) return true;
  return nameWords(name).some((w) => sanitizerWords.has(w));
}

export function isPropagatingFunction(name: string): boolean {
  return propagating.has(name);
}

export function isCleanMethod(name: string): boolean {
  return cleanMethods.has(name) || /^is[A-Z_]/.test(name);
}

/** `logger`, `log`, `self.logger`, `app.log`, `auditLogger`, `LOG`: its last word names a logger. */
export function isLoggerName(name: string, extra: ReadonlySet<string> = EMPTY): boolean {
  if (extra.has(name)) return true;
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last !== undefined && loggerWords.has(last);
}

/** `token[:4]`, `key.slice(0, 6)`, `key.slice(-4)`: a few characters at either end, the way masks show a key. */
export const MAX_SHOWN_CHARACTERS = 8;

/** Is `[start:end]` (either may be absent) a prefix or suffix of at most MAX_SHOWN_CHARACTERS? */
export function isShortEnd(start: number | null, end: number | null): boolean {
  if ((start === null || start === 0) && end !== null && end > 0 && end <= MAX_SHOWN_CHARACTERS) return true;
  if (start !== null && start < 0 && start >= -MAX_SHOWN_CHARACTERS && (end === null || end === 0)) return true;
  return false;
}

/**
 * pino's `redact` paths: `req.headers.authorization`, `*.password`, `headers["x-api-key"]`,
 * `users[*].token`. A `*` matches any one key.
 */
export function parseRedactPath(path: string): string[] {
  const parts: string[] = [];
  for (const match of path.matchAll(/\[\s*["']([^"']*)["']\s*\]|\[\s*\*\s*\]|\[\s*\d+\s*\]|[^.[\]]+/g)) {
    const [whole, quoted] = match;
    if (quoted !== undefined) parts.push(quoted);
    else if (whole.includes("*")) parts.push("*");
    else if (whole.startsWith("[")) parts.push("*");
    else parts.push(whole.trim());
  }
  return parts;
}

export function isRedacted(path: readonly string[], redactions: readonly (readonly string[])[]): boolean {
  return redactions.some((r) => r.length === path.length && r.every((part, i) => part === "*" || part === path[i]));
}

/** How a message shows a source: `api_key`, `settings.clickhouse_password`, `CAISO_API_KEY`. */
export function shown(source: string): string {
  const compact = source.replace(/\s+/g, " ");
  return compact.length > 60 ? `${compact.slice(0, 57)}…` : compact;
}

const EMPTY: ReadonlySet<string> = new Set();
const nameListWords = new Set(NAME_LIST_WORDS);
const credentialUrlWords = new Set(CREDENTIAL_URL_WORDS);
const urlWords = new Set(URL_WORDS);
const secretHeaders = new Set(SECRET_HEADER_NAMES);
const describingWords = new Set(DESCRIBING_WORDS);
const sanitizerWords = new Set(SANITIZER_WORDS);
const propagating = new Set(PROPAGATING_FUNCTIONS);
const cleanMethods = new Set(CLEAN_METHODS);
const loggerWords = new Set(LOGGER_WORDS);

/** A value reaching a sink: where the sink is, what it is, and what reached it. */
export interface Leak {
  /** Offsets of the sink call (or the raise/throw statement). */
  start: number;
  end: number;
  /** `logger.error`, `print`, `raise ValueError`, `console.log`. */
  sink: string;
  /** `api_key`, `CAISO_API_KEY`, `request.headers`. */
  source: string;
  /** The variable at the sink when it is not the source itself: `url` built from `password`. */
  via: string | null;
  /** The sink is an exception message rather than a logger or a print. */
  exception: boolean;
}

export interface LeakOptions {
  /** Report secrets in exception messages (`raise X(f"…{secret}")`, `throw new Error(`…${secret}`)`). */
  exceptions: boolean;
  /** Report `print()`, `console.*` and writes to stdout/stderr. */
  prints: boolean;
  /** Extra names of loggers (receivers). */
  loggers: ReadonlySet<string>;
  /** Extra names of masking functions. */
  sanitizers: ReadonlySet<string>;
}

/** How a service's code reads one environment variable. */
export interface EnvRead {
  /** The variable's name as read: `CLICKHOUSE_DSN`. Settings fields give their environment name. */
  name: string;
  line: number;
  column: number;
  /** `os.getenv`, `os.environ[]`, `process.env`, `BaseSettings field`, `zod schema`… */
  via: string;
  /** The function (scope) the read runs in; a module scope runs at import. */
  scope: string;
  /** A literal default that stands in when the variable is missing (`os.getenv("X", "changeme")`, `?? "dev"`). */
  fallback: boolean;
  /** The read fails the start-up by itself when the variable is missing, if its scope runs then (`os.environ["X"]`). */
  failFast: boolean;
  /** For settings fields: the class that has to be instantiated at start-up for the read (and its validation) to happen. */
  needs?: string;
  /** For settings fields: the attribute name, which checks use (`if not settings.api_key`). */
  field?: string;
}

/** A check that fails the start-up when some variables are missing, and which ones it covers. */
export interface Check {
  scope: string;
  line: number;
  /** Variable names (or settings field names) the check covers. */
  names: string[];
  /** Identifiers of constants (lists of names) the check iterates; resolved across the service's files. */
  refs: string[];
  /** When the check tests a parameter of its function: that parameter's index (`def require(name)`). */
  parameters: number[];
  /** What it is, for evidence: `validate_secrets()`, `zod schema`, `if not API_KEY: raise`. */
  what: string;
}

/** A call made in a scope: the callee's simple name, and those of its arguments that are literal variable names. */
export interface CallFact {
  scope: string;
  callee: string;
  args: (string | null)[];
  line: number;
  column: number;
}

/** A function (or method) and the scope id its body is. */
export interface FunctionFact {
  scope: string;
  name: string;
  /** The class of a method: `Settings()` runs `Settings.__init__`. */
  owner: string | null;
}

export interface EntryFact {
  line: number;
  /** `if __name__ == "__main__"`, `FastAPI()`, `uvicorn.run`, `express()`, `listen()`. */
  what: string;
}

/** Everything one code file tells the project handler. Plain data: no nodes, no values. */
export interface CodeFacts {
  type: "code";
  path: string;
  language: "python" | "javascript";
  /** The file did not parse: its service cannot be judged. */
  unparsed: boolean;
  /**
   * A command-line program: it parses arguments (argparse, click, typer, fire, docopt, sys.argv)
   * and starts no server (its only entry, if any, is `if __name__ == "__main__"`). It runs on
   * demand, not as a service.
   */
  cli?: boolean;
  entries: EntryFact[];
  reads: EnvRead[];
  checks: Check[];
  calls: CallFact[];
  functions: FunctionFact[];
  /** Scopes run by the framework at start-up: lifespan functions, `@app.on_event("startup")`. */
  hooks: string[];
  /** Module-level lists of names: `REQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", …]`. */
  constants: Record<string, string[]>;
}

export function emptyFacts(path: string, language: CodeFacts["language"]): CodeFacts {
  return { type: "code", path, language, unparsed: false, entries: [], reads: [], checks: [], calls: [], functions: [], hooks: [], constants: {} };
}

/** The scope id of a file's module level. */
export function moduleScope(path: string): string {
  return `${path}#module`;
}

/** A string literal that can name an environment variable or a settings field. */
export function isVariableName(value: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value);
}

/** A literal kept in facts only when it can name a variable: facts never carry other literals (they may be secrets). */
export function variableNameOf(value: string | null): string | null {
  return value !== null && isVariableName(value) ? value : null;
}
