// Shell scripts: a small tokenizer (words, quotes, expansions, heredocs) and the assignments it shows:
// FOO=bar, export FOO=bar, and flags with values (--password X).

import { argumentAssignments, literalWord, type ArgumentWord } from "./arguments.js";
import { bind, type Assignment, type LiteralSpan } from "./binding.js";
import { parseKeyValueLines } from "./dotenv.js";
import { contentStart, createNewlineFinder } from "./lines.js";
import { createIndexFinder, createQuoteFinder, unescapeBackslashes } from "./strings.js";

type Quote = "" | "'" | '"' | "$'";

export interface ShellWordPart {
  start: number; // the part as written, quotes included
  end: number;
  innerStart: number; // inside the quotes
  innerEnd: number;
  value: string;
  quote: Quote;
  templated: boolean; // $VAR, ${VAR}, $(cmd), `cmd`, {{ .Values.x }}
}

export interface ShellWord extends ArgumentWord {
  start: number;
  end: number;
  raw: string;
  parts: ShellWordPart[];
}

export interface ShellScript {
  /** Simple commands in order; each is its words. Separators: newline ; & | ( ). */
  commands: ShellWord[][];
  /** Heredoc bodies (between the line after `<<EOF` and the closing `EOF`), not tokenized. */
  heredocs: ShellHeredoc[];
  /** For each command (same index): what ends it and where its streams go. */
  details: ShellCommandDetail[];
}

export interface ShellHeredoc {
  start: number;
  end: number;
  /** `<<'EOF'`, `<<"EOF"`, `<<\EOF`: the body is literal, nothing in it expands. */
  quoted?: boolean;
  /** The index of the command whose `<<` opened it, in `commands`. */
  command?: number;
}

/** `>`, `>>`, `>&`, `<`, `<<`, `<<<`, `&>`: an operator as written, and where. Its target is the next word. */
export interface ShellRedirect {
  op: string;
  start: number;
  end: number;
}

export interface ShellCommandDetail {
  /** What ends the command: `|` (a pipe into the next command), `||`, `&&`, `;`, `&`, `(`, `)`, a newline, or "" at the end. */
  separator: string;
  redirects: ShellRedirect[];
}

export interface ShellTokenizeOptions {
  /** false reads ; & | ( ) as word characters, as Dockerfile ENV values do. */
  operators?: boolean;
}

const WORD_RUN = /[^\s;&|()<>'"`$\\{]+/y;
const WORD_RUN_NO_OPERATORS = /[^\s<>'"`$\\{]+/y;
const VARIABLE = /\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/y;
const HEREDOC_DELIMITER = /(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_.-]+))/y;
const EXPANSION_IN_DOUBLE_QUOTES = /\$[{(A-Za-z0-9_@*#?!$-]|`/;

export function tokenizeShell(
  text: string,
  start = 0,
  end = text.length,
  options: ShellTokenizeOptions = {},
): ShellScript {
  const operators = options.operators ?? true;
  const wordRun = operators ? WORD_RUN : WORD_RUN_NO_OPERATORS;
  const findQuote = createQuoteFinder(text, end);
  const findTemplateEnd = createIndexFinder(text, "}}");
  const findBraceEnd = createIndexFinder(text, "}");
  const commands: ShellWord[][] = [];
  const heredocs: ShellScript["heredocs"] = [];
  const details: ShellCommandDetail[] = [];
  const pendingHeredocs: PendingHeredoc[] = [];
  let redirects: ShellRedirect[] = [];
  let words: ShellWord[] = [];
  let parts: ShellWordPart[] | null = null;
  const lineEnd = createNewlineFinder(text, end);
  // "hash: $(printf '%s' "$TOKEN" | sha256sum)": the quotes inside a command substitution are its
  // own, so the string ends after it. A substitution that does not close within reach leaves the
  // plain quote finder's answer, and no later string before the point it reached scans again.
  let unclosedUntil = -1;
  const findDoubleQuote = (open: number): number => {
    const close = findQuote(open, true);
    if (close === -1 || open < unclosedUntil || !text.slice(open + 1, close).includes("$(")) return close;
    const limit = Math.min(end, open + MAX_SUBSTITUTION_SCAN);
    for (let j = open + 1; j < limit; j += 1) {
      const ch = text.charAt(j);
      if (ch === "\\") j += 1;
      else if (ch === '"') return j;
      else if (ch === "$" && text.charAt(j + 1) === "(") {
        const after = substitutionEnd(text, j + 1, limit);
        if (after === -1) break;
        j = after;
      }
    }
    unclosedUntil = limit;
    return close;
  };
  const endWord = (): void => {
    if (parts) words.push(makeWord(text, parts));
    parts = null;
  };
  const endCommand = (separator: string): void => {
    endWord();
    if (words.length > 0) {
      commands.push(words);
      details.push({ separator, redirects });
    }
    words = [];
    redirects = [];
  };
  const addPart = (part: ShellWordPart): void => {
    parts ??= [];
    const last = parts[parts.length - 1];
    if (last && last.quote === "" && part.quote === "" && last.end === part.start) {
      parts[parts.length - 1] = {
        ...last,
        end: part.end,
        innerEnd: part.innerEnd,
        value: last.value + part.value,
        templated: last.templated || part.templated,
      };
    } else {
      parts.push(part);
    }
  };
  const plain = (from: number, to: number, value: string, templated = false): void =>
    addPart({ start: from, end: to, innerStart: from, innerEnd: to, value, quote: "", templated });

  let i = contentStart(text, start);
  while (i < end) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "\t" || c === "\r") {
      endWord();
      i += 1;
    } else if (c === "\\" && (next === "\n" || (next === "\r" && text.charAt(i + 2) === "\n"))) {
      // cmd --flag value \
      //     --other        (a continued line: the words go on)
      endWord();
      i += next === "\n" ? 2 : 3;
    } else if (c === "\n") {
      endCommand("\n");
      i += 1;
      if (pendingHeredocs.length > 0) i = skipHeredocBodies(text, i, end, pendingHeredocs.splice(0), heredocs);
    } else if (operators && c === "&" && next === ">") {
      // cmd &> file   cmd &>> file   (both streams)
      endWord();
      const from = i;
      i += 2;
      while (i < end && text.charAt(i) === ">") i += 1;
      redirects.push({ op: text.slice(from, i), start: from, end: i });
    } else if (operators && (c === ";" || c === "&" || c === "|" || c === "(" || c === ")")) {
      // a || b   a && b   a | b   a; b
      const doubled = (c === "|" || c === "&") && next === c;
      endCommand(doubled ? c + c : c);
      i += doubled ? 2 : 1;
    } else if (c === "<" || c === ">") {
      endWord();
      if (c === "<" && next === "<" && text.charAt(i + 2) !== "<") {
        // cat <<EOF   cat <<-'EOF'
        HEREDOC_DELIMITER.lastIndex = i + 2;
        const match = HEREDOC_DELIMITER.exec(text);
        const delimiter = match ? (match[2] ?? match[3] ?? match[4]) : undefined;
        if (match && delimiter) {
          const quoted = match[4] === undefined || text.charAt(HEREDOC_DELIMITER.lastIndex - delimiter.length - 1) === "\\";
          pendingHeredocs.push({ delimiter, stripTabs: match[1] === "-", quoted, command: commands.length });
          redirects.push({ op: "<<", start: i, end: i + 2 });
          i = HEREDOC_DELIMITER.lastIndex;
          continue;
        }
      }
      // 2>&1  <<< "here string"
      const from = i;
      i += 1;
      while (i < end && "<>&".includes(text.charAt(i))) i += 1;
      redirects.push({ op: text.slice(from, i), start: from, end: i });
    } else if (c === "#" && parts === null) {
      i = lineEnd(i); // a comment: only where a word could start
    } else if (c === "'" || c === '"' || c === "`" || (c === "$" && next === "'")) {
      const open = c === "$" ? i + 1 : i;
      const close = c === '"' ? findDoubleQuote(open) : findQuote(open, c !== "'");
      if (close === -1) {
        plain(i, i + 1, c); // an unmatched quote is a literal character
        i += 1;
        continue;
      }
      const raw = text.slice(open + 1, close);
      if (c === "`") {
        plain(i, close + 1, text.slice(i, close + 1), true);
      } else {
        const quote: Quote = c === "$" ? "$'" : c === '"' ? '"' : "'";
        addPart({
          start: i,
          end: close + 1,
          innerStart: open + 1,
          innerEnd: close,
          value: quote === "'" ? raw : quote === "$'" ? unescapeBackslashes(raw) : unescapeDoubleQuoted(raw),
          quote,
          templated: quote === '"' && EXPANSION_IN_DOUBLE_QUOTES.test(raw.replace(/\\[\s\S]/g, "")),
        });
      }
      i = close + 1;
    } else if (c === "$" && next === "(") {
      // $(command) — to its closing parenthesis on this line, or the rest of the line
      const close = matchingParen(text, i + 1, lineEnd(i));
      const stop = close === -1 ? lineEnd(i) : close + 1;
      plain(i, stop, text.slice(i, stop), true);
      i = stop;
    } else if (c === "$" && next === "{") {
      const close = findBraceEnd(i + 2);
      const stop = close === -1 || close > lineEnd(i) ? i + 1 : close + 1;
      plain(i, stop, text.slice(i, stop), stop > i + 1);
      i = stop;
    } else if (c === "$") {
      VARIABLE.lastIndex = i;
      const stop = VARIABLE.test(text) ? VARIABLE.lastIndex : i + 1;
      plain(i, stop, text.slice(i, stop), stop > i + 1);
      i = stop;
    } else if (c === "{" && next === "{") {
      // --requirepass {{ .Values.password }}   (a template around the script, e.g. Helm)
      const close = findTemplateEnd(i + 2);
      const stop = close === -1 || close > lineEnd(i) ? i + 1 : close + 2;
      plain(i, stop, text.slice(i, stop), stop > i + 1);
      i = stop;
    } else if (c === "\\") {
      const stop = Math.min(i + 2, end);
      plain(i, stop, text.slice(i + 1, stop));
      i = stop;
    } else {
      wordRun.lastIndex = i;
      const stop = wordRun.test(text) ? Math.min(wordRun.lastIndex, end) : i + 1;
      plain(i, stop, text.slice(i, stop));
      i = stop;
    }
  }
  endCommand("");
  return { commands, heredocs, details };
}

/** Assignments and flags of a shell script or a region of one (a YAML `run:` block, a Dockerfile RUN). */
export function shellAssignments(text: string, start = 0, end = text.length): Assignment[] {
  const script = tokenizeShell(text, start, end);
  const found = script.commands.flatMap(commandAssignments);
  for (const body of script.heredocs) {
    // cat > app.env <<EOF
    // DB_PASSWORD=secret
    for (const entry of parseKeyValueLines(text, body.start, body.end)) {
      found.push(bind(entry.key, [entry.key], entry, "shell"));
    }
  }
  return found;
}

/**
 * A command given as a list of arguments (YAML `args: [...]`, a Dockerfile `CMD ["…"]`): flags pair
 * across items, and an item that is itself a script (`sh -c "…"`) is read as one.
 */
export function argumentListAssignments(text: string, items: readonly LiteralSpan[]): Assignment[] {
  const found = argumentAssignments(items.map((item) => literalWord(item)));
  for (const item of items) {
    // ["sh", "-c", "redis-server --requirepass x"]   but not ["DB_PASSWORD=a b"]
    if (/\s/.test(item.value) && !ASSIGNMENT_WORD.test(item.value)) {
      found.push(...shellAssignments(text, item.valueStart, item.valueEnd));
    }
  }
  return found;
}

// Words that may come before a command without being it: `then export X=1`, `sudo -E env X=1 cmd`.
/** Words before a command that are not it: `then echo`, `sudo helm`, `{ cmd; }`. */
export const SHELL_LEADING_WORDS: ReadonlySet<string> = new Set(["then", "else", "do", "if", "elif", "while", "until", "!", "time", "exec", "sudo", "$", "{"]);
const DECLARATIONS = new Set(["export", "local", "declare", "typeset", "readonly", "env", "set"]);
const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/; // FOO=bar

function commandAssignments(words: readonly ShellWord[]): Assignment[] {
  const found: Assignment[] = [];
  let k = 0;
  while (k < words.length && SHELL_LEADING_WORDS.has(words[k]?.raw ?? "")) k += 1;
  // FOO=bar BAR=baz command
  for (let a = assignmentOf(words[k]); a; a = assignmentOf(words[k])) {
    found.push(a);
    k += 1;
  }
  // export FOO=bar   declare -x FOO=bar   env FOO=bar command
  if (DECLARATIONS.has(words[k]?.raw ?? "")) {
    for (k += 1; k < words.length; k += 1) {
      const word = words[k];
      if (!word || word.raw.startsWith("-")) continue;
      const a = assignmentOf(word);
      if (a) found.push(a);
    }
  }
  found.push(...argumentAssignments(words));
  return found;
}

function assignmentOf(word: ShellWord | undefined): Assignment | null {
  const match = word ? ASSIGNMENT_WORD.exec(word.raw) : null;
  if (!word || !match?.[1]) return null;
  return bind(match[1], [match[1]], word.tail(match[0].length), "shell");
}

function makeWord(text: string, parts: ShellWordPart[]): ShellWord {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const start = first?.start ?? 0;
  const end = last?.end ?? start;
  return {
    start,
    end,
    raw: text.slice(start, end),
    parts,
    value: parts.map((p) => p.value).join(""),
    tail: (length) => spanAfter(parts, length, end),
  };
}

/** The value of `parts` after its first `length` characters, and where that is written. */
function spanAfter(parts: readonly ShellWordPart[], length: number, wordEnd: number): LiteralSpan {
  const rest = partsAfter(parts, length);
  const first = rest[0];
  const last = rest[rest.length - 1];
  if (!first || !last) return { value: "", valueStart: wordEnd, valueEnd: wordEnd, quoted: false };
  const span: LiteralSpan =
    rest.length === 1
      ? { value: first.value, valueStart: first.innerStart, valueEnd: first.innerEnd, quoted: first.quote !== "" }
      : // pa"ss word"  — several parts: all of them as written
        {
          value: rest.map((p) => p.value).join(""),
          valueStart: first.start,
          valueEnd: last.end,
          quoted: rest.some((p) => p.quote !== ""),
        };
  if (rest.some((p) => p.templated)) span.templated = true;
  return span;
}

function partsAfter(parts: readonly ShellWordPart[], length: number): ShellWordPart[] {
  const rest: ShellWordPart[] = [];
  let skip = length;
  for (const part of parts) {
    if (skip === 0) {
      rest.push(part);
    } else if (skip >= part.value.length) {
      skip -= part.value.length;
    } else {
      // the cut falls inside this part: exact when the part is written without escapes
      const exact = part.innerEnd - part.innerStart === part.value.length;
      const at = exact ? part.innerStart + skip : part.innerStart;
      rest.push({ ...part, start: at, innerStart: at, value: part.value.slice(skip) });
      skip = 0;
    }
  }
  return rest;
}

// "a \"b\" \$c"  — inside double quotes only \$ \` \" \\ and a newline are escapes
function unescapeDoubleQuoted(raw: string): string {
  return raw.includes("\\") ? raw.replace(/\\(\r?\n|[$`"\\])/g, (_, c: string) => (c.endsWith("\n") ? "" : c)) : raw;
}

// How far a double-quoted string is followed through the command substitutions inside it.
const MAX_SUBSTITUTION_SCAN = 1024;

/** The `)` closing the `$(` whose `(` is at open, with quotes and nested substitutions inside it; -1 before limit. */
function substitutionEnd(text: string, open: number, limit: number): number {
  const closers: string[] = [")"];
  for (let i = open + 1; i < limit; i += 1) {
    const c = text.charAt(i);
    const inQuotes = closers[closers.length - 1] === '"';
    if (c === "\\") i += 1;
    else if (inQuotes) {
      if (c === '"') closers.pop();
      else if (c === "$" && text.charAt(i + 1) === "(") {
        closers.push(")");
        i += 1;
      }
    } else if (c === "'") {
      const quoteEnd = text.indexOf("'", i + 1);
      if (quoteEnd === -1 || quoteEnd >= limit) return -1;
      i = quoteEnd;
    } else if (c === '"') closers.push('"');
    else if (c === "(") closers.push(")");
    else if (c === ")") {
      closers.pop();
      if (closers.length === 0) return i;
    }
  }
  return -1;
}

/** The `)` closing the `(` at open, counting nested parentheses; -1 before limit. */
export function matchingParen(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i += 1) {
    const c = text.charAt(i);
    if (c === "(") depth += 1;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  command: number;
}

function skipHeredocBodies(text: string, from: number, end: number, pending: PendingHeredoc[], bodies: ShellHeredoc[]): number {
  let pos = from;
  for (const { delimiter, stripTabs, quoted, command } of pending) {
    const bodyStart = pos;
    let bodyEnd = end;
    while (pos < end) {
      const newline = text.indexOf("\n", pos);
      const lineStop = newline === -1 || newline > end ? end : newline;
      let line = text.slice(pos, lineStop).replace(/\r$/, "");
      if (stripTabs) line = line.replace(/^\t+/, "");
      const lineStart = pos;
      pos = lineStop === end ? end : lineStop + 1;
      if (line === delimiter) {
        bodyEnd = lineStart;
        break;
      }
    }
    bodies.push({ start: bodyStart, end: bodyEnd, quoted, command });
  }
  return pos;
}
