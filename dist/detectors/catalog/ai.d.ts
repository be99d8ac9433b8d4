import type { Detector } from "../types.js";
export declare const AI_DETECTORS: readonly Detector[];
