/**
 * What an expression is known to hold. `tainted`: a secret or something derived from one (the
 * source names it for the message). `clean`: provably not a secret (a literal, `len(x)`, `mask(x)`,
 * `x is None`). `unknown`: nothing known, e.g. a parameter with an ordinary name.
 * A tainted container (`os.environ`, request headers) is secret only in some members.
 */
export type Flow = {
    state: "tainted";
    source: string;
    container?: "environment" | "headers";
} | {
    state: "clean";
} | {
    state: "unknown";
};
export declare const CLEAN: Flow;
export declare const UNKNOWN: Flow;
export declare function tainted(source: string, container?: "environment" | "headers"): Flow;
/** The first tainted flow, else unknown if any is unknown, else clean. Containers become plain values when combined. */
export declare function union(flows: readonly Flow[]): Flow;
/**
 * A name whose value is a secret: `api_key`, `CLICKHOUSE_PASSWORD`, `clientSecret`, but not the
 * names of secrets (`missing_secrets`, `REQUIRED_SECRETS`) nor a description (`password_hash`).
 */
/** A member of a value: environment and header members by their name; `creds.username` describes, `dsn.netloc` carries. */
export declare function memberFlow(owner: Flow, name: string): Flow;
export declare function isSecretValueName(name: string): boolean;
/** `DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`: a connection setting that usually embeds a password. */
export declare function isCredentialUrlName(name: string): boolean;
/**
 * A name (variable, attribute, key, environment variable) whose value is a secret or a URL that
 * embeds one. Variables bundlers publish to the browser (`NEXT_PUBLIC_MAPS_API_KEY`) are public.
 */
export declare function isSecretName(name: string): boolean;
/** `Authorization`, `Cookie`, `x-api-key`: a header whose value is a credential. */
export declare function isSecretHeaderName(name: string): boolean;
/** `length`, `host`, `expires_in`, `key_id`: a member that describes a secret-bearing object without carrying the secret. */
export declare function isDescribingName(name: string): boolean;
/** `mask(x)`, `redact_token(x)`, `hashlib.sha256(...)`, `crypto.createHash(...)`, `len(x)`: the result is safe to log. */
export declare function isSanitizerName(name: string, extra?: ReadonlySet<string>): boolean;
export declare function isPropagatingFunction(name: string): boolean;
export declare function isCleanMethod(name: string): boolean;
/** `logger`, `log`, `self.logger`, `app.log`, `auditLogger`, `LOG`: its last word names a logger. */
export declare function isLoggerName(name: string, extra?: ReadonlySet<string>): boolean;
/** `token[:4]`, `key.slice(0, 6)`, `key.slice(-4)`: a few characters at either end, the way masks show a key. */
export declare const MAX_SHOWN_CHARACTERS = 8;
/** Is `[start:end]` (either may be absent) a prefix or suffix of at most MAX_SHOWN_CHARACTERS? */
export declare function isShortEnd(start: number | null, end: number | null): boolean;
/**
 * pino's `redact` paths: `req.headers.authorization`, `*.password`, `headers["x-api-key"]`,
 * `users[*].token`. A `*` matches any one key.
 */
export declare function parseRedactPath(path: string): string[];
export declare function isRedacted(path: readonly string[], redactions: readonly (readonly string[])[]): boolean;
/** How a message shows a source: `api_key`, `settings.clickhouse_password`, `CAISO_API_KEY`. */
export declare function shown(source: string): string;
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
export declare function emptyFacts(path: string, language: CodeFacts["language"]): CodeFacts;
/** The scope id of a file's module level. */
export declare function moduleScope(path: string): string;
/** A string literal that can name an environment variable or a settings field. */
export declare function isVariableName(value: string): boolean;
/** A literal kept in facts only when it can name a variable: facts never carry other literals (they may be secrets). */
export declare function variableNameOf(value: string | null): string | null;
