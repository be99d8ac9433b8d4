import type { Detector } from "../types.js";
export declare const CONNECTION_STRING_DETECTORS: readonly Detector[];
