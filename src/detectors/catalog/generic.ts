// Provider-agnostic shapes: JWTs, Authorization headers, credentials in http(s) URLs and
// curl's -u. They lose to a provider detector that matches the same span.
import type { Detector } from "../types.js";
import { bareToken, caseless, decodeUserPassword, isJwt, urlCredentials, UUID } from "../patterns.js";
import { isPlaceholderValue } from "../placeholders.js";
import { BASE62, BASE64URL, HEX, base64, base64url, fake, fakeJwt, fakePassword } from "../samples.js";

// Values the RFCs and jwt.io print in their examples: reported at most as info. Assembled from their
// parts (RFC 6749 §2.3.1's client s6BhdRkqt3, RFC 7617 §2's Aladdin; jwt.io's debugger default).
const RFC_BASIC_EXAMPLES = [base64("s6BhdRkqt3:gX1fBat3bV"), base64("Aladdin:open sesame")];
const JWT_IO_EXAMPLE = [
  base64url(JSON.stringify({ alg: "HS256", typ: "JWT" })),
  base64url(JSON.stringify({ sub: "1234567890", name: "John Doe", iat: 1516239022 })),
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
].join(".");

const userJwt = fakeJwt({ sub: "svc-ingest", scope: "ingest:write", iat: 1_700_000_000, exp: 1_900_000_000 }, "jwt-1", { alg: "HS256", typ: "JWT" });

/** `Authorization: <scheme> ` as a header line, a dict entry or a curl -H argument. */
const authorizationHeader = (scheme: string) =>
  String.raw`(?<![\w-])${caseless("authorization")}["']?\s{0,3}[:=,]\s{0,3}["'\x60]?\s{0,3}${caseless(scheme)}\s{1,3}`;

// A credential word, then on the same line a quoted value: "the token you provided (`…`)", "API key: `…`".
const CREDENTIAL_WORD = ["token", "api key", "api-key", "api_key", "apikey", "secret", "password", "credential"].map(caseless).join("|");
const WHOLE_UUID = new RegExp(`^${UUID}$`);

/**
 * A value quoted in prose that reads as a live token, not a name, a hash or an example: letters of
 * both cases and digits, no more than three separators, no hex string (a commit, a digest), no
 * UUID, no run of one character, and random enough.
 */
function looksLikeLiveToken(secret: string): boolean {
  if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret)) return false;
  if (/^[0-9a-f]+$/i.test(secret) || WHOLE_UUID.test(secret) || /(.)\1{3}/.test(secret)) return false;
  if ((secret.match(/[_-]/g) ?? []).length > 3) return false;
  // camelCase words with a counter (`refreshTokenTimeoutSeconds30`) are names
  if (/^(?:[A-Z]?[a-z]{3,}){3,}[0-9]*$/.test(secret)) return false;
  return !isPlaceholderValue(secret);
}

export const GENERIC_DETECTORS: readonly Detector[] = [
  {
    // Runbooks and incident notes quote the token they were given: "the token you provided (`…`)
    // was rotated". No provider prefix to go by: the credential word before it on the line, the
    // quoting, and the shape of a random token decide.
    id: "token-in-prose",
    description: "A token quoted in prose or a note after a credential word (token, API key, secret, password)",
    source: "https://cwe.mitre.org/data/definitions/798.html",
    keywords: ["token", "api key", "api-key", "api_key", "apikey", "secret", "password", "credential"],
    pattern: new RegExp(String.raw`(?<![\w-])(?:${CREDENTIAL_WORD})s?(?![\w-])[^\n\x60]{0,60}\x60(?<secret>[A-Za-z0-9_-]{32,64})\x60`),
    entropy: 4.2,
    confidence: "medium",
    validate: looksLikeLiveToken,
    get samples() {
      const cloudflare = fake("", 40, BASE64URL, "prose-cf-1");
      return {
        truePositives: [
          `The Cloudflare API token you provided (\`${cloudflare}\`) has been revoked; the new one is in Vault.`,
          `- API key: \`${fake("", 32, BASE62, "prose-key-1")}\` (ingest, rotated on 2025-10-01)`,
          `Three tokens were exposed: \`${fake("", 40, BASE62, "prose-t1")}\`, then more.`,
        ],
        falsePositives: [
          { text: `The token was revoked in commit \`${fake("", 40, HEX, "prose-sha")}\`.`, why: "a commit hash" },
          { text: `Set the token in \`CLOUDFLARE_API_TOKEN_FOR_DNS_ZONE_EDITS\`.`, why: "a variable's name" },
          { text: `The secret \`refreshTokenTimeoutSecondsDefault30\` sets the lifetime.`, why: "a setting's name" },
          { text: `API key: \`xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\``, why: "a mask" },
          { text: `The token \`${fake("", 32, BASE62, "prose-far")}\``.replace("The token", `The token is described below.${" ".repeat(70)}Value:`), why: "too far from the credential word" },
          { text: `Request id \`${fake("", 40, BASE62, "prose-id")}\` in the logs.`, why: "no credential word" },
        ],
      };
    },
  },
  {
    id: "jwt",
    description: "JSON Web Token",
    source: "https://www.rfc-editor.org/rfc/rfc7519",
    keywords: ["eyj"],
    pattern: new RegExp(bareToken(String.raw`eyJ[\w-]{10,1024}\.ey[\w-]{10,8192}\.[\w-]{16,1024}`)),
    confidence: "medium",
    // The header must decode to JSON naming an algorithm: eyJ… alone is any base64 JSON.
    validate: isJwt,
    examples: [JWT_IO_EXAMPLE],
    get samples() {
      return {
        truePositives: [`SERVICE_TOKEN=${userJwt}`, `const token = "${fakeJwt({ sub: "x", exp: 1 }, "jwt-2", { alg: "ES256" })}";`],
        falsePositives: [
          { text: `x = "${base64url(JSON.stringify({ typ: "JWT" }))}.${base64url(JSON.stringify({ sub: "x" }))}.${fake("", 43, BASE64URL, "jwt-noalg")}"`, why: "its header names no algorithm" },
          { text: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0`, why: "no signature segment" },
        ],
      };
    },
  },
  {
    id: "authorization-bearer-header",
    description: "Literal token in an Authorization: Bearer header",
    source: "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
    keywords: ["bearer"],
    pattern: new RegExp(authorizationHeader("bearer") + String.raw`(?<secret>[A-Za-z0-9._~+/-]{16,4096}={0,2})(?![\w.~+/=-])`),
    entropy: 3,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [
          `curl -H "Authorization: Bearer ${fake("", 40, BASE62, "bearer-1")}" https://api.carbon.dev/v1/ingest`,
          `headers = {"Authorization": "Bearer ${fake("", 32, BASE62, "bearer-2")}"}`,
        ],
        falsePositives: [
          { text: `curl -H "Authorization: Bearer $TOKEN" https://api.carbon.dev`, why: "a shell variable" },
          { text: `headers = {"Authorization": f"Bearer {token}"}`, why: "an interpolated token" },
          { text: `Authorization: Bearer <token>`, why: "a template" },
          { text: `Authorization: Bearer aaaaaaaaaaaaaaaaaaaaaaaa`, why: "a low-entropy placeholder" },
        ],
      };
    },
  },
  {
    id: "authorization-basic-header",
    description: "Literal credentials in an Authorization: Basic header",
    source: "https://www.rfc-editor.org/rfc/rfc7617",
    keywords: ["basic"],
    pattern: new RegExp(authorizationHeader("basic") + String.raw`(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![\w+/=-])`),
    confidence: "medium",
    validate: (secret) => {
      const credentials = decodeUserPassword(secret);
      return credentials !== undefined && !isPlaceholderValue(credentials.password);
    },
    examples: RFC_BASIC_EXAMPLES,
    get samples() {
      return {
        truePositives: [`curl -H "Authorization: Basic ${base64(`ingest:${fakePassword("basic-1")}`)}" https://ch.carbon.internal:8443`],
        falsePositives: [
          { text: `Authorization: Basic ${base64("user:password")}`, why: "decodes to a placeholder password" },
          { text: `Authorization: Basic $CREDS`, why: "a shell variable" },
          { text: `Authorization: Basic ${base64("no-colon-here")}`, why: "does not decode to user:password" },
        ],
      };
    },
  },
  {
    id: "http-url-credentials",
    description: "Password in an http(s) URL (https://user:password@host)",
    source: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
    keywords: ["http"],
    pattern: new RegExp(urlCredentials(String.raw`(?:git\+)?https?`)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `pip install --index-url https://ci:${fakePassword("http-1")}@pypi.carbon.internal/simple carbon-ingest`,
          `VAULT_ADDR=http://admin:${fakePassword("http-2")}@vault.carbon.internal:8200`,
        ],
        falsePositives: [
          { text: "https://x-access-token:${GITHUB_TOKEN}@github.com/carbon/ingest.git", why: "the password is a reference" },
          { text: `https://user:password@example.com`, why: "documentation placeholders" },
          { text: `new URL("https://abc:${fakePassword("http-doc")}@sub.example.com/p")`, why: "an RFC 2606 documentation host" },
          { text: `https://grafana.carbon.internal:3000/d/abc?orgId=1&from=now-1h`, why: "a port, not a password" },
          { text: `see https://git@github.com:carbon/ingest.git`, why: "a user without a password" },
        ],
      };
    },
  },
  {
    id: "curl-basic-auth",
    description: "Literal credentials passed to curl with -u / --user",
    source: "https://curl.se/docs/manpage.html#-u",
    keywords: ["curl"],
    pattern: new RegExp(
      String.raw`(?<![\w-])curl(?=\s)[^\n]{0,256}?\s(?:-u|--user)\s{0,3}["']?(?<user>[^\s:'"]{1,128}):(?<secret>[^\s'"]{1,256})["']?(?=\s|$)`,
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`curl -sf -u ingest:${fakePassword("curl-1")} https://ch.carbon.internal:8443/?query=SELECT%201`, `curl --user "admin:${fakePassword("curl-2")}" http://grafana:3000/api/health`],
        falsePositives: [
          { text: `curl -u "$CH_USER:$CH_PASSWORD" https://ch.carbon.internal:8443`, why: "shell variables" },
          { text: `curl -u ingest: https://ch.carbon.internal:8443`, why: "curl prompts for the password" },
        ],
      };
    },
  },
];

/** Detectors that a provider-specific detector beats when both match the same span. */
export const GENERIC_DETECTOR_IDS: ReadonlySet<string> = new Set(GENERIC_DETECTORS.map((detector) => detector.id));
