import type { Detector } from "../types.js";
export declare const GENERIC_DETECTORS: readonly Detector[];
/** Detectors that a provider-specific detector beats when both match the same span. */
export declare const GENERIC_DETECTOR_IDS: ReadonlySet<string>;
