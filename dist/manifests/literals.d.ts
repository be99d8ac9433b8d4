export type LiteralVerdict = "secret" | "weak-default" | null;
/** "secret", "weak-default" (a well-known default such as `postgres`), or null for anything else. */
export declare function judgeLiteral(key: string, value: string, path: string, templated?: boolean): LiteralVerdict;
/** The default of a compose or shell `${VAR:-default}` reference, with its offset in the value; null otherwise. */
export declare function referenceDefault(value: string): {
    value: string;
    offset: number;
} | null;
/** Whether a name holds a secret (and is not a chart key naming an existing Secret). */
export declare function isSecretName(key: string): boolean;
