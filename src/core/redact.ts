import { createHash } from "node:crypto";

/**
 * The only form in which a secret ever leaves the engine: a few characters at each end of
 * a long value, nothing of a short one. `AKIAIOSFODNN7EXAMPLE` -> `AKIA…MPLE`.
 */
export function redact(secret: string): string {
  const chars = [...secret];
  if (chars.length < 12) return "****";
  const keep = chars.length < 20 ? 2 : 4;
  return `${chars.slice(0, keep).join("")}…${chars.slice(-keep).join("")}`;
}

/**
 * Replaces every whole occurrence of each secret in a text by its redacted form. Longer secrets
 * go first: masking `app` first would leave the rest of `app_pass` showing.
 */
export function scrub(text: string, secrets: Iterable<string>): string {
  const present = [...new Set(secrets)].filter((secret) => secret.length >= 4 && text.includes(secret));
  present.sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of present) if (out.includes(secret)) out = out.split(secret).join(redact(secret));
  return out;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Stable across runs and line moves: the rule, the path, and a hash of the value (or, for
 * findings without a value, of what identifies them within the file).
 */
export function fingerprint(ruleId: string, path: string, identity: string): string {
  return sha256(`${ruleId}\0${path}\0${identity}`).slice(0, 32);
}
