// The one line index: where each line starts, and which line an offset is on. SourceFile and
// the languages' line locator both use it.

/** Offsets of each line's first character ("\n" ends a line; a "\r" before it stays in the line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based index of the line holding `offset`, by binary search over `starts`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
