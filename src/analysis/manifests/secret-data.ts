// The entries of a Kubernetes Secret (`data` base64, `stringData` plain) and whether each one
// holds a literal secret: empty values, templates, SOPS ciphertext, placeholders and public
// certificates do not.

import type { Document, Pair } from "yaml";
import { deleet, isPlaceholderValue, isReference } from "../../detectors/placeholders.js";
import { hasReference } from "../../languages/strings.js";
import { hasShellExpansion } from "./embedded.js";
import type { KubeObject } from "./kubernetes.js";
import { nameWords } from "../../core/vocabulary.js";
import { PRIVATE_MATERIAL, PUBLIC_DATA_KEYS, PUBLIC_DATA_LAST_WORDS, PUBLIC_MATERIAL } from "./vocabulary.js";
import { asMap, contentRange, isTemplated, keyOf, scalarOf, valueOf } from "./yaml-nodes.js";

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

/**
 * Every entry of a Secret's `data` and `stringData`. `shell`: the Secret is a heredoc of a script,
 * whose `$VAR` and `$(cmd)` the shell fills in.
 */
export function secretEntries(text: string, object: KubeObject, options: { shell?: boolean } = {}): SecretEntry[] {
  const entries: SecretEntry[] = [];
  for (const field of ["data", "stringData"] as const) {
    const map = asMap(object.doc, valueOf(object.doc, object.map, field));
    if (!map) continue;
    for (const pair of map.items) {
      const key = keyOf(pair);
      const scalar = scalarOf(object.doc, pair.value);
      if (!key || !scalar) continue;
      const { start, end } = contentRange(text, scalar);
      const written = scalar.value === null || scalar.value === undefined ? "" : String(scalar.value);
      const templated = isTemplated(text, pair.value) || hasReference(written) || (options.shell === true && hasShellExpansion(text.slice(start, end)));
      const decoded = field === "data" && !templated ? decodeBase64(written) : { text: written, binary: false };
      entries.push({ field, key, pair, written, start, end, decoded: decoded?.text ?? null, binary: decoded?.binary ?? false, templated });
    }
  }
  return entries;
}

/** Standard base64 (whitespace allowed, as block scalars wrap it); null when the text is not base64. */
export function decodeBase64(written: string): { text: string; binary: boolean } | null {
  const compact = written.replace(/\s+/g, "");
  if (compact.length === 0) return { text: "", binary: false };
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const bytes = Buffer.from(compact, "base64");
  const text = bytes.toString("utf8");
  // Binary content (a keystore, a DER key) does not survive a round trip through UTF-8.
  const binary = !Buffer.from(text, "utf8").equals(bytes) || /[\u0000-\u0008\u000e-\u001f]/.test(text);
  return { text, binary };
}

export type EntryVerdict = "secret" | "empty" | "templated" | "encrypted" | "placeholder" | "public" | "not-base64";

/** Whether a Secret entry holds a literal secret, and if not, why not. */
export function judgeSecretEntry(entry: SecretEntry): EntryVerdict {
  if (entry.templated) return "templated";
  if (entry.written.trim().startsWith("ENC[")) return "encrypted"; // SOPS ciphertext
  if (entry.decoded === null) return "not-base64";
  const value = entry.decoded.trim();
  if (value.length === 0) return "empty";
  if (entry.binary) return isPublicDataKey(entry.key) || /\.(?:crt|cer|der|pub)$/i.test(entry.key) ? "public" : "secret";
  if (PRIVATE_MATERIAL.test(value)) return "secret";
  if (PUBLIC_MATERIAL.test(value) || /\.(?:crt|cer|pub)$/i.test(entry.key)) return "public";
  if (isPublicDataKey(entry.key) || isPlainAddress(entry.key, value)) return "public";
  if (isStandIn(value)) return "placeholder";
  return "secret";
}

// `url: https://api.example.com`, `endpoint: http://minio.storage:9000`: an address without userinfo,
// query or a long path segment (a webhook's token rides in its path: hooks.slack.com/services/T…/B…/…)
const PLAIN_ADDRESS = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/?#]{1,253}(?::[0-9]{1,5})?(?:\/[\w.~-]{0,15}){0,8}\/?$/i;

function isPlainAddress(key: string, value: string): boolean {
  const words = nameWords(key);
  if (words.some((w) => /hook/.test(w))) return false;
  return ["url", "uri", "endpoint", "address", "addr", "server"].includes(words.at(-1) ?? "") && PLAIN_ADDRESS.test(value);
}

/**
 * A value that stands in for a secret (`changeme`, `<your-key>`, `${DB_PASSWORD}`, `ACTUAL_PASSWORD`).
 * Leetspeak (`s3cr3t-value`, `p@ssw0rd`) is not one here: in a committed Secret or generator it is
 * the credential the cluster runs with, weak as it is.
 */
export function isStandIn(value: string): boolean {
  // `"$API_KEY"` filled in by envsubst before apply: its `$` is no leetspeak
  if (hasReference(value) || isReference(value)) return true;
  return isPlaceholderValue(value) && deleet(value) === null;
}

/** Whether a document carries SOPS metadata (`sops: {mac: …, lastmodified: …}`). */
export function isSopsDocument(doc: Document.Parsed): boolean {
  const root = asMap(doc, doc.contents);
  const sops = asMap(doc, valueOf(doc, root, "sops"));
  return sops !== null && (valueOf(doc, sops, "mac") !== undefined || valueOf(doc, sops, "lastmodified") !== undefined);
}

/** `ca.crt`, `username`, `clickhouse_user`, `DB_HOST`: keys that name public or identifying material. */
export function isPublicDataKey(key: string): boolean {
  if (PUBLIC_DATA_KEYS.includes(key.toLowerCase())) return true;
  const last = nameWords(key).at(-1);
  return last !== undefined && PUBLIC_DATA_LAST_WORDS.includes(last);
}
