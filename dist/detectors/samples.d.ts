export declare const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export declare const LOWER = "abcdefghijklmnopqrstuvwxyz";
export declare const DIGITS = "0123456789";
export declare const LETTERS: string;
export declare const BASE62: string;
export declare const BASE64: string;
export declare const BASE64URL: string;
export declare const HEX = "0123456789abcdef";
export declare const UPPER_ALNUM: string;
export declare const LOWER_ALNUM: string;
export declare const BASE32: string;
export declare const BASE32_LOWER: string;
/** The bech32 alphabet, upper-cased as age prints secret keys. */
export declare const BECH32_UPPER = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
/** `prefix` followed by `length` pseudo-random characters of `alphabet`, the same for the same seed. */
export declare function fake(prefix: string, length: number, alphabet: string, seed: number | string): string;
/** A 20-character mixed-case password, as a generator would make one. */
export declare function fakePassword(seed: string): string;
/** A version-4-shaped UUID from a seed. */
export declare function fakeUuid(seed: string): string;
export declare function base64(text: string): string;
export declare function base64url(text: string): string;
/** A JWT with the given claims and a fake signature. */
export declare function fakeJwt(claims: Record<string, unknown>, seed: string, header?: Record<string, unknown>): string;
/** A PEM block of random base64 in 64-character lines; `eol` is "\n" or the JSON escape "\\n". */
export declare function fakePem(label: string, seed: string, options?: {
    bytes?: number;
    eol?: string;
    headers?: string[];
}): string;
