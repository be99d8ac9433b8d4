import type { ChecklistId } from "./types.js";

export interface ChecklistItem {
  id: ChecklistId;
  /** The guide's words, from its "Security Checklist". */
  title: string;
  rationale: string;
  /** What evidence in a repository would decide the item, said when nothing does. */
  decidedBy: string;
}

/** The guide's ten-item security checklist, in its order. `checklist/checklist.json` is generated from this. */
export const CHECKLIST: readonly ChecklistItem[] = [
  {
    id: "secrets-in-store",
    title: "All secrets stored in Vault or Kubernetes Secrets",
    rationale: "Manifests take secrets from a store (secretKeyRef, envFrom.secretRef, Vault CRDs), never as literal values.",
    decidedBy: "Kubernetes or compose manifests that take secrets through secretKeyRef, envFrom.secretRef or Vault resources.",
  },
  {
    id: "no-secrets-in-source",
    title: "No secrets in source code or configuration files",
    rationale: "A secret in a repository is readable by everyone with a clone, forever, through history.",
    decidedBy: "A scan of the repository's text files for hardcoded and logged secrets.",
  },
  {
    id: "env-gitignored",
    title: "`.env` files added to `.gitignore`",
    rationale: "The guide keeps development credentials in local `.env` files that must never be committed.",
    decidedBy: "A .gitignore that ignores `.env` wherever one would be created, and no tracked `.env`.",
  },
  {
    id: "encrypted-at-rest",
    title: "Secrets encrypted at rest",
    rationale: "A plaintext Kubernetes Secret committed to git is only base64, not encryption.",
    decidedBy: "Kubernetes Secret manifests, or their encrypted forms (SealedSecret, SOPS, ExternalSecret, VaultStaticSecret).",
  },
  {
    id: "tls-in-transit",
    title: "TLS enabled for all secret transmission",
    rationale: "Credentials sent over plaintext transports can be read on the wire.",
    decidedBy: "Configuration of the clients and servers that carry credentials (Vault address, Kafka, databases, Redis).",
  },
  {
    id: "rotation-automated",
    title: "Rotation schedule defined and automated",
    rationale: "The guide rotates API keys every 90 days, database passwords every 60, certificates and admin credentials every 30.",
    decidedBy: "A rotation policy in the repository: cert-manager Certificates, Vault secret refresh, rotation configuration.",
  },
  {
    id: "audit-logging",
    title: "Access audit logging enabled",
    rationale: "Every secret access must be attributable.",
    decidedBy: "A Vault audit device or audit configuration in the repository.",
  },
  {
    id: "emergency-procedures",
    title: "Emergency procedures documented",
    rationale: "A leaked credential needs a written, rehearsed rotation and break-glass procedure.",
    decidedBy: "A runbook that documents emergency rotation or break-glass access.",
  },
  {
    id: "startup-validation",
    title: "Secrets validated on service startup",
    rationale: "A service that starts without its secrets fails later and less clearly.",
    decidedBy: "Services whose entry points check their required secrets before serving.",
  },
  {
    id: "auth-failure-alerts",
    title: "Monitoring alerts configured for auth failures",
    rationale: "Failed authentication is the first sign of a leaked or expired credential.",
    decidedBy: "An alerting rule (Prometheus or similar) on authentication failures.",
  },
];
