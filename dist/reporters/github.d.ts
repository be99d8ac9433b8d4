import type { ScanResult } from "../engine/types.js";
/** GitHub shows at most this many annotations of one type per step. */
export declare const ANNOTATIONS_PER_TYPE = 10;
/** Workflow-command annotations, most severe first, at most ten of each type; the rest are counted. */
export declare function formatGithub(result: ScanResult): string;
