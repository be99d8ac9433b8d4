/** What reading a file's bytes gave: text to scan, or the reason it was skipped. */
export type Decoded = { text: string; notice?: string } | { skipped: string };

const utf8Strict = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Binary files are skipped; UTF-16 with a BOM is decoded; invalid UTF-8 is scanned with replacement characters. */
export function decode(bytes: Buffer): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  // git's own test: a NUL byte in the first 8000 bytes means binary.
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: "binary file" };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8Strict.decode(body) };
  } catch {
    return { text: utf8Lenient.decode(body), notice: "invalid UTF-8: scanned with replacement characters" };
  }
}
