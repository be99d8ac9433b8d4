/** Whole values (compared case-insensitively) that documentation and templates put where a secret goes. */
export declare const PLACEHOLDER_WORDS: readonly string[];
/**
 * Words that mark a value as a stand-in when it is made only of words: `your-api-key`,
 * `YOUR_PASSWORD_HERE`, `mySecretToken`, `db_password`, `ACTUAL_KEY`.
 */
export declare const PLACEHOLDER_MARKERS: readonly string[];
/** Words that name a secret; a value made of words that contains one is a name, not a secret. */
export declare const SECRET_NAME_WORDS: readonly string[];
/** Passwords that official images and tutorials ship with; never a secret worth reporting in a URL. */
export declare const DEFAULT_CREDENTIALS: readonly string[];
/**
 * True when `value` is not a secret but stands in for one: a reference (`${DB_PASS}`,
 * `$PASS`, `{{ .Values.x }}`, `%(pw)s`), a template (`<password>`), a placeholder word
 * (`changeme`, `password`), a name made of words (`your-api-key`, `ACTUAL_KEY`), a mask
 * (`****`, `xxxxxxxx`), an empty value or one of one or two characters, or a keyboard sequence (`123456789`).
 * AWS-style documented examples (`…EXAMPLE`) are not placeholders: they are reported as examples.
 */
export declare function isPlaceholderValue(value: string): boolean;
/** True for the well-known default passwords of official images (`guest`, `postgres`, `root`…), also in leetspeak (`s3cr3t`, `p@ssw0rd`). */
export declare function isDefaultCredential(value: string): boolean;
/**
 * Leetspeak read back as letters: `s3cr3t-value` → `secret-value`, `p@ssw0rd` → `password`; null
 * when the value has no such digits or symbols, or anything else besides letters and separators.
 */
export declare function deleet(value: string): string | null;
/**
 * A secret's name used as its value, with a qualifier but no placeholder marker:
 * `irc_pass`, `db_password`, `AdminPassword`. In documentation that is a placeholder; in a
 * real config file it is a guessable password. (`your_password`, `api_key`: always placeholders.)
 */
export declare function isGuessableName(value: string): boolean;
