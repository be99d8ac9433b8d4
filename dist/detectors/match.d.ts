import type { Detector, DetectorMatch } from "./types.js";
/**
 * Every secret the detectors find in `text`, in text order, at most one per span.
 * Pass the same `detectors` array for every file: the keyword index is built once per array.
 */
export declare function findSecrets(text: string, detectors?: readonly Detector[]): DetectorMatch[];
