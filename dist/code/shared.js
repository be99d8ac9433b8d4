// What both code rules share across languages: how a value's secrecy flows (Flow), which names
// hold a secret, which calls mask one, and the facts a file hands to missing-startup-validation.
// The language modules (python.ts, javascript.ts) walk their own trees and speak these terms.
import { CLEAN_METHODS, CREDENTIAL_URL_WORDS, DESCRIBING_WORDS, isSecretLikeKey, LOGGER_WORDS, NAME_LIST_WORDS, nameWords, PROPAGATING_FUNCTIONS, PUBLIC_ENV_PREFIXES, SANITIZER_WORDS, SECRET_HEADER_NAMES, URL_WORDS, } from "../vocabulary.js";
export const CLEAN = { state: "clean" };
export const UNKNOWN = { state: "unknown" };
export function tainted(source, container) {
    return container ? { state: "tainted", source, container } : { state: "tainted", source };
}
/** The first tainted flow, else unknown if any is unknown, else clean. Containers become plain values when combined. */
export function union(flows) {
    let unknown = false;
    for (const flow of flows) {
        if (flow.state === "tainted")
            return flows.length === 1 ? flow : tainted(flow.source);
        if (flow.state === "unknown")
            unknown = true;
    }
    return unknown ? UNKNOWN : CLEAN;
}
/**
 * A name whose value is a secret: `api_key`, `CLICKHOUSE_PASSWORD`, `clientSecret`, but not the
 * names of secrets (`missing_secrets`, `REQUIRED_SECRETS`) nor a description (`password_hash`).
 */
/** A member of a value: environment and header members by their name; `creds.username` describes, `dsn.netloc` carries. */
export function memberFlow(owner, name) {
    if (owner.state !== "tainted")
        return owner.state === "clean" ? CLEAN : UNKNOWN;
    if (owner.container === "environment")
        return isSecretName(name) ? tainted(name) : CLEAN;
    if (owner.container === "headers")
        return isSecretHeaderName(name) ? tainted(name) : CLEAN;
    return isDescribingName(name) ? CLEAN : tainted(owner.source);
}
export function isSecretValueName(name) {
    if (!isSecretLikeKey(name))
        return false;
    const first = nameWords(name)[0];
    return first === undefined || !nameListWords.has(first);
}
/** `DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`: a connection setting that usually embeds a password. */
export function isCredentialUrlName(name) {
    const words = nameWords(name);
    const last = words[words.length - 1];
    if (last === undefined || !urlWords.has(last))
        return false;
    return words.slice(0, -1).some((w) => credentialUrlWords.has(w));
}
/**
 * A name (variable, attribute, key, environment variable) whose value is a secret or a URL that
 * embeds one. Variables bundlers publish to the browser (`NEXT_PUBLIC_MAPS_API_KEY`) are public.
 */
export function isSecretName(name) {
    if (PUBLIC_ENV_PREFIXES.some((p) => name.startsWith(p)))
        return false;
    return isSecretValueName(name) || isCredentialUrlName(name);
}
/** `Authorization`, `Cookie`, `x-api-key`: a header whose value is a credential. */
export function isSecretHeaderName(name) {
    return secretHeaders.has(name.toLowerCase()) || isSecretName(name);
}
/** `length`, `host`, `expires_in`, `key_id`: a member that describes a secret-bearing object without carrying the secret. */
export function isDescribingName(name) {
    const words = nameWords(name);
    const last = words[words.length - 1];
    return last !== undefined && describingWords.has(last);
}
/** `mask(x)`, `redact_token(x)`, `hashlib.sha256(...)`, `crypto.createHash(...)`, `len(x)`: the result is safe to log. */
export function isSanitizerName(name, extra = EMPTY) {
    if (extra.has(name))
        return true;
    return nameWords(name).some((w) => sanitizerWords.has(w));
}
export function isPropagatingFunction(name) {
    return propagating.has(name);
}
export function isCleanMethod(name) {
    return cleanMethods.has(name) || /^is[A-Z_]/.test(name);
}
/** `logger`, `log`, `self.logger`, `app.log`, `auditLogger`, `LOG`: its last word names a logger. */
export function isLoggerName(name, extra = EMPTY) {
    if (extra.has(name))
        return true;
    const words = nameWords(name);
    const last = words[words.length - 1];
    return last !== undefined && loggerWords.has(last);
}
/** `token[:4]`, `key.slice(0, 6)`, `key.slice(-4)`: a few characters at either end, the way masks show a key. */
export const MAX_SHOWN_CHARACTERS = 8;
/** Is `[start:end]` (either may be absent) a prefix or suffix of at most MAX_SHOWN_CHARACTERS? */
export function isShortEnd(start, end) {
    if ((start === null || start === 0) && end !== null && end > 0 && end <= MAX_SHOWN_CHARACTERS)
        return true;
    if (start !== null && start < 0 && start >= -MAX_SHOWN_CHARACTERS && (end === null || end === 0))
        return true;
    return false;
}
/**
 * pino's `redact` paths: `req.headers.authorization`, `*.password`, `headers["x-api-key"]`,
 * `users[*].token`. A `*` matches any one key.
 */
export function parseRedactPath(path) {
    const parts = [];
    for (const match of path.matchAll(/\[\s*["']([^"']*)["']\s*\]|\[\s*\*\s*\]|\[\s*\d+\s*\]|[^.[\]]+/g)) {
        const [whole, quoted] = match;
        if (quoted !== undefined)
            parts.push(quoted);
        else if (whole.includes("*"))
            parts.push("*");
        else if (whole.startsWith("["))
            parts.push("*");
        else
            parts.push(whole.trim());
    }
    return parts;
}
export function isRedacted(path, redactions) {
    return redactions.some((r) => r.length === path.length && r.every((part, i) => part === "*" || part === path[i]));
}
/** How a message shows a source: `api_key`, `settings.clickhouse_password`, `CAISO_API_KEY`. */
export function shown(source) {
    const compact = source.replace(/\s+/g, " ");
    return compact.length > 60 ? `${compact.slice(0, 57)}…` : compact;
}
const EMPTY = new Set();
const nameListWords = new Set(NAME_LIST_WORDS);
const credentialUrlWords = new Set(CREDENTIAL_URL_WORDS);
const urlWords = new Set(URL_WORDS);
const secretHeaders = new Set(SECRET_HEADER_NAMES);
const describingWords = new Set(DESCRIBING_WORDS);
const sanitizerWords = new Set(SANITIZER_WORDS);
const propagating = new Set(PROPAGATING_FUNCTIONS);
const cleanMethods = new Set(CLEAN_METHODS);
const loggerWords = new Set(LOGGER_WORDS);
export function emptyFacts(path, language) {
    return { type: "code", path, language, unparsed: false, entries: [], reads: [], checks: [], calls: [], functions: [], hooks: [], constants: {} };
}
/** The scope id of a file's module level. */
export function moduleScope(path) {
    return `${path}#module`;
}
/** A string literal that can name an environment variable or a settings field. */
export function isVariableName(value) {
    return /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value);
}
/** A literal kept in facts only when it can name a variable: facts never carry other literals (they may be secrets). */
export function variableNameOf(value) {
    return value !== null && isVariableName(value) ? value : null;
}
