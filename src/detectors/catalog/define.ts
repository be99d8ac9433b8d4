// The one detector factory the families share: a token that names itself with a fixed prefix
// (ghp_, glpat-, sk-ant-api03-…). It writes the pattern and the samples every such token needs,
// so each family only states what differs.
import type { Detector } from "../types.js";
import { escapeRegExp, token } from "../patterns.js";

export interface PrefixedTokenSpec {
  id: string;
  description: string;
  source: string;
  /** The literal prefix, e.g. "ghp_". */
  prefix: string;
  /** RegExp source of what follows the prefix, with bounded repetitions. */
  body: string;
  /** A deterministic fake token (prefix included) for the samples. */
  sample: (seed: string) => string;
  /** The environment variable the samples assign the token to. */
  variable: string;
  /** Defaults to the prefix. */
  keywords?: string[];
  entropy?: number;
  confidence?: Detector["confidence"];
  /** Samples beyond the standard assignment, JSON and placeholder ones. */
  truePositives?: string[];
  falsePositives?: { text: string; why: string }[];
}

export function prefixedToken(spec: PrefixedTokenSpec): Detector {
  const { id, prefix, sample, variable } = spec;
  return {
    id,
    description: spec.description,
    source: spec.source,
    keywords: spec.keywords ?? [prefix.toLowerCase()],
    pattern: new RegExp(token(escapeRegExp(prefix) + spec.body)),
    entropy: spec.entropy ?? 3.5,
    confidence: spec.confidence ?? "high",
    get samples() {
      const bodyLength = sample(`${id}-length`).length - prefix.length;
      return {
        truePositives: [`${variable}=${sample(`${id}-1`)}`, `{"${variable.toLowerCase()}": "${sample(`${id}-2`)}"}`, ...(spec.truePositives ?? [])],
        falsePositives: [
          { text: `${variable}=${prefix}${"x".repeat(bodyLength)}`, why: "a placeholder of xs" },
          { text: `${variable}=${prefix}...`, why: "an elided example" },
          { text: `${variable}=${sample(`${id}-short`).slice(0, prefix.length + 6)}`, why: "too short for a token" },
          ...(spec.falsePositives ?? []),
        ],
      };
    },
  };
}
