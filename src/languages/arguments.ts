// Command-line flags that carry a value: --requirepass X, --password=X, -p=X, --build-arg KEY=X.

import { bind, type Assignment, type LiteralSpan } from "./binding.js";

/** One argument of a command, however it was written (a shell word, a YAML or JSON array item). */
export interface ArgumentWord {
  value: string; // unquoted
  /** The rest of the value after its first `length` characters ("--password=" cut off), with its span. */
  tail(length: number): LiteralSpan;
}

/**
 * A word that is one literal (a YAML scalar, a JSON string item). Offsets past the cut are exact
 * when the word is written without escapes, which flags are.
 */
export function literalWord(literal: LiteralSpan): ArgumentWord {
  return {
    value: literal.value,
    tail(length) {
      if (length === 0) return literal;
      const span: LiteralSpan = {
        value: literal.value.slice(length),
        valueStart: Math.min(literal.valueStart + length, literal.valueEnd),
        valueEnd: literal.valueEnd,
        quoted: literal.quoted,
      };
      if (literal.templated) span.templated = true;
      return span;
    },
  };
}

// Flags whose value is itself NAME=value: docker build --build-arg, docker run -e, helm --set,
// kubectl create secret --from-literal, terraform -var.
const KEY_VALUE_FLAGS = new Set(["--build-arg", "--env", "-e", "--set", "--set-string", "--from-literal", "-var", "--var"]);
const FLAG_WITH_VALUE = /^(--?[A-Za-z][\w.-]*)=/; // --password=X  -p=X
const LONG_FLAG = /^--[A-Za-z][\w.-]*$/; // --requirepass X   (a short flag "-p X" is too ambiguous)
const NAME_VALUE = /^([A-Za-z_][\w.-]*)=/; // KEY=X after a key-value flag

/** Flag-value pairs of one command; a flag's key is the flag as written ("--requirepass"). */
export function argumentAssignments(words: readonly ArgumentWord[]): Assignment[] {
  const found: Assignment[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (!word) continue;
    const inline = FLAG_WITH_VALUE.exec(word.value);
    if (inline?.[1]) {
      // --password=X   --build-arg=KEY=X
      const flag = inline[1];
      if (LIST_FLAGS.has(flag)) {
        found.push(...listPairs(flag, word, inline[0].length));
        continue;
      }
      const pair = KEY_VALUE_FLAGS.has(flag) ? keyValuePair(flag, word, inline[0].length) : null;
      found.push(pair ?? bind(flag, [flag], word.tail(inline[0].length), "argument"));
      continue;
    }
    const next = words[i + 1];
    const takesNext = LONG_FLAG.test(word.value) || KEY_VALUE_FLAGS.has(word.value);
    if (!takesNext || !next || next.value.startsWith("-")) continue;
    if (LIST_FLAGS.has(word.value)) {
      // --set auth.password=x,architecture=standalone
      found.push(...listPairs(word.value, next, 0));
    } else if (KEY_VALUE_FLAGS.has(word.value)) {
      // --build-arg KEY=X   -e KEY=X
      const pair = keyValuePair(word.value, next, 0);
      if (pair) found.push(pair);
    } else {
      // --requirepass X
      found.push(bind(word.value, [word.value], next.tail(0), "argument"));
    }
    i += 1;
  }
  return found;
}

// helm's --set takes a comma-separated list of pairs: --set auth.password=x,architecture=standalone
const LIST_FLAGS = new Set(["--set", "--set-string"]);
const EXPANSION = /\$[{(A-Za-z_]|`|\{\{/;

function keyValuePair(flag: string, word: ArgumentWord, offset: number): Assignment | null {
  const pair = NAME_VALUE.exec(word.value.slice(offset));
  if (!pair?.[1]) return null;
  return bind(pair[1], [flag, pair[1]], word.tail(offset + pair[0].length), "argument");
}

/** The pairs of a helm `--set a=x,b=y` list, each value up to its comma (`\,` escapes one; `{a,b}` is a list value). */
function listPairs(flag: string, word: ArgumentWord, offset: number): Assignment[] {
  const found: Assignment[] = [];
  const text = word.value;
  let start = offset;
  while (start < text.length) {
    const end = pairEnd(text, start);
    const pair = NAME_VALUE.exec(text.slice(start, end));
    if (pair?.[1]) {
      const span = word.tail(start + pair[0].length);
      const after = end >= text.length ? null : word.tail(end);
      const piece: LiteralSpan = { ...span, value: text.slice(start + pair[0].length, end) };
      if (after) piece.valueEnd = Math.max(span.valueStart, Math.min(after.valueStart, span.valueEnd));
      // the word is templated as a whole (`a=$A,b=x`): each pair is as its own text shows
      if (span.templated && !EXPANSION.test(piece.value)) delete piece.templated;
      found.push(bind(pair[1], [flag, pair[1]], piece, "argument"));
    }
    start = end + 1;
  }
  return found;
}

function pairEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === "\\") i += 1;
    else if (c === "{") depth += 1;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0 && NAME_VALUE.test(text.slice(i + 1, i + 130))) return i;
  }
  return text.length;
}
