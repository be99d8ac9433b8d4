import type { Document, Pair } from "yaml";
import type { KubeObject } from "./kubernetes.js";
export interface SecretEntry {
    field: "data" | "stringData";
    key: string;
    pair: Pair<unknown, unknown>;
    /** The value as written (base64 for `data`), and its offsets. */
    written: string;
    start: number;
    end: number;
    /** The value a program sees: decoded for `data`; null when it is not valid base64. */
    decoded: string | null;
    binary: boolean;
    templated: boolean;
}
/** Every entry of a Secret's `data` and `stringData`. */
export declare function secretEntries(text: string, object: KubeObject): SecretEntry[];
/** Standard base64 (whitespace allowed, as block scalars wrap it); null when the text is not base64. */
export declare function decodeBase64(written: string): {
    text: string;
    binary: boolean;
} | null;
export type EntryVerdict = "secret" | "empty" | "templated" | "encrypted" | "placeholder" | "public" | "not-base64";
/** Whether a Secret entry holds a literal secret, and if not, why not. */
export declare function judgeSecretEntry(entry: SecretEntry): EntryVerdict;
/**
 * A value that stands in for a secret (`changeme`, `<your-key>`, `${DB_PASSWORD}`, `ACTUAL_PASSWORD`).
 * Leetspeak (`s3cr3t-value`, `p@ssw0rd`) is not one here: in a committed Secret or generator it is
 * the credential the cluster runs with, weak as it is.
 */
export declare function isStandIn(value: string): boolean;
/** Whether a document carries SOPS metadata (`sops: {mac: …, lastmodified: …}`). */
export declare function isSopsDocument(doc: Document.Parsed): boolean;
/** `ca.crt`, `username`, `clickhouse_user`, `DB_HOST`: keys that name public or identifying material. */
export declare function isPublicDataKey(key: string): boolean;
