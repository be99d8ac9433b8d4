// Runs detectors over a text: one keyword pass picks the detectors worth running, each runs
// its regex, candidates pass the entropy floor, the placeholder check and the detector's own
// validation, and overlapping findings collapse to the most specific one.
import type { Confidence } from "../core/types.js";
import { GENERIC_DETECTOR_IDS } from "./catalog/generic.js";
import { shannonEntropy } from "./entropy.js";
import { escapeRegExp } from "./patterns.js";
import { isPlaceholderValue } from "./placeholders.js";
import { DETECTORS } from "./registry.js";
import type { Detector, DetectorMatch, PatternMatch } from "./types.js";

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Documented example values (AWS's …EXAMPLE keys) mark themselves in upper case. */
const EXAMPLE_MARKER = "EXAMPLE";

interface KeywordIndex {
  /** One case-insensitive alternation of every keyword, longest first; null when no detector has one. */
  scanner: RegExp | null;
  /** Lower-cased keyword -> the detectors (by position) that list it. */
  detectorsByKeyword: Map<string, number[]>;
  /** Lower-cased keyword -> the other keywords it contains, which occur wherever it does. */
  contained: Map<string, string[]>;
  /** Detectors without keywords run on every text. */
  unconditional: number[];
}

interface Candidate extends DetectorMatch {
  matchLength: number;
}

const keywordIndexes = new WeakMap<readonly Detector[], KeywordIndex>();
const globalPatterns = new WeakMap<RegExp, RegExp>();

/**
 * Every secret the detectors find in `text`, in text order, at most one per span.
 * Pass the same `detectors` array for every file: the keyword index is built once per array.
 */
export function findSecrets(text: string, detectors: readonly Detector[] = DETECTORS): DetectorMatch[] {
  if (text.length === 0 || detectors.length === 0) return [];
  const candidates: Candidate[] = [];
  for (const position of selectDetectors(text, detectors)) {
    const detector = detectors[position];
    if (detector !== undefined) collectMatches(text, detector, candidates);
  }
  return keepMostSpecific(candidates);
}

/** The detectors one of whose keywords occurs in `text`, found in a single pass. */
function selectDetectors(text: string, detectors: readonly Detector[]): number[] {
  const index = keywordIndexFor(detectors);
  const selected = new Set<number>(index.unconditional);
  const { scanner } = index;
  if (scanner === null) return [...selected];
  const found = new Set<string>();
  scanner.lastIndex = 0;
  for (let match = scanner.exec(text); match !== null; match = scanner.exec(text)) {
    const keyword = match[0].toLowerCase();
    if (!found.has(keyword)) {
      const positions = index.detectorsByKeyword.get(keyword);
      // Case folding that maps a non-ASCII character onto a keyword: run everything rather than guess.
      if (positions === undefined) return detectors.map((_, position) => position);
      for (const occurring of [keyword, ...(index.contained.get(keyword) ?? [])]) {
        found.add(occurring);
        for (const position of index.detectorsByKeyword.get(occurring) ?? []) selected.add(position);
      }
      if (found.size === index.detectorsByKeyword.size) break;
    }
    // Step one character, not past the match, so overlapping keywords ("xoxe.xox", "xoxe-") are all seen.
    scanner.lastIndex = match.index + 1;
  }
  return [...selected].sort((a, b) => a - b);
}

function keywordIndexFor(detectors: readonly Detector[]): KeywordIndex {
  const cached = keywordIndexes.get(detectors);
  if (cached !== undefined) return cached;
  const detectorsByKeyword = new Map<string, number[]>();
  const unconditional: number[] = [];
  detectors.forEach((detector, position) => {
    if (detector.keywords.length === 0) unconditional.push(position);
    for (const raw of detector.keywords) {
      const keyword = raw.toLowerCase();
      const positions = detectorsByKeyword.get(keyword) ?? [];
      if (!positions.includes(position)) positions.push(position);
      detectorsByKeyword.set(keyword, positions);
    }
  });
  const keywords = [...detectorsByKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const contained = new Map<string, string[]>();
  for (const keyword of keywords) {
    const inner = keywords.filter((other) => other !== keyword && keyword.includes(other));
    if (inner.length > 0) contained.set(keyword, inner);
  }
  const scanner = keywords.length > 0 ? new RegExp(keywords.map(escapeRegExp).join("|"), "gi") : null;
  const index: KeywordIndex = { scanner, detectorsByKeyword, contained, unconditional };
  keywordIndexes.set(detectors, index);
  return index;
}

/** A search of `text` with the detector's pattern: each call, the first match at or after `from`. */
function searcherFor(detector: Detector, text: string): (from: number) => PatternMatch | null {
  if (!(detector.pattern instanceof RegExp)) return detector.pattern.searcher(text);
  const pattern = globalPatternFor(detector.pattern);
  return (from) => {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    return match === null ? null : regExpMatch(match);
  };
}

/** A detector's pattern with the g and d flags, compiled once per detector. */
function globalPatternFor(source: RegExp): RegExp {
  let pattern = globalPatterns.get(source);
  if (pattern === undefined) {
    const flags = new Set([...source.flags.replace("y", ""), "g", "d"]);
    pattern = new RegExp(source.source, [...flags].join(""));
    globalPatterns.set(source, pattern);
  }
  return pattern;
}

function regExpMatch(match: RegExpExecArray): PatternMatch {
  const start = match.index;
  const end = start + match[0].length;
  if (match.groups === undefined || !("secret" in match.groups)) return { start, end };
  return { start, end, secret: match.indices?.groups?.secret ?? null };
}

function collectMatches(text: string, detector: Detector, into: Candidate[]): void {
  const search = searcherFor(detector, text);
  for (let match = search(0); match !== null; ) {
    // An empty match, or a rejected one (a placeholder, a failed check) which may hide a real one starting inside it: go on one character later.
    let next = match.start + 1;
    const span: readonly [number, number] | null = match.secret === undefined ? [match.start, match.end] : match.secret;
    if (match.end > match.start && span !== null) {
      const [start, end] = span;
      const secret = text.slice(start, end);
      if (isSecret(detector, secret)) {
        const isExample = (detector.examples?.includes(secret) ?? false) || secret.includes(EXAMPLE_MARKER);
        into.push({ detector, secret, start, end, isExample, matchLength: match.end - match.start });
        next = match.end;
      }
    }
    match = search(next);
  }
}

function isSecret(detector: Detector, secret: string): boolean {
  if (detector.entropy !== undefined && shannonEntropy(secret) < detector.entropy) return false;
  if (isPlaceholderValue(secret)) return false;
  return detector.validate === undefined || detector.validate(secret);
}

/**
 * Where findings overlap, keep the most specific: higher confidence, then the longer secret,
 * then a provider detector over a generic one, then the longer match (more context).
 */
function keepMostSpecific(candidates: Candidate[]): DetectorMatch[] {
  const byPreference = [...candidates].sort(
    (a, b) =>
      CONFIDENCE_RANK[b.detector.confidence] - CONFIDENCE_RANK[a.detector.confidence] ||
      b.end - b.start - (a.end - a.start) ||
      Number(GENERIC_DETECTOR_IDS.has(a.detector.id)) - Number(GENERIC_DETECTOR_IDS.has(b.detector.id)) ||
      b.matchLength - a.matchLength ||
      a.start - b.start ||
      (a.detector.id < b.detector.id ? -1 : a.detector.id > b.detector.id ? 1 : 0),
  );
  // Kept spans never overlap, so sorted by start they are sorted by end too.
  const kept: Candidate[] = [];
  for (const candidate of byPreference) {
    const at = firstStartingAtOrAfter(kept, candidate.start);
    const before = kept[at - 1];
    const after = kept[at];
    if ((before !== undefined && before.end > candidate.start) || (after !== undefined && after.start < candidate.end)) continue;
    kept.splice(at, 0, candidate);
  }
  return kept.map(({ detector, secret, start, end, isExample }) => ({ detector, secret, start, end, isExample }));
}

function firstStartingAtOrAfter(spans: readonly Candidate[], start: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans[middle] as Candidate).start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}
