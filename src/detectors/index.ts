// The detector catalog's public surface: the engine and the hardcoded-secret rule import from here.
export type { Detector, DetectorMatch } from "./types.js";
export { DETECTORS } from "./registry.js";
export { findSecrets } from "./match.js";
export { shannonEntropy } from "./entropy.js";
export {
  DEFAULT_CREDENTIALS,
  PLACEHOLDER_MARKERS,
  PLACEHOLDER_WORDS,
  SECRET_NAME_WORDS,
  isDefaultCredential,
  isPlaceholderValue,
} from "./placeholders.js";
export { GENERIC_DETECTOR_IDS } from "./catalog/generic.js";
export { createCustomDetector, customPatternProblem, type CustomPattern } from "./custom.js";
