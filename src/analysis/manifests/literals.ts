// Is a literal bound to a name a secret that belongs in a store? The shared judgement
// (src/secrets/judge.ts) with the manifest-specific exceptions: chart keys that name an
// existing Secret, and compose's `${VAR:-default}` whose default is the literal.

import { judgeAssignment, judgeSecretValue } from "../judge.js";
import { isSecretLikeKey } from "../../core/vocabulary.js";
import { SECRET_REFERENCE_KEY } from "./vocabulary.js";

export type LiteralVerdict = "secret" | "weak-default" | null;

/** "secret", "weak-default" (a well-known default such as `postgres`), or null for anything else. */
export function judgeLiteral(key: string, value: string, path: string, templated = false): LiteralVerdict {
  if (SECRET_REFERENCE_KEY.test(key)) return null;
  const context = { path, isDocumentation: false };
  // DATABASE_URL: postgresql://ingest:<password>@postgres/market   (a URL is as secret as its password, whatever its name)
  const verdict = isSecretLikeKey(key) || !hasUrlPassword(value) ? judgeAssignment(key, value, context, { templated }) : judgeSecretValue(key, value, context, { templated });
  return verdict.kind === "not-secret" ? null : verdict.kind;
}

// scheme://user:password@host   (the password part not empty)
const URL_PASSWORD = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,256}:[^\s@/]{1,256}@/i;

/** A URL that carries a password in its user info: `postgresql://u:pw@host/db`, `redis://:pw@redis:6379`. */
export function hasUrlPassword(value: string): boolean {
  return URL_PASSWORD.test(value.trim());
}

// ${POSTGRES_PASSWORD:-s3cr3t}  ${POSTGRES_PASSWORD-s3cr3t}
const DEFAULTED_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^{}]*)\}$/;

/** The default of a compose or shell `${VAR:-default}` reference, with its offset in the value; null otherwise. */
export function referenceDefault(value: string): { value: string; offset: number } | null {
  const match = DEFAULTED_REFERENCE.exec(value.trim());
  if (!match || match[1] === undefined) return null;
  const offset = value.indexOf(match[1], value.indexOf("-"));
  return { value: match[1], offset: Math.max(0, offset) };
}

/**
 * A manifest key whose value is a secret: a secret-like key (core/vocabulary.ts) that is not a
 * chart key naming an existing Secret. Code has its own refinement, isSecretName in code/shared.ts.
 */
export function isSecretManifestKey(key: string): boolean {
  return isSecretLikeKey(key) && !SECRET_REFERENCE_KEY.test(key);
}
