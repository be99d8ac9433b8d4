import type { Severity } from "../engine/types.js";
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
export declare function createCustomDetector(custom: CustomPattern): Detector;
