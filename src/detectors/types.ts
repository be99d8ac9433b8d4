import type { Confidence, Severity } from "../core/types.js";

/**
 * A secret format, as data. A detector's regex runs only on text where one of its keywords
 * occurs, so keywords must be literal substrings every true positive contains.
 */
export interface Detector {
  id: string; // kebab-case, stable: "github-pat-classic"
  description: string; // "GitHub personal access token (classic)"
  /** Where the provider documents the format. */
  source: string;
  /** Lower-case literal substrings; at least one occurs in every match (case-insensitively). */
  keywords: readonly string[];
  /**
   * Linear-time pattern: the catalog's are RegExps written without nested quantifiers, the
   * config's run on RE2. The named group `secret` is the value; else the whole match.
   */
  pattern: RegExp | LinearPattern;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  confidence: Confidence;
  severity?: Severity;
  /** Structural checks a regex cannot express (a checksum, a decodable header). */
  validate?(secret: string): boolean;
  /** Values the provider publishes as examples: reported at most as info. */
  examples?: readonly string[];
  /** What the detector must find and must leave alone; catalog entries build them in a getter, so only tests pay for them. */
  readonly samples: {
    truePositives: readonly string[];
    falsePositives: readonly { text: string; why: string }[];
  };
}

/** Where a pattern matched: the whole match and, when the pattern has a `secret` group, that group's span (null when it took no part). */
export interface PatternMatch {
  start: number;
  end: number;
  secret?: readonly [number, number] | null;
}

/** A pattern on an engine that runs in linear time whatever it is given (RE2). */
export interface LinearPattern {
  readonly source: string;
  /** A search of one text: each call returns the first match that starts at or after `from`. */
  searcher(text: string): (from: number) => PatternMatch | null;
}

export interface DetectorMatch {
  detector: Detector;
  secret: string;
  start: number; // offset of the secret in the text
  end: number;
  isExample: boolean;
}
