import type { Detector } from "../types.js";
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
    falsePositives?: {
        text: string;
        why: string;
    }[];
}
export declare function prefixedToken(spec: PrefixedTokenSpec): Detector;
