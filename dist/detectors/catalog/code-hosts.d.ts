import type { Detector } from "../types.js";
export declare const CODE_HOST_DETECTORS: readonly Detector[];
