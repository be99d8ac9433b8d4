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
  /** Linear-time pattern (no nested quantifiers). The named group `secret` is the value; else the whole match. */
  pattern: RegExp;
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

export interface DetectorMatch {
  detector: Detector;
  secret: string;
  start: number; // offset of the secret in the text
  end: number;
  isExample: boolean;
}
