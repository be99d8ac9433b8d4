// Runs detectors over a text: one keyword pass picks the detectors worth running, each runs
// its regex, candidates pass the entropy floor, the placeholder check and the detector's own
// validation, and overlapping findings collapse to the most specific one.
import type { Confidence } from "../core/types.js";
import { GENERIC_DETECTOR_IDS } from "./catalog/generic.js";
import { shannonEntropy } from "./entropy.js";
import { escapeRegExp } from "./patterns.js";
import { isPlaceholderValue } from "./placeholders.js";
import { DETECTORS } from "./registry.js";
import type { Detector, DetectorMatch } from "./types.js";

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
const globalPatterns = new WeakMap<Detector, RegExp>();

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

/** The detector's pattern with the g and d flags, compiled once per detector. */
function globalPatternFor(detector: Detector): RegExp {
  let pattern = globalPatterns.get(detector);
  if (pattern === undefined) {
    const flags = new Set([...detector.pattern.flags.replace("y", ""), "g", "d"]);
    pattern = new RegExp(detector.pattern.source, [...flags].join(""));
    globalPatterns.set(detector, pattern);
  }
  return pattern;
}

function collectMatches(text: string, detector: Detector, into: Candidate[]): void {
  const pattern = globalPatternFor(detector);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const span = secretSpan(match);
    if (span !== undefined) {
      const [start, end] = span;
      const secret = text.slice(start, end);
      if (isSecret(detector, secret)) {
        const isExample = (detector.examples?.includes(secret) ?? false) || secret.includes(EXAMPLE_MARKER);
        into.push({ detector, secret, start, end, isExample, matchLength: match[0].length });
        continue;
      }
    }
    // A rejected match (a placeholder, a failed check) may hide a real one that starts inside it.
    pattern.lastIndex = match.index + 1;
  }
}

/** The `secret` group's offsets, else the whole match's; undefined when the group did not take part. */
function secretSpan(match: RegExpExecArray): [number, number] | undefined {
  const indices = match.indices;
  if (indices === undefined) return undefined;
  if (match.groups !== undefined && "secret" in match.groups) return indices.groups?.secret;
  return indices[0];
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
