// age keys (https://age-encryption.org/v1): an X25519 identity is the Bech32 string
// `AGE-SECRET-KEY-1…` of a 32-byte scalar, its recipient the Bech32 string `age1…` of the
// X25519 public key. Turning a committed identity into its recipient tells which SOPS creation
// rules a clone can decrypt; only the recipient (public) ever leaves this module.

import { createPrivateKey, createPublicKey } from "node:crypto";

const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

export const AGE_SECRET_KEY_HRP = "age-secret-key-";
export const AGE_RECIPIENT_HRP = "age";

/** `AGE-SECRET-KEY-1` and 58 Bech32 characters (52 of data, 6 of checksum), as age-keygen prints it. */
export const AGE_SECRET_KEY = new RegExp(String.raw`(?<![\w+/-])AGE-SECRET-KEY-1[${CHARSET.toUpperCase()}]{58}(?![\w+/=-])`, "g");
/** An X25519 recipient: `age1` and 58 lower-case Bech32 characters. */
export const AGE_RECIPIENT = new RegExp(String.raw`(?<![\w+/-])age1[${CHARSET}]{58}(?![\w+/=-])`, "g");

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= GENERATOR[i]!;
  }
  return checksum >>> 0;
}

function expandHrp(hrp: string): number[] {
  const high: number[] = [];
  const low: number[] = [];
  for (let i = 0; i < hrp.length; i++) {
    high.push(hrp.charCodeAt(i) >> 5);
    low.push(hrp.charCodeAt(i) & 31);
  }
  return [...high, 0, ...low];
}

/** Regroups bits (8 -> 5 to encode, 5 -> 8 to decode); null when a decode leaves non-zero padding. */
function convertBits(data: readonly number[], from: number, to: number, pad: boolean): number[] | null {
  let accumulator = 0;
  let bits = 0;
  const out: number[] = [];
  const max = (1 << to) - 1;
  for (const value of data) {
    accumulator = (accumulator << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((accumulator >> bits) & max);
    }
    accumulator &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((accumulator << (to - bits)) & max);
  } else if (bits >= from || ((accumulator << (to - bits)) & max) !== 0) {
    return null;
  }
  return out;
}

/**
 * Checks a Bech32 string (BIP-173, the variant age uses; no length limit, as in age) and returns
 * its human-readable part in lower case and its 5-bit data words, checksum removed; null when the
 * string is mixed case, has a character outside the alphabet, or fails its checksum.
 */
export function bech32Words(text: string): { hrp: string; words: number[] } | null {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf("1");
  if (separator < 1 || separator + 7 > lower.length) return null;
  const hrp = lower.slice(0, separator);
  for (let i = 0; i < hrp.length; i++) {
    const code = hrp.charCodeAt(i);
    if (code < 33 || code > 126) return null;
  }
  const values: number[] = [];
  for (const ch of lower.slice(separator + 1)) {
    const value = CHARSET.indexOf(ch);
    if (value === -1) return null;
    values.push(value);
  }
  if (polymod([...expandHrp(hrp), ...values]) !== 1) return null;
  return { hrp, words: values.slice(0, -6) };
}

/** A Bech32 string's human-readable part and data bytes; null when it is not Bech32 or its bits do not make whole bytes. */
export function bech32Decode(text: string): { hrp: string; bytes: Uint8Array } | null {
  const decoded = bech32Words(text);
  const bytes = decoded ? convertBits(decoded.words, 5, 8, false) : null;
  return decoded && bytes ? { hrp: decoded.hrp, bytes: Uint8Array.from(bytes) } : null;
}

/** Encodes bytes as Bech32 under a lower-case human-readable part. */
export function bech32Encode(hrp: string, bytes: Uint8Array): string {
  const values = convertBits([...bytes], 8, 5, true)!;
  const checksum = polymod([...expandHrp(hrp), ...values, 0, 0, 0, 0, 0, 0]) ^ 1;
  const check = Array.from({ length: 6 }, (_, i) => (checksum >>> (5 * (5 - i))) & 31);
  return hrp + "1" + [...values, ...check].map((v) => CHARSET[v]).join("");
}

// PKCS#8 PrivateKeyInfo for id-X25519 (RFC 8410): SEQUENCE { version 0, AlgorithmIdentifier
// 1.3.101.110, OCTET STRING { OCTET STRING <32 bytes> } }; the scalar follows this prefix.
const X25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");

/** The X25519 public key of a 32-byte scalar (clamped by the curve's rules, as age does). */
export function x25519PublicKey(scalar: Uint8Array): Uint8Array {
  const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, scalar]), format: "der", type: "pkcs8" });
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  return Buffer.from(jwk.x ?? "", "base64url");
}

/** The `age1…` recipient of an `AGE-SECRET-KEY-1…` identity, or null when it is not a valid one. */
export function ageRecipientOf(secretKey: string): string | null {
  const decoded = bech32Decode(secretKey);
  if (!decoded || decoded.hrp !== AGE_SECRET_KEY_HRP || decoded.bytes.length !== 32) return null;
  return bech32Encode(AGE_RECIPIENT_HRP, x25519PublicKey(decoded.bytes));
}

/** A recipient is valid when it decodes under `age` to a 32-byte key. */
export function isAgeRecipient(text: string): boolean {
  const decoded = bech32Decode(text);
  return decoded !== null && decoded.hrp === AGE_RECIPIENT_HRP && decoded.bytes.length === 32 && text === text.toLowerCase();
}

/** `age1l5nx…z68av`: enough to recognise a recipient in a message. */
export function shortRecipient(recipient: string): string {
  return recipient.length > 14 ? `${recipient.slice(0, 8)}…${recipient.slice(-5)}` : recipient;
}

/** The valid age identities in a text: where each is and its recipient (never the key itself). */
export function ageIdentitiesIn(text: string): { start: number; end: number; recipient: string }[] {
  const found: { start: number; end: number; recipient: string }[] = [];
  if (!text.includes("AGE-SECRET-KEY-1")) return found;
  for (const match of text.matchAll(AGE_SECRET_KEY)) {
    const recipient = ageRecipientOf(match[0]);
    if (recipient) found.push({ start: match.index, end: match.index + match[0].length, recipient });
  }
  return found;
}
