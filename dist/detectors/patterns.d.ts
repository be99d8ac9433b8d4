/** Characters that continue a typical token: a token must not start or end inside a run of them. */
export declare const TOKEN_EDGE: string;
/** Characters that continue a base64 value: `+`, `/` and `=` too. */
export declare const BASE64_EDGE: string;
/** `aws` -> `[aA][wW][sS]`: a case-insensitive key name without making the value case-insensitive. */
export declare function caseless(literal: string): string;
export declare function escapeRegExp(literal: string): string;
/**
 * A self-identifying token such as `ghp_…`. `edge` is the character class (without brackets)
 * that must not touch either end, so `xghp_…` or a prefix inside a longer run never matches.
 */
export declare function token(body: string, edge?: string, rightEdge?: string): string;
/**
 * A token whose prefix is plain letters (`AKIA`, `AIza`, `eyJ`): base64 blobs (images,
 * lockfile hashes, certificates) contain such prefixes, so `+` and `/` may not touch it
 * either, nor `=` follow it. `key=AIza…` still matches: `=` may precede it.
 */
export declare function bareToken(body: string): string;
/**
 * A value assigned to a key whose name identifies the provider. `keyName` is RegExp source
 * (use `caseless`). Shapes handled:
 *   DATADOG_API_KEY=…   "datadog_api_key": "…"   datadog.apiKey: …   os.environ["DD_API_KEY"] = "…"
 *   ENV DD_API_KEY …    --datadog-api-key …      <DatadogApiKey>…</DatadogApiKey>
 */
export declare function assigned(keyName: string, value: string, valueEdge?: string): string;
/**
 * A value that only identifies itself by a provider keyword shortly before it, possibly on
 * an earlier line (`twilio:\n  api_key: SK…`). `keyword` is RegExp source.
 */
export declare function near(keyword: string, value: string, distance?: number, edge?: string, rightEdge?: string): string;
/**
 * `scheme://user:password@host`: the password is the secret. The user may be empty
 * (`redis://:pw@host`); `/`, `?`, `#` and `@` end the userinfo as RFC 3986 says, and quotes or
 * angle brackets end it too, so `<password>` never matches. Hosts under the documentation
 * domains of RFC 2606 (`https://abc:xyz@example.com`) are examples, not credentials.
 */
export declare function urlCredentials(scheme: string): string;
/** A PEM block such as `-----BEGIN RSA PRIVATE KEY-----`, raw or JSON-escaped (`\n`), with optional RFC 1421 headers. */
export declare function pemBlock(label: string, bodyMax?: number): string;
export declare const UUID: string;
/** Decodes standard or URL-safe base64 (padding optional); undefined when it is not base64. */
export declare function decodeBase64(encoded: string): string | undefined;
/** The JSON object a base64 segment encodes, or undefined. */
export declare function decodeJsonObject(encoded: string): Record<string, unknown> | undefined;
/** A JWT whose header decodes to a JSON object naming its algorithm. */
export declare function isJwt(candidate: string): boolean;
/** The claims of a JWT, when its payload decodes. */
export declare function jwtClaims(candidate: string): Record<string, unknown> | undefined;
/** `user:password` in printable text, as HTTP Basic and Docker's `auth` field encode it. */
export declare function decodeUserPassword(encoded: string): {
    user: string;
    password: string;
} | undefined;
