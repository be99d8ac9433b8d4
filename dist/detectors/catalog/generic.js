import { bareToken, caseless, decodeUserPassword, isJwt, urlCredentials } from "../patterns.js";
import { isPlaceholderValue } from "../placeholders.js";
import { BASE62, BASE64URL, base64, base64url, fake, fakeJwt, fakePassword } from "../samples.js";
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
const authorizationHeader = (scheme) => String.raw `(?<![\w-])${caseless("authorization")}["']?\s{0,3}[:=,]\s{0,3}["'\x60]?\s{0,3}${caseless(scheme)}\s{1,3}`;
export const GENERIC_DETECTORS = [
    {
        id: "jwt",
        description: "JSON Web Token",
        source: "https://www.rfc-editor.org/rfc/rfc7519",
        keywords: ["eyj"],
        pattern: new RegExp(bareToken(String.raw `eyJ[\w-]{10,1024}\.ey[\w-]{10,8192}\.[\w-]{16,1024}`)),
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
        pattern: new RegExp(authorizationHeader("bearer") + String.raw `(?<secret>[A-Za-z0-9._~+/-]{16,4096}={0,2})(?![\w.~+/=-])`),
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
        pattern: new RegExp(authorizationHeader("basic") + String.raw `(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![\w+/=-])`),
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
        pattern: new RegExp(urlCredentials(String.raw `(?:git\+)?https?`)),
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
        pattern: new RegExp(String.raw `(?<![\w-])curl(?=\s)[^\n]{0,256}?\s(?:-u|--user)\s{0,3}["']?(?<user>[^\s:'"]{1,128}):(?<secret>[^\s'"]{1,256})["']?(?=\s|$)`),
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
export const GENERIC_DETECTOR_IDS = new Set(GENERIC_DETECTORS.map((detector) => detector.id));
