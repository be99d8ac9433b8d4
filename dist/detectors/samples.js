// Deterministic fake credentials for detector samples. They are assembled from parts when a
// test reads a detector's samples (never when the tool starts), so no provider-format token
// appears literally in the source (push protection would block the push) and no sample can be
// a real secret.
export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const DIGITS = "0123456789";
export const LETTERS = UPPER + LOWER;
export const BASE62 = UPPER + LOWER + DIGITS;
export const BASE64 = BASE62 + "+/";
export const BASE64URL = BASE62 + "-_";
export const HEX = "0123456789abcdef";
export const UPPER_ALNUM = UPPER + DIGITS;
export const LOWER_ALNUM = LOWER + DIGITS;
export const BASE32 = UPPER + "234567";
export const BASE32_LOWER = LOWER + "234567";
/** The bech32 alphabet, upper-cased as age prints secret keys. */
export const BECH32_UPPER = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
/** `prefix` followed by `length` pseudo-random characters of `alphabet`, the same for the same seed. */
export function fake(prefix, length, alphabet, seed) {
    const next = mulberry32(typeof seed === "number" ? seed : hashString(seed));
    let body = "";
    for (let i = 0; i < length; i++)
        body += alphabet[Math.floor(next() * alphabet.length)];
    return prefix + body;
}
/** A 20-character mixed-case password, as a generator would make one. */
export function fakePassword(seed) {
    return fake("", 20, BASE62, seed);
}
/** A version-4-shaped UUID from a seed. */
export function fakeUuid(seed) {
    const hex = fake("", 32, HEX, seed);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
export function base64(text) {
    return Buffer.from(text, "utf8").toString("base64");
}
export function base64url(text) {
    return Buffer.from(text, "utf8").toString("base64url");
}
/** A JWT with the given claims and a fake signature. */
export function fakeJwt(claims, seed, header = { alg: "RS256", typ: "JWT" }) {
    return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${fake("", 86, BASE64URL, seed)}`;
}
/** A PEM block of random base64 in 64-character lines; `eol` is "\n" or the JSON escape "\\n". */
export function fakePem(label, seed, options = {}) {
    const { bytes = 900, eol = "\n", headers = [] } = options;
    const body = fake("", Math.ceil(bytes / 3) * 4, BASE64, seed);
    const lines = body.match(/.{1,64}/g) ?? [];
    const head = headers.length > 0 ? headers.join(eol) + eol + eol : "";
    return `${dashes}BEGIN ${label}${dashes}${eol}${head}${lines.join(eol)}${eol}${dashes}END ${label}${dashes}`;
}
const dashes = "-".repeat(5);
function hashString(text) {
    // FNV-1a, 32 bits.
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
