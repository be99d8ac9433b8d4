import { AI_DETECTORS } from "./catalog/ai.js";
import { CLOUD_DETECTORS } from "./catalog/cloud.js";
import { CODE_HOST_DETECTORS } from "./catalog/code-hosts.js";
import { CONNECTION_STRING_DETECTORS } from "./catalog/connection-strings.js";
import { GENERIC_DETECTORS } from "./catalog/generic.js";
import { KEY_DETECTORS } from "./catalog/keys.js";
import { SAAS_DETECTORS } from "./catalog/saas.js";
import { VAULT_AND_INFRA_DETECTORS } from "./catalog/vault-and-infra.js";
export const DETECTORS = Object.freeze([
    ...AI_DETECTORS,
    ...CLOUD_DETECTORS,
    ...CODE_HOST_DETECTORS,
    ...CONNECTION_STRING_DETECTORS,
    ...GENERIC_DETECTORS,
    ...KEY_DETECTORS,
    ...SAAS_DETECTORS,
    ...VAULT_AND_INFRA_DETECTORS,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
