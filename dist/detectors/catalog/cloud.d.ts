import type { Detector } from "../types.js";
export declare const CLOUD_DETECTORS: readonly Detector[];
