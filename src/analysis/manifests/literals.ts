// Is a literal bound to a name a secret that belongs in a store? The shared judgement
// (src/secrets/judge.ts) with the manifest-specific exceptions: chart keys that name an
// existing Secret, and compose's `${VAR:-default}` whose default is the literal.

import { judgeAssignment } from "../judge.js";
import { isSecretLikeKey } from "../../core/vocabulary.js";
import { SECRET_REFERENCE_KEY } from "./vocabulary.js";

export type LiteralVerdict = "secret" | "weak-default" | null;

/** "secret", "weak-default" (a well-known default such as `postgres`), or null for anything else. */
export function judgeLiteral(key: string, value: string, path: string, templated = false): LiteralVerdict {
  if (SECRET_REFERENCE_KEY.test(key)) return null;
  const verdict = judgeAssignment(key, value, { path, isDocumentation: false }, { templated });
  return verdict.kind === "not-secret" ? null : verdict.kind;
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
