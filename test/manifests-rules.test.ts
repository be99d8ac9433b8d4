// How many cases each manifest rule has; test/rules.test.ts runs them all.
import { describe, expect, it } from "vitest";
import type { Rule } from "../src/core/types.js";
import insecureTransport from "../src/rules/insecure-transport.js";
import k8sLiteralSecretEnv from "../src/rules/k8s-literal-secret-env.js";
import k8sPlaintextSecret from "../src/rules/k8s-plaintext-secret.js";
import missingAuditLogging from "../src/rules/missing-audit-logging.js";
import missingAuthFailureAlerts from "../src/rules/missing-auth-failure-alerts.js";
import missingEmergencyProcedures from "../src/rules/missing-emergency-procedures.js";
import rotationPolicyViolation from "../src/rules/rotation-policy-violation.js";
import sharedEnvCredentials from "../src/rules/shared-env-credentials.js";
import vaultPolicyTooBroad from "../src/rules/vault-policy-too-broad.js";
import { listCases } from "./helpers/fixtures.js";

const MANIFEST_RULES: readonly Rule[] = [
  insecureTransport, k8sLiteralSecretEnv, k8sPlaintextSecret, missingAuditLogging, missingAuthFailureAlerts,
  missingEmergencyProcedures, rotationPolicyViolation, sharedEnvCredentials, vaultPolicyTooBroad,
];

const ids = MANIFEST_RULES.map((r) => r.meta.id);
const cases = listCases().filter((c) => ids.includes(c.rule));

describe("each manifest rule has the cases issue 5 asks for", () => {
  it.each(ids)("%s has at least 15 valid and 15 invalid cases", (rule) => {
    expect(cases.filter((c) => c.rule === rule && c.validity === "valid").length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => c.rule === rule && c.validity === "invalid").length).toBeGreaterThanOrEqual(15);
  });
});
