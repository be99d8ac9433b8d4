// Command-line flags that carry a value: --requirepass X, --password=X, -p=X, --build-arg KEY=X.

import { isSecretLikeKey, SECRET_HEADER_NAMES } from "../core/vocabulary.js";
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
  let program: ProgramFlags | null = null;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (!word) continue;
    // `mysql -uroot -pX`, `sshpass -p X`, `docker exec db mysql -pX`: a program whose short flag is its password
    const named = programOf(words, i);
    if (named) {
      program = named;
      continue;
    }
    const taken = program ? programFlag(program, word, words[i + 1], found) : 0;
    if (taken > 0) {
      i += taken - 1;
      continue;
    }
    const inline = FLAG_WITH_VALUE.exec(word.value);
    if (inline?.[1]) {
      // --password=X   --build-arg=KEY=X
      const flag = inline[1];
      if (isBodyFlag(program, flag)) {
        found.push(...(HEADER_FLAGS.has(flag) ? headerPair(flag, word, inline[0].length) : bodyPairs(flag, word, inline[0].length)));
        continue;
      }
      if (LIST_FLAGS.has(flag)) {
        found.push(...listPairs(flag, word, inline[0].length));
        continue;
      }
      const pair = KEY_VALUE_FLAGS.has(flag) ? keyValuePair(flag, word, inline[0].length) : null;
      found.push(pair ?? bind(flag, [flag], word.tail(inline[0].length), "argument"));
      continue;
    }
    const next = words[i + 1];
    if (next && isBodyFlag(program, word.value)) {
      // curl -H "X-API-Key: k"   curl -d '{"password": "p"}'   curl --data "client_secret=s&grant_type=x"
      found.push(...(HEADER_FLAGS.has(word.value) ? headerPair(word.value, next, 0) : bodyPairs(word.value, next, 0)));
      i += 1;
      continue;
    }
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

/**
 * Programs whose password is a short flag, and which short flags: mysql's `-pX` (attached only:
 * `-p db` prompts, then names the database), sshpass `-p X`, redis-cli `-a X`, `docker login -p X`,
 * the mongo shells' `-p X`. `data`: the program posts bodies and headers (curl, wget).
 */
interface ProgramFlags {
  /** The short flag (`-p`) and whether its value may be the next word. */
  flag: string | null;
  separate: boolean;
  data: boolean;
}

const MYSQL: ProgramFlags = { flag: "-p", separate: false, data: false };
const PROGRAMS: ReadonlyMap<string, ProgramFlags> = new Map([
  ...["mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlshow", "mysqlcheck", "mysqlpump", "mysqlsh", "mariadb", "mariadb-dump", "mariadb-admin"].map((name) => [name, MYSQL] as const),
  ["sshpass", { flag: "-p", separate: true, data: false }],
  ["redis-cli", { flag: "-a", separate: true, data: false }],
  ...["mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport"].map((name) => [name, { flag: "-p", separate: true, data: false }] as const),
  ...["curl", "wget"].map((name) => [name, { flag: null, separate: false, data: true }] as const),
]);
const LOGIN: ProgramFlags = { flag: "-p", separate: true, data: false };
const LOGIN_TOOLS = new Set(["docker", "podman", "buildah", "skopeo", "helm", "oras", "nerdctl"]);

/** The program word at `i` (`/usr/bin/mysql`, `docker login`), if it is one of PROGRAMS. */
function programOf(words: readonly ArgumentWord[], i: number): ProgramFlags | null {
  const name = words[i]?.value.split("/").at(-1) ?? "";
  const known = PROGRAMS.get(name);
  if (known) return known;
  // docker login -u ci -p X   helm registry login -p X
  if (LOGIN_TOOLS.has(name)) {
    const rest = words.slice(i + 1, i + 3).map((w) => w.value);
    if (rest[0] === "login" || (rest[0] === "registry" && rest[1] === "login")) return LOGIN;
  }
  return null;
}

/** `-pX` or `-p X` of the current program, as a `--password` binding; how many words it took (0: not that flag). */
function programFlag(program: ProgramFlags, word: ArgumentWord, next: ArgumentWord | undefined, found: Assignment[]): number {
  const flag = program.flag;
  if (!flag || !word.value.startsWith(flag)) return 0;
  if (word.value.length > flag.length) {
    // -pX   (but `-p=X` is read as any flag with a value, and `--password` is a long flag)
    if (word.value.charAt(flag.length) === "=" || word.value.charAt(1) === "-") return 0;
    found.push(bind("--password", [flag, "--password"], word.tail(flag.length), "argument"));
    return 1;
  }
  if (!program.separate || !next || next.value.startsWith("-")) return word.value === flag ? 1 : 0;
  found.push(bind("--password", [flag, "--password"], next.tail(0), "argument"));
  return 2;
}

// curl -H / --header, wget --header: `Name: value`
const HEADER_FLAGS = new Set(["-H", "--header"]);
// curl's bodies: JSON or a form (`a=1&b=2`); -F/--form one `name=value` field
const DATA_FLAGS = new Set(["-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--json", "-F", "--form", "--form-string", "--body-data", "--post-data"]);
const HEADER = /^\s*([A-Za-z][\w-]*)\s*:\s*/;
// Authorization: Bearer <token>   Authorization: token <token>   (the scheme is no part of the secret)
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Digest|Bot|ApiKey|Api-Key|SSWS|Splunk|GenieKey|key)\s+/i;
const secretHeaders = new Set(SECRET_HEADER_NAMES);

/** A header or body flag of curl or wget (`--header` of any program: `-H` is other programs' own flag, as grep's). */
function isBodyFlag(program: ProgramFlags | null, flag: string): boolean {
  if (flag === "--header") return true;
  return program?.data === true && (HEADER_FLAGS.has(flag) || DATA_FLAGS.has(flag));
}

/** `X-API-Key: k`, `Authorization: Bearer t`: a credential header's value, keyed by the header's name. */
function headerPair(flag: string, word: ArgumentWord, offset: number): Assignment[] {
  const text = word.value.slice(offset);
  const header = HEADER.exec(text);
  if (!header?.[1]) return [];
  const name = header[1];
  if (!secretHeaders.has(name.toLowerCase()) && !isSecretLikeKey(name)) return [];
  const scheme = AUTH_SCHEME.exec(text.slice(header[0].length));
  const at = offset + header[0].length + (scheme ? scheme[0].length : 0);
  return [bind(name, [flag, name], pieceOf(word, at, word.value.length), "argument")];
}

// "key": "value" in a JSON body, the value a plain string
const JSON_MEMBER = /"((?:[^"\\\n]|\\.){1,128})"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;
const FORM_FIELD = /(?:^|&)([A-Za-z_][\w.\[\]-]{0,127})=([^&]*)/g;

/** The string members of a JSON body, or the fields of a form body, each with its span. */
function bodyPairs(flag: string, word: ArgumentWord, offset: number): Assignment[] {
  const text = word.value.slice(offset);
  if (text.startsWith("@")) return []; // -d @payload.json   -d @-
  const found: Assignment[] = [];
  const json = /^\s*[[{]/.test(text);
  for (const match of text.matchAll(json ? JSON_MEMBER : FORM_FIELD)) {
    const [whole, key, value] = match;
    if (key === undefined || value === undefined) continue;
    const end = offset + match.index + whole.length - (json ? 1 : 0);
    const start = end - value.length;
    found.push(bind(key, [flag, key], pieceOf(word, start, end), "argument"));
  }
  return found;
}

/** `word.value.slice(from, to)` with its span: exact where the word is written without escapes, else the rest of the word. */
function pieceOf(word: ArgumentWord, from: number, to: number): LiteralSpan {
  const span = word.tail(from);
  const piece: LiteralSpan = { ...span, value: word.value.slice(from, to) };
  if (to < word.value.length) piece.valueEnd = Math.max(span.valueStart, Math.min(word.tail(to).valueStart, span.valueEnd));
  if (span.templated && !EXPANSION.test(piece.value)) delete piece.templated;
  return piece;
}
