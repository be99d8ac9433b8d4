// Detectors from the config's `customPatterns`: the user's regex, with the same matching,
// placeholder rejection and de-duplication as the built-in catalog.
import type { Severity } from "../core/types.js";
import type { Detector } from "./types.js";

export interface CustomPattern {
  id: string;
  description?: string;
  /** RegExp source; a named group `secret` narrows the reported value. */
  pattern: string;
  /** Literal substrings, one of which every match contains; without any, the pattern runs on every file. */
  keywords?: string[];
  severity?: Severity;
}

/** Compiles a custom pattern; throws an Error naming the pattern when its regex is invalid. */
export function createCustomDetector(custom: CustomPattern): Detector {
  let pattern: RegExp;
  try {
    pattern = new RegExp(custom.pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`customPatterns "${custom.id}": the pattern is not a valid regular expression (${reason}). Fix or remove it.`);
  }
  return {
    id: custom.id,
    description: custom.description ?? `Custom pattern ${custom.id}`,
    source: "configuration (customPatterns)",
    keywords: (custom.keywords ?? []).map((keyword) => keyword.toLowerCase()),
    pattern,
    confidence: "high",
    ...(custom.severity !== undefined ? { severity: custom.severity } : {}),
    samples: { truePositives: [], falsePositives: [] },
  };
}
