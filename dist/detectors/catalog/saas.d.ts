import type { Detector } from "../types.js";
export declare const SAAS_DETECTORS: readonly Detector[];
