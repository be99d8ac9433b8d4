import type { Detector } from "../types.js";
export declare const VAULT_AND_INFRA_DETECTORS: readonly Detector[];
