import type { Detector } from "../types.js";
export declare const KEY_DETECTORS: readonly Detector[];
