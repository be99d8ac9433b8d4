/**
 * The only form in which a secret ever leaves the engine: a few characters at each end of
 * a long value, nothing of a short one. `AKIAIOSFODNN7EXAMPLE` -> `AKIA…MPLE`.
 */
export declare function redact(secret: string): string;
/** Replaces every whole occurrence of each secret in a text by its redacted form. */
export declare function scrub(text: string, secrets: Iterable<string>): string;
export declare function sha256(text: string): string;
/**
 * Stable across runs and line moves: the rule, the path, and a hash of the value (or, for
 * findings without a value, of what identifies them within the file).
 */
export declare function fingerprint(ruleId: string, path: string, identity: string): string;
