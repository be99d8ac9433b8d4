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
 * Replaces every occurrence of each secret in a text by its redacted form (a short name-like
 * value only where it stands alone, see isWordLike). Longer secrets go first: masking `app`
 * first would leave the rest of `app_pass` showing.
 */
export function scrub(text: string, secrets: Iterable<string>): string {
  return createScrubber(secrets)(text);
}

const GRAM = 4;

/**
 * `scrub` for many texts against one set of secrets: the secrets are indexed by their first four
 * characters, so a text costs one lookup per position, not one search per secret (a scan with
 * 20,000 findings would otherwise search every snippet for every value).
 */
export function createScrubber(secrets: Iterable<string>): (text: string) => string {
  const byGram = new Map<string, string[]>();
  for (const secret of new Set(secrets)) {
    if (secret.length < GRAM) continue;
    const gram = secret.slice(0, GRAM);
    const list = byGram.get(gram);
    if (list) list.push(secret);
    else byGram.set(gram, [secret]);
  }
  return (text) => {
    if (byGram.size === 0) return text;
    const present = new Set<string>();
    for (let i = 0; i + GRAM <= text.length; i++) {
      const candidates = byGram.get(text.slice(i, i + GRAM));
      if (candidates) for (const secret of candidates) if (text.startsWith(secret, i)) present.add(secret);
    }
    if (present.size === 0) return text;
    let out = text;
    for (const secret of [...present].sort((a, b) => b.length - a.length)) {
      if (!out.includes(secret)) continue;
      out = isWordLike(secret) ? maskWholeWords(out, secret) : out.split(secret).join(redact(secret));
    }
    return out;
  };
}

/**
 * A short value made of identifier characters (`password`, `admin123`, `airflow`) is masked only
 * where it stands alone: inside a longer name (`db_password`, `administrator_login_password`)
 * it is a word of that name, and masking it there garbled messages and lines. Where a rule
 * reported it glued to other text (`-padmin123`), the reported range is masked by position.
 */
function isWordLike(secret: string): boolean {
  return secret.length < 20 && /^[A-Za-z0-9_-]+$/.test(secret);
}

const NAME_CHAR = /[A-Za-z0-9_-]/;

function maskWholeWords(text: string, secret: string): string {
  let out = "";
  let at = 0;
  for (let i = text.indexOf(secret); i !== -1; i = text.indexOf(secret, i + secret.length)) {
    const before = text[i - 1];
    const after = text[i + secret.length];
    if ((before !== undefined && NAME_CHAR.test(before)) || (after !== undefined && NAME_CHAR.test(after))) continue;
    out += text.slice(at, i) + redact(secret);
    at = i + secret.length;
  }
  return out + text.slice(at);
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

/**
 * A parser's or a rule's error message, fit for a notice: parsers quote the source they choke on
 * (`Block scalar header includes extra characters: |s3cret`, `Use the syntax '0o777…'`), and
 * the source may be a secret. Quoted text and a lone token after a final colon are dropped; the rest is capped.
 */
export function withoutSourceText(message: string): string {
  const firstLine = message.split("\n")[0] ?? "";
  const unquoted = firstLine.replace(/(['"`])(?:(?!\1).){4,}?\1/g, "…").replace(/(['"`])(?:(?!\1).)*$/, "…");
  const beforeQuote = unquoted.replace(/:\s+\S+\s*$/, "");
  return beforeQuote.length > 160 ? beforeQuote.slice(0, 159) + "…" : beforeQuote;
}
