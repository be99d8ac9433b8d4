// Words the manifest rules share: Kubernetes kinds, secret stores, environments, transports,
// alerts and runbooks. One place, so every rule means the same thing by "a secret store".

/** Keys holding a list of containers, wherever they sit in an object. */
export const CONTAINER_LIST_KEYS: readonly string[] = ["containers", "initContainers", "ephemeralContainers"];

/** apiVersion groups and kinds that keep a secret in a store or encrypted, keyed by what they are. */
export const SECRET_STORE_KINDS: Readonly<Record<string, { group: RegExp; label: string; encrypted: boolean }>> = {
  SealedSecret: { group: /^bitnami\.com\//, label: "a SealedSecret (encrypted for the cluster's controller)", encrypted: true },
  ExternalSecret: { group: /^external-secrets\.io\//, label: "an ExternalSecret (synced from an external store)", encrypted: true },
  ClusterExternalSecret: { group: /^external-secrets\.io\//, label: "a ClusterExternalSecret (synced from an external store)", encrypted: true },
  VaultStaticSecret: { group: /^secrets\.hashicorp\.com\//, label: "a VaultStaticSecret (synced from Vault)", encrypted: true },
  VaultDynamicSecret: { group: /^secrets\.hashicorp\.com\//, label: "a VaultDynamicSecret (leased from Vault)", encrypted: true },
  VaultPKISecret: { group: /^secrets\.hashicorp\.com\//, label: "a VaultPKISecret (issued by Vault)", encrypted: true },
  HCPVaultSecretsApp: { group: /^secrets\.hashicorp\.com\//, label: "an HCPVaultSecretsApp (synced from HCP Vault Secrets)", encrypted: true },
  SecretProviderClass: { group: /^secrets-store\.csi\.x-k8s\.io\//, label: "a SecretProviderClass (mounted by the Secrets Store CSI driver)", encrypted: true },
};

/** Secret data keys that hold public or identifying material, not a secret. */
export const PUBLIC_DATA_KEYS: readonly string[] = [
  "ca.crt", "tls.crt", "ca-bundle.crt", "ca.pem", "service-ca.crt", "cert.pem", "chain.pem", "fullchain.pem",
  "username", "user", "login", "host", "hostname", "port", "database", "dbname", "db", "namespace", "region", "issuer", "audience",
];
/** The last word of a Secret data key that names identifying material: `clickhouse_user`, `DB_HOST`, `kafka-username`. */
export const PUBLIC_DATA_LAST_WORDS: readonly string[] = ["user", "username", "login", "host", "hostname", "port", "database", "dbname", "db", "namespace", "region", "topic", "cluster", "email"];

/** Text that shows a value or file is public material. */
export const PUBLIC_MATERIAL = /-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL)-----|^ssh-(?:rsa|ed25519|dss) |^ecdsa-sha2-/;
export const PRIVATE_MATERIAL = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Helm chart keys that name an existing Secret rather than hold one: `existingSecret: db-credentials`. */
export const SECRET_REFERENCE_KEY = /^(?:existing|use)[-_]?secret|secret[-_]?(?:name|ref|key[-_]?ref)$|^secretkeyref$/i;

/** The guide's environments and the names they go by in paths; anything else is kept as written. */
export const ENVIRONMENT_ALIASES: Readonly<Record<string, string>> = {
  dev: "development", develop: "development", development: "development", local: "local",
  test: "test", testing: "test", ci: "ci", qa: "qa", uat: "uat", int: "integration", integration: "integration",
  stg: "staging", stage: "staging", staging: "staging", preprod: "preprod", "pre-prod": "preprod", preproduction: "preprod",
  prod: "production", prd: "production", production: "production", live: "production",
  sandbox: "sandbox", demo: "demo", perf: "perf",
};

/** Directories whose child directory is an environment: `configs/environments/<env>/`, `overlays/<env>/`. */
export const ENVIRONMENT_PARENT_DIRS: readonly string[] = ["environments", "envs", "overlays", "stages"];

/** Environments where sharing a throwaway credential is expected; a value shared only among these is not reported. */
export const LOCAL_ENVIRONMENTS: readonly string[] = ["development", "local", "test", "ci"];

/** Hosts that never leave the machine: plaintext there is a development convenience, reported as info. */
export const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|[\w-]+\.localhost|host\.docker\.internal)$/i;

/**
 * What an http:// address carries credentials to, read from the words of the key before it
 * (`VAULT_ADDR`, `schema.registry.url`, `token_endpoint`) or of its host (`vault.internal`).
 */
export const CREDENTIAL_ENDPOINT_KEY_WORDS: readonly string[] = [
  "vault", "token", "oauth", "oauth2", "oidc", "openid", "auth", "authn", "login", "jwks", "issuer", "keycloak", "sso",
  "sasl", "credential", "credentials", "password", "secret", "idp",
];
export const CREDENTIAL_ENDPOINT_HOST_WORDS: readonly string[] = ["vault", "keycloak", "auth", "sso", "login", "idp", "oauth", "oidc", "schemaregistry"];
export const CREDENTIAL_ENDPOINT_PATH = /^\/(?:v1\/(?:auth|secret|sys|kv|database|pki|transit|identity|[\w-]+\/data)|oauth2?|token|auth|login|realms|protocol\/openid-connect|connect\/token|openid|subjects)(?:[/?#]|$)/i;
/** Unauthenticated paths that carry no credential: health checks. */
export const UNAUTHENTICATED_PATH = /^\/(?:v1\/sys\/(?:health|seal-status|leader)|healthz?|readyz|livez|metrics)(?:[/?#]|$)/i;
export const VAULT_PORT = "8200";

/** Schemes that send a password in the clear when a URL carries one (their TLS forms: https, rediss, amqps, ldaps). */
export const CLEARTEXT_SCHEMES: Readonly<Record<string, string>> = { http: "https", redis: "rediss", amqp: "amqps", ldap: "ldaps", ftp: "ftps", mqtt: "mqtts" };

/** Names of arguments or keys that give a client a credential, for `ssl=False` on a client "that is given a password". */
export const CLIENT_CREDENTIAL_ARGUMENT = /(?:password|passwd|secret|token|api_?key|apikey|sasl|credentials?|private_key)\w*["']?\s*[:=]/i;
/** Regions where `secure: false` is about cookies, not a client's transport. */
export const COOKIE_CONTEXT = /cookie|session/i;

/** Keys that switch transport encryption on a client when set to false: `ssl=False`, `secure: false`. */
export const TLS_SWITCH_KEYS: readonly string[] = ["ssl", "tls", "secure", "use_ssl", "usessl", "use_tls", "ssl_enabled", "tls_enabled", "enable_tls", "enable_ssl"];


/** Alerting rules on these are alerts on authentication failures (alert name, expression, labels or annotations). */
export const AUTH_FAILURE_SIGNAL =
  /auth(?:entication|n|orization)?[\s_-]*(?:fail|error|denied|reject)|unauthori[sz]ed|unauthenticated|login[\s_-]*(?:fail|error|denied)|failed[\s_-]*(?:login|auth|sign[\s_-]*in)|invalid[\s_-]*(?:credential|token|password|api[\s_-]*key)|permission[\s_-]*denied|(?:code|status|status_code|response_code)\s*=~?\s*["']?[^"'\n]{0,60}\b40[13]\b|sasl[\s_-]*(?:auth|fail)|vault_core_handle_login_request|bad[\s_-]*(?:credential|password)/i;

/** Headings of runbook sections about emergencies. */
export const EMERGENCY_HEADING = /emergenc|break[\s_-]?glass|compromis|leak(?:ed|s)?\b|exposed (?:secret|credential|key|token)|incident|revoke all|panic/i;
/** Words that make a section a procedure rather than a wish: it rotates, revokes or disables something. */
export const EMERGENCY_ACTION = /\brotat|\brevok|\bdisabl|\binvalidat|\bregenerat|\bre-?issue|\breset\b|\bvault\s+\w|\bkubectl\s+\w|\bseal\b|\bbreak[\s_-]?glass\b/i;


/** A `vault audit enable` in a script, or the audit API called directly. */
export const VAULT_AUDIT_COMMAND = /\b(?:vault|bao)\s+audit\s+enable\b|\/v1\/sys\/audit\/[\w-]+/;

/** Names that say a Vault policy only reads. */
export const READ_ONLY_POLICY_NAME = /(?:^|[-_.])(?:read|reads|readonly|read-only|ro|reader|viewer|view)(?:[-_.]|$)/i;
/** Vault capabilities that change or administer data. */
export const WRITE_CAPABILITIES: readonly string[] = ["create", "update", "delete", "patch", "sudo"];
/** KV v2 path segments that do not narrow what a policy reaches. */
export const KV_V2_SEGMENTS: readonly string[] = ["data", "metadata", "delete", "undelete", "destroy", "subkeys"];

/** cert-manager's default Certificate lifetime when `duration` is not set (90 days). */
export const CERT_MANAGER_DEFAULT_DURATION_HOURS = 2160;
