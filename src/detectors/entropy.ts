/** Shannon entropy of `value` in bits per character (0 for ""; log2 of the alphabet size at most). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
