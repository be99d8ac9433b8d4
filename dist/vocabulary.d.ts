/** A name made of these words names a secret wherever the word stands: `DB_PASSWORD`, `clientSecret`. */
export declare const SECRET_WORDS: readonly string[];
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
