// Words shared by the rules: what names a secret, and what merely mentions one.
/** A name made of these words names a secret wherever the word stands: `DB_PASSWORD`, `clientSecret`. */
export const SECRET_WORDS = [
    "password", "passwd", "passphrase", "pwd", "pass", "pw", "secret", "secrets", "token", "apikey",
    "credential", "credentials", "creds", "privatekey", "secretkey", "accesskey", "authtoken", "bearer",
    "dsn", "connectionstring", "connstr", "sasl", "jaas", "webhook", "pat",
];
/** `key` alone is too common (`key: app`); these words before it make it a secret: `api_key`, `signing-key`. */
export const KEY_QUALIFIERS = [
    "api", "access", "secret", "private", "signing", "encryption", "master", "client", "app", "service",
    "account", "auth", "session", "storage", "shared", "hmac", "jwt", "license", "subscription", "admin", "root",
    "write", "read", "ingest", "deploy",
];
/**
 * Words after the secret word that make the name describe a secret rather than hold one:
 * `PASSWORD_MIN_LENGTH`, `TOKEN_HEADER`, `passwordField`, `password_sha256_hex`, `secretKeyRef`.
 */
export const NOT_A_VALUE_WORDS = [
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
/** Splits a name into lower-case words: `AWS_SECRET_ACCESS_KEY`, `clientSecret`, `x-api-key`, `spring.datasource.password`. */
export function nameWords(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}
/**
 * Does this name hold a secret? The secret word must be the last meaningful word, or be
 * followed only by words that do not turn it into a description (`DB_PASSWORD`, `apiKey`,
 * `AWS_SECRET_ACCESS_KEY`, `auth_token`, `--requirepass`), and not by `length`, `field`,
 * `header`, `file`, `ref`, `hash`… (`PASSWORD_MIN_LENGTH`, `TOKEN_HEADER`, `secretKeyRef`).
 */
export function isSecretLikeKey(name) {
    const words = nameWords(name.replace(/^-+/, ""));
    if (words.length === 0)
        return false;
    // `requirepass`, `masterauth`: flags and config words that glue the secret word on.
    if (words.length === 1 && /^(?:require|master|admin|root|db|user)?pass(?:word)?$|^masterauth$/.test(words[0]))
        return true;
    for (let i = words.length - 1; i >= 0; i--) {
        const word = words[i];
        const previous = i > 0 ? words[i - 1] : "";
        const isSecret = secretWords.has(word) || secretWords.has(previous + word) || (word === "key" && keyQualifiers.has(previous)) || isGluedSecret(word);
        if (isSecret)
            return true;
        // A describing word after the secret word makes it a description; keep looking left only past neutral words.
        if (notAValueWords.has(word))
            return false;
    }
    return false;
}
// `apikey`, `secretkey`, `clientsecret`, `dbpassword`, `authtoken`: secret words glued to a qualifier.
function isGluedSecret(word) {
    return /(?:password|passwd|passphrase|secret|token|apikey|privatekey|accesskey|secretkey|credentials?)$/.test(word) && !/^(?:no|is|has|use|with)/.test(word);
}
