// Shell scripts for secret-in-log: which variables hold a secret, and which commands print them.
// Built on the shell tokenizer (languages/shell.ts): commands as words, what ends each command
// (a pipe), its redirections, and heredoc bodies. The script is read in order, as it runs:
//   ROOT_TOKEN=$(echo "$INIT" | jq -r .root_token)     a value derived from a secret is one
//   echo "Root token: $ROOT_TOKEN"                       printed to the terminal or the CI log
//   echo "$ROOT_TOKEN" > root-token.txt                  written to a file: not a log
//   echo "$ROOT_TOKEN" | vault login -                   handed to a program: not a log
// Functions are read where they are written; variables are the script's, as the shell's are.

import { matchingParen, SHELL_LEADING_WORDS, tokenizeShell, type ShellCommandDetail, type ShellWord } from "../../languages/shell.js";
import { isDescribingName, isSecretName, MAX_SHOWN_CHARACTERS, type Leak, type LeakOptions } from "./shared.js";

/** What a variable or an expansion holds: a secret (named by its source), nothing secret, or nothing known. */
type ShellFlow = { secret: string } | "clean" | "unknown";

// Commands that print their arguments.
const PRINTS = new Set(["echo", "printf", "logger"]);
// Words before a command that are not it: `sudo echo`, `builtin printf`, `then echo`.
const LEADING: ReadonlySet<string> = new Set([...SHELL_LEADING_WORDS, "command", "builtin", "-E"]);
const DECLARATIONS = new Set(["export", "local", "declare", "typeset", "readonly"]);
// A script's own printing helpers: log, log_info, print_success, info, warn, error_msg, say.
const PRINT_HELPER = /^(?:log|print|info|warn|warning|error|err|success|debug|msg|message|say|note|notice|status|step)(?:_\w+)?$|^\w+_(?:log|print|info|warn|warning|error|success|debug|msg|echo)$/;
// Commands whose output is a secret:
//   vault operator init   vault token create   openssl rand -hex 32   kubectl get secret x -o jsonpath=… | base64 -d
//   aws secretsmanager get-secret-value   gcloud secrets versions access   pwgen   $(cat /run/secrets/db_password)
const SECRET_SOURCE: readonly [RegExp, string][] = [
  [/\bvault\s+operator\s+init\b/, "vault operator init"],
  [/\bvault\s+(?:token\s+create|login\b[^|]*-token-only|kv\s+get|read|write)\b/, "vault"],
  [/\bopenssl\s+rand\b/, "openssl rand"],
  // the object with its data (-o yaml, -o json) or a jsonpath into .data; not -o name, a jsonpath into metadata, a table
  [/\bkubectl\b[^|]*\bget\s+secrets?\b[^|]*(?:-o\s*=?\s*["']?(?:json|yaml)\b|\.data\b|\.stringData\b)/, "kubectl get secret"],
  [/\bsecretsmanager\s+get-secret-value\b|\bssm\s+get-parameters?\b[^|]*--with-decryption|\bgcloud\s+secrets\s+versions\s+access\b|\bkeyvault\s+secret\s+show\b/, "a secret manager"],
  [/\b(?:pwgen|apg|mkpasswd)\b|\/dev\/u?random\b/, "a generated password"],
  [/\bcat\s+[^|;]*(?:\/run\/secrets\/|\/secrets?\/|token|passw(?:or)?d|secret|\.key\b|credentials)/i, "a secret file"],
];
// Commands over a secret whose output is not the secret: its length, a hash of it, the names of its keys.
// A test of it (grep -q, output thrown away, an && echo ✅), a certificate's dates (openssl x509) are not it either.
const CLEAN_COMMAND =
  /\bwc\s+-[cmlw]|\bsha\d*sum\b|\bshasum\b|\bmd5sum\b|\bopenssl\s+(?:dgst|x509)\b|\bb2sum\b|\bcut\s+-c\s*-?[1-8]\b|\bhead\s+-c\s*[1-8]\b|\bjq\b.*\b(?:keys|length)\b|\bgrep\s+-[a-zA-Z]*q|[&]?>\s*\/dev\/null|&&\s*echo\b/;
// Commands whose output is their input, or a part of it: a secret given to them comes out. A secret given
// to any other command (curl -H "token: $TOKEN" …) is spent there: the output is the command's own.
const PASS_THROUGH = new Set(["echo", "printf", "cat", "base64", "tr", "sed", "awk", "cut", "jq", "yq", "grep", "head", "tail", "rev", "fold", "xxd", "xargs"]);
// The fields a pipeline picks out of a document: jq -r .data.token, grep -o '"auth_token":"[^"]*"'
const PICKED_FIELD = /\bjq\b[^|]*?\.([A-Za-z_]\w*)(?![.\w])|\bgrep\s+-[a-zA-Z]*o[a-zA-Z]*\s+['"]\\?"?([A-Za-z_]\w*)\\?"?:/g;
// A helper whose output is a secret by its name: $(generate_password 24), $(get_secret db)
const SECRET_HELPER = /^\s*(?:[\w-]*_)?(?:generate|gen|get|fetch|read|create|new|random|make)_?[\w-]*(?:password|passwd|secret|token|key)\b/i;
// Where printed output is not a log: a file. These are terminals and logs.
const LOG_TARGET = /^\/dev\/(?:stdout|stderr|tty|fd\/[12])$|(?:^|[^a-z])logs?(?:[^a-z]|$)|\.log$/i;

// $(…) inside $(…): how deep the secrets inside are followed, and how far a closing `)` is looked for.
const MAX_SUBSTITUTION_DEPTH = 8;
const MAX_SUBSTITUTION_LENGTH = 4096;

interface Expansion {
  start: number;
  end: number;
  flow: ShellFlow;
}

/** Where a command's printed output goes: the terminal (or a log), or elsewhere. */
type Destination = "printed" | "elsewhere";

export function shellLeaks(text: string, options: LeakOptions): Leak[] {
  if (!options.prints) return [];
  const script = tokenizeShell(text);
  const vars = new Map<string, ShellFlow>();
  const definitions = functionDefinitions(text);
  const helpers = new Set(definitions.map((d) => d.name));
  const captured = capturedFunctionBodies(text, definitions);
  const leaks: Leak[] = [];
  // `#!/bin/bash -x`: every command is traced to stderr from the first line.
  let xtrace = /^#![^\n]*\s-[a-wyz]*x/.test(text);
  let traced = new Set<string>();

  const flowOfName = (name: string): ShellFlow => {
    const known = vars.get(name);
    if (known !== undefined) return known;
    return isSecretVariableName(name) ? { secret: name } : "unknown";
  };
  const expansionsOf = (from: number, to: number): Expansion[] => expansionsIn(text, from, to, flowOfName);
  const wordExpansions = (word: ShellWord): Expansion[] =>
    word.parts.flatMap((part) => (part.quote === "'" || part.quote === "$'" ? [] : expansionsOf(part.quote === "" ? part.start : part.innerStart, part.quote === "" ? part.end : part.innerEnd)));
  const report = (at: Expansion | { start: number; end: number }, sink: string, source: string, via: string | null): void => {
    leaks.push({ start: at.start, end: at.end, sink, source, via, exception: false });
  };

  script.commands.forEach((words, index) => {
    const detail = script.details[index] ?? { separator: "", redirects: [] };
    let k = 0;
    while (k < words.length && LEADING.has(words[k]?.raw ?? "")) k += 1;
    const assigned: string[] = [];
    // FOO=bar cmd   export FOO=bar   local -r FOO=$(...)
    for (; k < words.length; k += 1) {
      const word = words[k]!;
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/.exec(word.raw);
      if (!match?.[1]) break;
      assigned.push(...assign(word, match[1], match[0].length));
    }
    const name = words[k]?.raw ?? "";
    if (DECLARATIONS.has(name)) {
      for (const word of words.slice(k + 1)) {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.raw);
        if (match?.[1]) assigned.push(...assign(word, match[1], match[0].length));
      }
    }
    const args = words.slice(k + 1).filter((w) => !isRedirectWord(w, detail));

    // set -x   set -euxo pipefail   set -o xtrace   set +x
    if (name === "set") {
      for (const [i, word] of args.entries()) {
        const flags = /^([-+])([a-zA-Z]+)$/.exec(word.raw);
        if (flags?.[2]?.includes("x") || (/^[-+]o$/.test(word.raw) && args[i + 1]?.raw === "xtrace")) {
          const on = (flags?.[1] ?? word.raw.charAt(0)) === "-";
          if (on && !xtrace) traced = new Set();
          xtrace = on;
        }
      }
    }
    // read -s PASSWORD   read -rsp "Token: " TOKEN
    if (name === "read") {
      const silent = args.some((w) => /^-[a-zA-Z]*s/.test(w.raw));
      for (const [i, word] of args.entries()) {
        if (word.raw.startsWith("-") || /^-[a-zA-Z]*[pdnNtuia]$/.test(args[i - 1]?.raw ?? "")) continue;
        if (/^[A-Za-z_]\w*$/.test(word.raw)) {
          if (silent) vars.set(word.raw, { secret: word.raw });
          else vars.delete(word.raw);
        }
      }
    }
    // for SECRET in db-credentials api-keys; do   (names, unless the list holds a secret's value)
    if (name === "for" && args[0] && /^[A-Za-z_]\w*$/.test(args[0].raw)) {
      const listed = args.slice(2).flatMap(wordExpansions).find((e) => typeof e.flow === "object" && !isSecretName(sourceName(e.flow)));
      vars.set(args[0].raw, listed ? listed.flow : "clean");
    }
    // printf -v VAR '%s' "$TOKEN": into a variable, not out
    if (name === "printf" && args[0]?.raw === "-v" && args[1]) {
      const flow = firstSecret(args.slice(2).flatMap(wordExpansions));
      if (flow) vars.set(args[1].raw, flow.flow);
      return;
    }

    let printedHere = false;
    const isPrinter = PRINTS.has(name) || (helpers.has(name) && PRINT_HELPER.test(name));
    // payload=$(wait_for_secret "$user"): inside such a function, what it prints on stdout is its return value
    const returnsValue = words[k] !== undefined && isInside(captured, words[k]!.start) && !toStderr(words, detail);
    if (isPrinter && !returnsValue && destination(script.commands, script.details, index) === "printed") {
      const seen = new Set<string>();
      for (const expansion of args.flatMap(wordExpansions)) {
        if (typeof expansion.flow !== "object" || seen.has(expansion.flow.secret)) continue;
        seen.add(expansion.flow.secret);
        report(expansion, name, expansion.flow.secret, null);
        printedHere = true;
      }
    }
    // cat <<EOF   tee -a "$LOG" <<EOF   (the body, expanded, to the terminal)
    if ((name === "cat" || name === "tee") && destination(script.commands, script.details, index) === "printed") {
      for (const body of script.heredocs) {
        if (body.command !== index || body.quoted) continue;
        const seen = new Set<string>();
        for (const expansion of expansionsOf(body.start, body.end)) {
          if (typeof expansion.flow !== "object" || seen.has(expansion.flow.secret)) continue;
          seen.add(expansion.flow.secret);
          report(expansion, `${name} <<EOF`, expansion.flow.secret, null);
          printedHere = true;
        }
      }
    }
    // vault operator init   (unseal keys and the root token, printed)
    if (name === "vault" && args[0]?.raw === "operator" && args[1]?.raw === "init" && !args.some((w) => /^-(?:status|help)$/.test(w.raw))) {
      if (destination(script.commands, script.details, index) === "printed") {
        report({ start: words[k]!.start, end: words[words.length - 1]!.end }, "stdout", "vault operator init", null);
        printedHere = true;
      }
    }
    // Under set -x every command is printed to stderr as run, its expansions expanded: `+ curl -H 'Authorization: Bearer s3cr3t'`
    if (xtrace && !printedHere) {
      const expansions = words.flatMap(wordExpansions);
      for (const expansion of expansions) {
        if (typeof expansion.flow !== "object" || traced.has(expansion.flow.secret)) continue;
        traced.add(expansion.flow.secret);
        report(expansion, "set -x", expansion.flow.secret, null);
      }
      for (const variable of assigned) {
        const flow = vars.get(variable);
        if (typeof flow !== "object" || traced.has(variable)) continue;
        traced.add(variable);
        const word = words.find((w) => w.raw.startsWith(`${variable}=`)) ?? words[0]!;
        report(word, "set -x", variable, null);
      }
    }
  });
  return leaks;

  /** `NAME=value`: what NAME holds from here on. Returns the name. */
  function assign(word: ShellWord, variable: string, prefix: number): string[] {
    const valueStart = word.start + prefix;
    const expansions = wordExpansions(word).filter((e) => e.start >= valueStart);
    const literal = expansions.length === 0 && !word.parts.some((p) => p.templated && p.end > valueStart);
    if (literal) {
      // API_KEY="test-key": what the file itself holds (hardcoded-secret's business), printing it discloses nothing more
      vars.set(variable, "clean");
      return [variable];
    }
    const secret = firstSecret(expansions);
    // SECRET_NAME="${VELERO_CREDENTIALS_SECRET:-velero-credentials}": a name, a length, an id of the secret
    if (isDescribingName(variable)) vars.set(variable, "clean");
    else if (secret) vars.set(variable, isSecretVariableName(variable) ? { secret: variable } : secret.flow);
    else if (expansions.length > 0 && expansions.every((e) => e.flow === "clean")) vars.set(variable, "clean");
    else vars.set(variable, isSecretVariableName(variable) ? { secret: variable } : "unknown");
    return [variable];
  }
}

/**
 * A variable whose name says it holds a secret. In a script a bare `secret` (`--secret) secret="$2"`,
 * `kubectl create secret tls "$secret"`) names a Kubernetes Secret, not its value.
 */
function isSecretVariableName(name: string): boolean {
  return !/^secrets?$/i.test(name) && isSecretName(name);
}

function firstSecret(expansions: readonly Expansion[]): (Expansion & { flow: { secret: string } }) | undefined {
  return expansions.find((e): e is Expansion & { flow: { secret: string } } => typeof e.flow === "object");
}

function sourceName(flow: { secret: string }): string {
  return flow.secret;
}

/**
 * What a command substitution outputs, given the secret source it runs (vault operator init) or the
 * secret it is handed: the secret, if the pipeline passes its input on and picks no field but a
 * secret-named one (`echo "$INIT" | jq -r .root_token`); nothing secret if it picks other fields
 * (`jq -r .metadata.resourceVersion`, `grep -o '"tunnel_id":…'`); unknown if a command other than
 * a pass-through received the secret (`curl -H "token: $TOKEN" … | jq .data.code`).
 */
function substitutionFlow(command: string, source: string | null, inner: ShellFlow | undefined): ShellFlow {
  const secret = source !== null ? { secret: source } : typeof inner === "object" ? inner : null;
  if (!secret) return "unknown";
  const fields = [...command.matchAll(PICKED_FIELD)].map((m) => m[1] ?? m[2] ?? "").filter((f) => f.length > 0);
  if (fields.length > 0 && !fields.some((field) => isSecretVariableName(field) && !isDescribingName(field))) return "clean";
  if (source === null) {
    const program = /^(?:\$\(|`)\s*(?:[A-Za-z_]\w*=\S*\s+)*([\w./-]+)/.exec(command)?.[1] ?? "";
    if (!PASS_THROUGH.has(program.split("/").pop() ?? program)) return "unknown";
  }
  return secret;
}

/** The secret a command substitution's text produces, if its command is a secret source. */
function secretSourceOf(command: string): string | null {
  if (CLEAN_COMMAND.test(command)) return null;
  for (const [pattern, what] of SECRET_SOURCE) if (pattern.test(command)) return what;
  const inner = /^\$\(\s*([\s\S]*)/.exec(command)?.[1];
  if (inner && SECRET_HELPER.test(inner)) return inner.split(/\s/)[0] ?? null;
  return null;
}

/**
 * The expansions written in text[from, to): `$NAME`, `${NAME…}`, `$(command)`, `` `command` ``,
 * skipping backslash escapes (`\$API_KEY` is the name, not the value).
 */
function expansionsIn(text: string, from: number, to: number, flowOfName: (name: string) => ShellFlow, depth = 0): Expansion[] {
  const found: Expansion[] = [];
  // Matched on the region alone, so that no search runs past its end.
  const region = text.slice(from, to);
  const pattern = /\\[\s\S]|\$\{(#?)([A-Za-z_]\w*|[0-9@*])(\[[^\]\n]*\])?([^}\n]*)\}|\$([A-Za-z_]\w*)|\$\(|`/g;
  for (let match = pattern.exec(region); match; match = pattern.exec(region)) {
    const [whole, length, braced, , operator = "", bare] = match;
    const start = from + match.index;
    if (whole.startsWith("\\")) continue;
    if (braced !== undefined) {
      found.push({ start, end: start + whole.length, flow: length ? "clean" : braceFlow(flowOfName(braced), operator) });
    } else if (bare !== undefined) {
      found.push({ start, end: start + whole.length, flow: flowOfName(bare) });
    } else {
      // $(command)   `command`
      const close = whole === "`" ? region.indexOf("`", match.index + 1) : matchingParen(region, match.index + 1, Math.min(region.length, match.index + 1 + MAX_SUBSTITUTION_LENGTH));
      // An unclosed substitution (a broken or crafted script) holds nothing known.
      if (close === -1) {
        found.push({ start, end: to, flow: "unknown" });
        break;
      }
      const end = from + close + 1;
      const command = text.slice(start, end);
      const source = secretSourceOf(command);
      const nested = depth < MAX_SUBSTITUTION_DEPTH && !CLEAN_COMMAND.test(command);
      const inner = nested ? expansionsIn(text, start + (whole === "`" ? 1 : 2), end - 1, flowOfName, depth + 1) : [];
      const secret = inner.find((e) => typeof e.flow === "object");
      found.push({ start, end, flow: substitutionFlow(command, source, secret?.flow) });
      pattern.lastIndex = close + 1;
    }
  }
  return found;
}

/** `${NAME:-x}` keeps NAME's value; `${NAME:+set}`, `${NAME:0:4}`, `${NAME//?/*}` show something else. */
function braceFlow(flow: ShellFlow, operator: string): ShellFlow {
  if (operator === "" || /^:?[-=?]/.test(operator)) return flow;
  if (/^:?\+/.test(operator)) return "clean";
  // ${KEY:0:4}   ${KEY: -4}   ${KEY:4}  (all but the first four: still most of the secret)
  const substring = /^:\s*(-?\d+)\s*(?::\s*(\d+))?$/.exec(operator);
  if (substring) {
    const offset = Number(substring[1]);
    const length = substring[2] === undefined ? null : Number(substring[2]);
    if (offset < 0 && -offset <= MAX_SHOWN_CHARACTERS && length === null) return "clean";
    return length !== null && length <= MAX_SHOWN_CHARACTERS ? "clean" : flow;
  }
  // ${KEY//?/*}  (masked)   ${TOKEN//[[:space:]]/}  (still the token)
  const replaced = /^\/\/?[^/]*\/(.*)$/.exec(operator);
  if (replaced) return /[*x#]/i.test(replaced[1] ?? "") ? "clean" : flow;
  // ${DSN#*@}  ${URL%%\?*}: a part of it
  if (/^[#%]/.test(operator)) return "unknown";
  // ${KEY^^}  ${KEY,,}: the same value in another case
  return flow;
}


/** `2>&1`'s `2` and `1`, `> out.txt`'s file: words that belong to a redirection, not to the command's arguments. */
function isRedirectWord(word: ShellWord, detail: ShellCommandDetail): boolean {
  return detail.redirects.some((r) => (word.end === r.start && /^\d+$/.test(word.raw)) || isTargetOf(r.end, word));
}

/** The word that starts right after a redirection's operator (spaces allowed) is its target. */
function isTargetOf(operatorEnd: number, word: ShellWord): boolean {
  return word.start >= operatorEnd && word.start - operatorEnd <= 4;
}

/**
 * Where a command's standard output ends up. `> file` and `| program` take it elsewhere (`| tee`
 * passes it on); `>&2`, `> /dev/stderr` and a log file keep it a log. A later command of the pipe
 * decides for the pipe.
 */
function destination(commands: readonly ShellWord[][], details: readonly ShellCommandDetail[], index: number): Destination {
  const words = commands[index] ?? [];
  const detail = details[index];
  if (!detail) return "printed";
  for (const redirect of detail.redirects) {
    const fd = words.find((w) => w.end === redirect.start && /^\d+$/.test(w.raw))?.raw ?? "";
    const op = redirect.op;
    if (op.startsWith("<")) continue;
    if (fd !== "" && fd !== "1") continue; // 2>&1, 2>/dev/null: the other stream
    const target = words.find((w) => isTargetOf(redirect.end, w));
    if (op.endsWith("&")) {
      // >&2 (stderr: still printed)   >&- (closed)   >&"$fd"
      if (target?.raw === "2" || target?.raw === "1") continue;
      return "elsewhere";
    }
    const path = target?.value ?? "";
    if (LOG_TARGET.test(path)) continue;
    return "elsewhere";
  }
  if (detail.separator === "|") {
    const next = commands[index + 1] ?? [];
    const program = next.find((w) => !LEADING.has(w.raw))?.raw ?? "";
    // echo "$X" | tee -a out.txt   (tee prints what it writes, unless its own output goes elsewhere)
    if (program === "tee") return destination(commands, details, index + 1);
    return "elsewhere";
  }
  return "printed";
}

/**
 * The bodies of the script's functions whose output it captures (`x=$(name …)`, `` `name …` ``):
 * from a definition whose `{` ends its line to the first closing `}` at its indentation.
 */
function capturedFunctionBodies(text: string, definitions: readonly FunctionDefinition[]): { start: number; end: number }[] {
  const used = new Set([...text.matchAll(/(?:\$\(|\x60)\s*([A-Za-z_][\w-]*)(?![\w-])/g)].map((m) => m[1]!));
  const closers = new Map<string, RegExp>();
  const bodies: { start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (!definition.block || !used.has(definition.name) || seen.has(definition.name)) continue;
    seen.add(definition.name);
    let close = closers.get(definition.indent);
    if (!close) closers.set(definition.indent, (close = new RegExp(`^${definition.indent}\\}`, "gm")));
    close.lastIndex = definition.headerEnd;
    const end = close.exec(text);
    bodies.push({ start: definition.start, end: end ? end.index : text.length });
  }
  // In order and merged (a function defined inside another), for a binary search per command.
  const merged: { start: number; end: number }[] = [];
  for (const body of bodies.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && body.start <= last.end) last.end = Math.max(last.end, body.end);
    else merged.push({ ...body });
  }
  return merged;
}

/** Whether an offset falls in one of the sorted, disjoint spans. */
function isInside(spans: readonly { start: number; end: number }[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return true;
  }
  return false;
}

/** `>&2`, `> /dev/stderr`: the command's output goes to stderr, which a caller's $(…) does not capture. */
function toStderr(words: readonly ShellWord[], detail: ShellCommandDetail): boolean {
  return detail.redirects.some((r) => {
    const target = words.find((w) => isTargetOf(r.end, w));
    return (r.op.endsWith("&") && target?.raw === "2") || target?.value === "/dev/stderr";
  });
}

interface FunctionDefinition {
  name: string;
  start: number;
  /** The definition's indentation, which its closing `}` repeats. */
  indent: string;
  headerEnd: number;
  /** `name() {` alone on its line, its body below (not a one-line `name() { …; }`). */
  block: boolean;
}

// log_info() {   function say {   say() { echo "$*"; }
const FUNCTION_DEFINITION = /^([ \t]*)(?:function[ \t]+)?([A-Za-z_][\w-]*)[ \t]*(?:\(\s*\))?[ \t]*\{?[ \t]*$|^[ \t]*(?:function[ \t]+([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)[ \t]*\(\s*\))/gm;

/** The functions the script defines: a printing helper is only one when the script has it. */
function functionDefinitions(text: string): FunctionDefinition[] {
  const found: FunctionDefinition[] = [];
  for (const match of text.matchAll(FUNCTION_DEFINITION)) {
    const name = match[2] ?? match[3] ?? match[4];
    if (!name || !(match[0].includes("(") || match[0].includes("function"))) continue;
    found.push({ name, start: match.index, indent: match[1] ?? "", headerEnd: match.index + match[0].length, block: match[2] !== undefined });
  }
  return found;
}
