// Detectors from the config's `patterns`: the user's pattern, with the same matching, placeholder
// rejection and de-duplication as the built-in catalog. A config may come from a stranger's
// repository, so its patterns run on RE2, whose time is linear in the text whatever the pattern.
import { RE2JS, RE2JSSyntaxException } from "re2js";
import type { Severity } from "../core/types.js";
import type { Detector, LinearPattern } from "./types.js";

export interface CustomPattern {
  id: string;
  description?: string;
  /** RE2 syntax; a named group `secret` (`(?<secret>…)` or `(?P<secret>…)`) narrows the reported value. */
  pattern: string;
  /** Literal substrings, one of which every match contains; without any, the pattern runs on every file. */
  keywords?: string[];
  severity?: Severity;
}

/** Longer patterns are refused before compiling, which costs in proportion; no secret format needs more. */
export const MAX_CUSTOM_PATTERN_LENGTH = 1_000;
/** RE2's time is the text's length times the program's size: this bounds the second. A rich format (a JAAS line) needs about 1,700. */
export const MAX_CUSTOM_PATTERN_INSTRUCTIONS = 2_000;

const RE2_SYNTAX = "custom patterns use RE2 syntax (github.com/google/re2/wiki/Syntax)";

type Compiled = { regex: RE2JS } | { problem: string };

/** Why RE2 cannot run `source` as a custom pattern, in words that quote none of it; null when it can. */
export function customPatternProblem(source: string): string | null {
  const compiled = compile(source);
  return "problem" in compiled ? compiled.problem : null;
}

/** Compiles a custom pattern; throws an Error naming the pattern when RE2 cannot run it. */
export function createCustomDetector(custom: CustomPattern): Detector {
  const compiled = compile(custom.pattern);
  if ("problem" in compiled) throw new Error(`customPatterns "${custom.id}": ${compiled.problem}. Fix or remove it.`);
  return {
    id: custom.id,
    description: custom.description ?? `Custom pattern ${custom.id}`,
    source: "configuration (customPatterns)",
    keywords: (custom.keywords ?? []).map((keyword) => keyword.toLowerCase()),
    pattern: linearPattern(custom.pattern, compiled.regex),
    confidence: "high",
    ...(custom.severity !== undefined ? { severity: custom.severity } : {}),
    samples: { truePositives: [], falsePositives: [] },
  };
}

function compile(source: string): Compiled {
  if (source.length > MAX_CUSTOM_PATTERN_LENGTH) {
    return { problem: `the pattern is ${count(source.length)} characters long; at most ${count(MAX_CUSTOM_PATTERN_LENGTH)} are allowed` };
  }
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(source);
  } catch (error) {
    return { problem: syntaxProblem(source, error) };
  }
  const size = regex.programSize();
  if (size > MAX_CUSTOM_PATTERN_INSTRUCTIONS) {
    return { problem: `the pattern compiles to ${count(size)} instructions; at most ${count(MAX_CUSTOM_PATTERN_INSTRUCTIONS)} are allowed: use smaller repetition counts` };
  }
  return { regex };
}

/** RE2's complaint without the piece of the pattern it quotes: the two JavaScript habits it cannot run get a name. */
function syntaxProblem(source: string, error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return `RE2 cannot compile it; ${RE2_SYNTAX}`;
  const piece = error.input ?? "";
  if (/^\(\?<?[=!]/.test(piece)) return "it uses lookaround ((?=, (?!, (?<=, (?<!), which has no linear-time match: match the neighbouring characters, or \\b, instead";
  if (/^\\(?:[1-9]|k)/.test(piece)) return "it uses a backreference (\\1 … \\9, \\k<name>), which has no linear-time match";
  const at = piece && source.includes(piece) ? ` at character ${source.indexOf(piece) + 1}` : "";
  return `${error.error}${at}; ${RE2_SYNTAX}`;
}

function linearPattern(source: string, regex: RE2JS): LinearPattern {
  const groups = regex.namedGroups();
  const secretGroup = Object.hasOwn(groups, "secret") ? groups.secret : undefined;
  return {
    source,
    searcher(text) {
      const matcher = regex.matcher(text);
      return (from) => {
        if (from > text.length || !matcher.find(from)) return null;
        const start = matcher.start();
        const end = matcher.end();
        if (secretGroup === undefined) return { start, end };
        const secretStart = matcher.start(secretGroup);
        return { start, end, secret: secretStart < 0 ? null : [secretStart, matcher.end(secretGroup)] };
      };
    },
  };
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
