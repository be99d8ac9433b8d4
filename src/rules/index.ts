import type { Rule } from "../core/types.js";
import committedEnvFile from "./committed-env-file.js";
import envNotGitignored from "./env-not-gitignored.js";
import hardcodedSecret from "./hardcoded-secret.js";
import insecureTransport from "./insecure-transport.js";
import k8sLiteralSecretEnv from "./k8s-literal-secret-env.js";
import k8sPlaintextSecret from "./k8s-plaintext-secret.js";
import missingAuditLogging from "./missing-audit-logging.js";
import missingAuthFailureAlerts from "./missing-auth-failure-alerts.js";
import missingEmergencyProcedures from "./missing-emergency-procedures.js";
import missingStartupValidation from "./missing-startup-validation.js";
import rotationPolicyViolation from "./rotation-policy-violation.js";
import secretInLog from "./secret-in-log.js";
import sharedEnvCredentials from "./shared-env-credentials.js";
import sopsRecipientKeyCommitted from "./sops-recipient-key-committed.js";
import vaultPolicyTooBroad from "./vault-policy-too-broad.js";

/** Every rule, sorted by id. Adding a rule: its file here, its fixtures, its docs page (generated). */
export const RULES: readonly Rule[] = [
  committedEnvFile,
  envNotGitignored,
  hardcodedSecret,
  insecureTransport,
  k8sLiteralSecretEnv,
  k8sPlaintextSecret,
  missingAuditLogging,
  missingAuthFailureAlerts,
  missingEmergencyProcedures,
  missingStartupValidation,
  rotationPolicyViolation,
  secretInLog,
  sharedEnvCredentials,
  sopsRecipientKeyCommitted,
  vaultPolicyTooBroad,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
