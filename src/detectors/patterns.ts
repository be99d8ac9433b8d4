// Building blocks for detector patterns, shared so every family writes token edges, key
// assignments and URL credentials the same way. Each builder returns RegExp source with a
// named `secret` group; repetitions are bounded so a failed attempt costs a constant.

/** Characters that continue a typical token: a token must not start or end inside a run of them. */
export const TOKEN_EDGE = String.raw`\w-`;
/** Characters that continue a base64 value: `+`, `/` and `=` too. */
export const BASE64_EDGE = String.raw`\w+/=-`;

/** `aws` -> `[aA][wW][sS]`: a case-insensitive key name without making the value case-insensitive. */
export function caseless(literal: string): string {
  let source = "";
  for (const ch of literal) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    source += lower === upper ? escapeRegExp(ch) : `[${lower}${upper}]`;
  }
  return source;
}

export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A self-identifying token such as `ghp_…`. `edge` is the character class (without brackets)
 * that must not touch either end, so `xghp_…` or a prefix inside a longer run never matches.
 */
export function token(body: string, edge = TOKEN_EDGE, rightEdge = edge): string {
  return String.raw`(?<![${edge}])(?<secret>${body})(?![${rightEdge}])`;
}

/**
 * A token whose prefix is plain letters (`AKIA`, `AIza`, `eyJ`): base64 blobs (images,
 * lockfile hashes, certificates) contain such prefixes, so `+` and `/` may not touch it
 * either, nor `=` follow it. `key=AIza…` still matches: `=` may precede it.
 */
export function bareToken(body: string): string {
  return token(body, String.raw`\w+/-`, BASE64_EDGE);
}

/**
 * A value assigned to a key whose name identifies the provider. `keyName` is RegExp source
 * (use `caseless`). Shapes handled:
 *   DATADOG_API_KEY=…   "datadog_api_key": "…"   datadog.apiKey: …   os.environ["DD_API_KEY"] = "…"
 *   ENV DD_API_KEY …    --datadog-api-key …      <DatadogApiKey>…</DatadogApiKey>
 */
export function assigned(keyName: string, value: string, valueEdge = TOKEN_EDGE): string {
  const separator = String.raw`(?:["'\x60]?\]?\s{0,3}(?:=|:=|::?|=>|\?=|,|>)\s{0,5}|\s{1,5})`;
  return (
    String.raw`(?<![A-Za-z0-9])(?:${keyName})[\w.-]{0,24}${separator}["'\x60]?` +
    String.raw`(?<secret>${value})(?![${valueEdge}])`
  );
}

/**
 * A value that only identifies itself by a provider keyword shortly before it, possibly on
 * an earlier line (`twilio:\n  api_key: SK…`). `keyword` is RegExp source.
 */
export function near(keyword: string, value: string, distance = 100, edge = TOKEN_EDGE, rightEdge = edge): string {
  return String.raw`(?:${keyword})[\s\S]{0,${distance}}?` + token(value, edge, rightEdge);
}

/**
 * `scheme://user:password@host`: the password is the secret. The user may be empty
 * (`redis://:pw@host`); `/`, `?`, `#` and `@` end the userinfo as RFC 3986 says, and quotes or
 * angle brackets end it too, so `<password>` never matches. Hosts under the documentation
 * domains of RFC 2606 (`https://abc:xyz@example.com`) are examples, not credentials.
 */
export function urlCredentials(scheme: string): string {
  const documentationHost = String.raw`(?:[\w-]{1,63}\.){0,6}example\.(?:com|org|net)(?![\w-])`;
  return (
    String.raw`(?<![\w+.-])(?:${scheme})://(?<user>[^\s:@/?#'"\x60<>]{0,128}):` +
    String.raw`(?<secret>[^\s@/?#'"\x60<>]{1,256})@(?=[\w\[%])(?!${documentationHost})`
  );
}

/** A PEM block such as `-----BEGIN RSA PRIVATE KEY-----`, raw or JSON-escaped (`\n`), with optional RFC 1421 headers. */
export function pemBlock(label: string, bodyMax = 16384): string {
  const begin = `-----BEGIN ${escapeRegExp(label)}-----`;
  const end = `-----END ${escapeRegExp(label)}-----`;
  // Proc-Type: 4,ENCRYPTED / DEK-Info: AES-128-CBC,… / Version: … before the base64 body. Each
  // header line must end at a line break, so the bounded repetition cannot backtrack widely.
  const headers = String.raw`(?:\s{0,8}[A-Za-z-]{1,20}: [^\n\\]{1,200}(?:\\n|\r?\n)){0,6}`;
  return String.raw`(?<secret>${begin}${headers}[A-Za-z0-9+/=\s\\]{64,${bodyMax}}${end})`;
}

export const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

/** Decodes standard or URL-safe base64 (padding optional); undefined when it is not base64. */
export function decodeBase64(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  return Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}

/** The JSON object a base64 segment encodes, or undefined. */
export function decodeJsonObject(encoded: string): Record<string, unknown> | undefined {
  const text = decodeBase64(encoded);
  if (text === undefined || !text.trimStart().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT whose header decodes to a JSON object naming its algorithm. */
export function isJwt(candidate: string): boolean {
  const [header, payload] = candidate.split(".");
  if (header === undefined || payload === undefined) return false;
  const decoded = decodeJsonObject(header);
  return typeof decoded?.alg === "string" && decodeJsonObject(payload) !== undefined;
}

/** The claims of a JWT, when its payload decodes. */
export function jwtClaims(candidate: string): Record<string, unknown> | undefined {
  const payload = candidate.split(".")[1];
  return payload === undefined ? undefined : decodeJsonObject(payload);
}

/** `user:password` in printable text, as HTTP Basic and Docker's `auth` field encode it. */
export function decodeUserPassword(encoded: string): { user: string; password: string } | undefined {
  const text = decodeBase64(encoded);
  if (text === undefined || !/^[\x20-\x7e]+$/.test(text)) return undefined;
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}
