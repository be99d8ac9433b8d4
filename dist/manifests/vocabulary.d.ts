/** Keys holding a list of containers, wherever they sit in an object. */
export declare const CONTAINER_LIST_KEYS: readonly string[];
/** apiVersion groups and kinds that keep a secret in a store or encrypted, keyed by what they are. */
export declare const SECRET_STORE_KINDS: Readonly<Record<string, {
    group: RegExp;
    label: string;
    encrypted: boolean;
}>>;
/** Secret data keys that hold public or identifying material, not a secret. */
export declare const PUBLIC_DATA_KEYS: readonly string[];
/** The last word of a Secret data key that names identifying material: `clickhouse_user`, `DB_HOST`, `kafka-username`. */
export declare const PUBLIC_DATA_LAST_WORDS: readonly string[];
/** Text that shows a value or file is public material. */
export declare const PUBLIC_MATERIAL: RegExp;
export declare const PRIVATE_MATERIAL: RegExp;
/** Helm chart keys that name an existing Secret rather than hold one: `existingSecret: db-credentials`. */
export declare const SECRET_REFERENCE_KEY: RegExp;
/** The guide's environments and the names they go by in paths; anything else is kept as written. */
export declare const ENVIRONMENT_ALIASES: Readonly<Record<string, string>>;
/** Directories whose child directory is an environment: `configs/environments/<env>/`, `overlays/<env>/`. */
export declare const ENVIRONMENT_PARENT_DIRS: readonly string[];
/** Environments where sharing a throwaway credential is expected; a value shared only among these is not reported. */
export declare const LOCAL_ENVIRONMENTS: readonly string[];
/** Hosts that never leave the machine: plaintext there is a development convenience, reported as info. */
export declare const LOOPBACK_HOST: RegExp;
/**
 * What an http:// address carries credentials to, read from the words of the key before it
 * (`VAULT_ADDR`, `schema.registry.url`, `token_endpoint`) or of its host (`vault.internal`).
 */
export declare const CREDENTIAL_ENDPOINT_KEY_WORDS: readonly string[];
export declare const CREDENTIAL_ENDPOINT_HOST_WORDS: readonly string[];
export declare const CREDENTIAL_ENDPOINT_PATH: RegExp;
/** Unauthenticated paths that carry no credential: health checks. */
export declare const UNAUTHENTICATED_PATH: RegExp;
export declare const VAULT_PORT = "8200";
/** Schemes that send a password in the clear when a URL carries one (their TLS forms: https, rediss, amqps, ldaps). */
export declare const CLEARTEXT_SCHEMES: Readonly<Record<string, string>>;
/** Names of arguments or keys that give a client a credential, for `ssl=False` on a client "that is given a password". */
export declare const CLIENT_CREDENTIAL_ARGUMENT: RegExp;
/** Regions where `secure: false` is about cookies, not a client's transport. */
export declare const COOKIE_CONTEXT: RegExp;
/** Keys that switch transport encryption on a client when set to false: `ssl=False`, `secure: false`. */
export declare const TLS_SWITCH_KEYS: readonly string[];
/** Alerting rules on these are alerts on authentication failures (alert name, expression, labels or annotations). */
export declare const AUTH_FAILURE_SIGNAL: RegExp;
/** Headings of runbook sections about emergencies. */
export declare const EMERGENCY_HEADING: RegExp;
/** Words that make a section a procedure rather than a wish: it rotates, revokes or disables something. */
export declare const EMERGENCY_ACTION: RegExp;
/** A `vault audit enable` in a script, or the audit API called directly. */
export declare const VAULT_AUDIT_COMMAND: RegExp;
/** Names that say a Vault policy only reads. */
export declare const READ_ONLY_POLICY_NAME: RegExp;
/** Vault capabilities that change or administer data. */
export declare const WRITE_CAPABILITIES: readonly string[];
/** KV v2 path segments that do not narrow what a policy reaches. */
export declare const KV_V2_SEGMENTS: readonly string[];
/** cert-manager's default Certificate lifetime when `duration` is not set (90 days). */
export declare const CERT_MANAGER_DEFAULT_DURATION_HOURS = 2160;
