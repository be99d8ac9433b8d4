import type { Detector } from "./types.js";
export declare const DETECTORS: readonly Detector[];
