// Secret stores and infrastructure tooling: HashiCorp Vault, Consul and Terraform Cloud,
// Doppler, 1Password, Pulumi, Kubernetes, and the data stack (Databricks, Confluent, Airflow,
// Prefect, PlanetScale).
import type { Detector } from "../types.js";
import { BASE64_EDGE, UUID, assigned, bareToken, caseless, isJwt, jwtClaims, token } from "../patterns.js";
import { BASE62, BASE64, BASE64URL, HEX, base64, fake, fakeJwt, fakeUuid } from "../samples.js";

const VAULT_TOKEN_DOCS = "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes";

const serviceAccountJwt = fakeJwt(
  {
    iss: "kubernetes/serviceaccount",
    "kubernetes.io/serviceaccount/namespace": "carbon-ingestion",
    "kubernetes.io/serviceaccount/service-account.name": "ingest",
    sub: "system:serviceaccount:carbon-ingestion:ingest",
  },
  "k8s-sa-1",
);
const boundServiceAccountJwt = fakeJwt(
  { aud: ["https://kubernetes.default.svc"], iss: "https://kubernetes.default.svc", sub: "system:serviceaccount:carbon:ingest", "kubernetes.io": { namespace: "carbon" } },
  "k8s-sa-2",
);
const onePasswordToken =
  "ops_" +
  base64(
    JSON.stringify({
      signInAddress: "carbon.1password.com",
      userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: fake("", 22, BASE64URL, "op-salt") },
      email: "svc@carbon.dev",
      srpX: fake("", 64, HEX, "op-srp"),
      muk: { alg: "A256GCM", ext: true, k: fake("", 43, BASE64URL, "op-k"), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" },
      deviceUuid: fake("", 26, BASE62, "op-dev"),
    }),
  );

/** A Kubernetes service account token: issued by the API server for a system:serviceaccount subject. */
function isServiceAccountToken(candidate: string): boolean {
  if (!isJwt(candidate)) return false;
  const claims = jwtClaims(candidate);
  if (claims === undefined) return false;
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  return claims.iss === "kubernetes/serviceaccount" || subject.startsWith("system:serviceaccount:") || "kubernetes.io" in claims;
}

export const VAULT_AND_INFRA_DETECTORS: readonly Detector[] = [
  {
    id: "vault-service-token",
    description: "HashiCorp Vault service token (hvs.)",
    source: VAULT_TOKEN_DOCS,
    keywords: ["hvs."],
    pattern: new RegExp(token(String.raw`hvs\.[\w-]{24,512}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`VAULT_TOKEN=${fake("hv" + "s.", 91, BASE64URL, "hvs-1")}`, `vault login ${fake("hv" + "s.", 24, BASE62, "hvs-2")}`],
        falsePositives: [
          { text: `VAULT_TOKEN=hvs.XXXXXXXXXXXXXXXXXXXXXXXX`, why: "a placeholder of Xs" },
          { text: `import hvs.core`, why: "a module path" },
        ],
      };
    },
  },
  {
    id: "vault-batch-token",
    description: "HashiCorp Vault batch token (hvb.)",
    source: VAULT_TOKEN_DOCS,
    keywords: ["hvb."],
    pattern: new RegExp(token(String.raw`hvb\.[\w-]{60,1024}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`X-Vault-Token: ${fake("hv" + "b.", 138, BASE64URL, "hvb")}`],
        falsePositives: [{ text: `token: hvb.short`, why: "too short for a batch token" }],
      };
    },
  },
  {
    id: "vault-recovery-token",
    description: "HashiCorp Vault recovery token (hvr.)",
    source: VAULT_TOKEN_DOCS,
    keywords: ["hvr."],
    pattern: new RegExp(token(String.raw`hvr\.[\w-]{24,512}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`recovery_token = "${fake("hv" + "r.", 91, BASE64URL, "hvr")}"`],
        falsePositives: [{ text: `token: hvr.${"x".repeat(24)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "vault-token-legacy",
    description: "HashiCorp Vault token in the pre-1.10 format (s. or b.) next to a vault key name",
    source: VAULT_TOKEN_DOCS,
    keywords: ["vault"],
    pattern: new RegExp(assigned(`${caseless("vault")}[\\w.-]{0,20}?${caseless("token")}`, String.raw`[sb]\.[A-Za-z0-9]{24}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`VAULT_TOKEN=${fake("s" + ".", 24, BASE62, "vault-legacy-1")}`, `curl -H "X-Vault-Token: ${fake("s" + ".", 24, BASE62, "vault-legacy-2")}" https://vault:8200/v1/sys/health`],
        falsePositives: [{ text: `VAULT_TOKEN=s.${"x".repeat(24)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "terraform-cloud-token",
    description: "Terraform Cloud / HCP Terraform API token",
    source: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    keywords: [".atlasv1."],
    pattern: new RegExp(token(String.raw`[A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70}`, String.raw`\w.-`, String.raw`\w=.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`credentials "app.terraform.io" {\n  token = "${fake("", 14, BASE62, "tfc-1")}${".atlas" + "v1."}${fake("", 67, BASE64URL, "tfc-2")}"\n}`],
        falsePositives: [{ text: `token = "xxxxxxxxxxxxxx.atlasv1.xxxx"`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "consul-acl-token",
    description: "HashiCorp Consul ACL token",
    source: "https://developer.hashicorp.com/consul/docs/security/acl/tokens",
    keywords: ["consul"],
    pattern: new RegExp(assigned(`${caseless("consul")}[\\w.-]{0,20}?${caseless("token")}`, UUID)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CONSUL_HTTP_TOKEN=${fakeUuid("consul")}`],
        falsePositives: [{ text: `consul_node_id: ${fakeUuid("consul-node")}`, why: "a node ID, not a token" }],
      };
    },
  },
  {
    id: "doppler-token",
    description: "Doppler personal, service, service account, CLI, SCIM or audit token",
    source: "https://docs.doppler.com/reference/auth-token-formats",
    keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    pattern: new RegExp(token(String.raw`dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9._-]{40,200}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DOPPLER_TOKEN=${fake("dp" + ".pt.", 43, BASE62, "doppler-1")}`, `DOPPLER_TOKEN=${fake("dp" + ".st.", 43, BASE62, "doppler-2")}`],
        falsePositives: [{ text: `DOPPLER_TOKEN=dp.st.<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "onepassword-service-account-token",
    description: "1Password service account token",
    source: "https://developer.1password.com/docs/service-accounts/security",
    keywords: ["ops_eyj"],
    pattern: new RegExp(token(String.raw`ops_eyJ[A-Za-z0-9+/]{100,4096}={0,2}`, String.raw`\w-`, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`OP_SERVICE_ACCOUNT_TOKEN=${onePasswordToken}`],
        falsePositives: [{ text: `OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...`, why: "an elided example" }],
      };
    },
  },
  {
    id: "pulumi-access-token",
    description: "Pulumi Cloud access token",
    source: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    keywords: ["pul-"],
    pattern: new RegExp(token(String.raw`pul-[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`PULUMI_ACCESS_TOKEN=${fake("pu" + "l-", 40, HEX, "pulumi")}`],
        falsePositives: [{ text: `name: pul-request-handler`, why: "a name with the prefix" }],
      };
    },
  },
  {
    id: "databricks-token",
    description: "Databricks personal access token",
    source: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
    keywords: ["dapi"],
    pattern: new RegExp(bareToken(String.raw`dapi[a-f0-9]{32}(?:-\d)?`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DATABRICKS_TOKEN=${fake("da" + "pi", 32, HEX, "databricks")}`, `token = "${fake("da" + "pi", 32, HEX, "databricks-2")}-2"`],
        falsePositives: [{ text: `DATABRICKS_TOKEN=dapi${"0".repeat(32)}`, why: "a placeholder of zeros" }],
      };
    },
  },
  {
    id: "confluent-cloud-api-secret",
    description: "Confluent Cloud API secret",
    source: "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html",
    keywords: ["confluent"],
    pattern: new RegExp(assigned(`${caseless("confluent")}[\\w.-]{0,20}?${caseless("secret")}`, "[A-Za-z0-9+/]{64}", BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CONFLUENT_CLOUD_API_SECRET=${fake("", 64, BASE64, "confluent")}`],
        falsePositives: [{ text: `CONFLUENT_CLOUD_API_SECRET=\${CONFLUENT_SECRET}`, why: "a reference to the environment" }],
      };
    },
  },
  {
    id: "airflow-fernet-key",
    description: "Apache Airflow Fernet key (encrypts connections and variables)",
    source: "https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/fernet.html",
    keywords: ["fernet"],
    // 32 bytes, URL-safe base64: 43 characters and "=".
    pattern: new RegExp(assigned(`${caseless("fernet")}[_.-]?${caseless("key")}`, String.raw`[\w-]{43}=`, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`AIRFLOW__CORE__FERNET_KEY=${fake("", 43, BASE64URL, "fernet")}=`, `fernet_key = ${fake("", 43, BASE64URL, "fernet-2")}=`],
        falsePositives: [{ text: `AIRFLOW__CORE__FERNET_KEY=\${FERNET_KEY}`, why: "a reference to the environment" }],
      };
    },
  },
  {
    id: "prefect-api-key",
    description: "Prefect Cloud API key",
    source: "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys",
    keywords: ["pnu_"],
    pattern: new RegExp(token(String.raw`pnu_[A-Za-z0-9]{36}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`PREFECT_API_KEY=${fake("pn" + "u_", 36, BASE62, "prefect")}`],
        falsePositives: [{ text: `PREFECT_API_KEY=pnu_${"x".repeat(36)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "planetscale-token",
    description: "PlanetScale password, service token or OAuth token",
    source: "https://planetscale.com/docs/concepts/service-tokens",
    keywords: ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"],
    pattern: new RegExp(token(String.raw`pscale_(?:pw|tkn|oauth)_[\w.-]{32,64}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DATABASE_PASSWORD=${fake("pscale" + "_pw_", 43, BASE64URL, "pscale")}`],
        falsePositives: [{ text: `DATABASE_PASSWORD=pscale_pw_<password>`, why: "a template" }],
      };
    },
  },
  {
    id: "kubernetes-service-account-token",
    description: "Kubernetes service account token (a JWT issued for system:serviceaccount)",
    source: "https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/",
    keywords: ["eyj"],
    pattern: new RegExp(bareToken(String.raw`eyJ[\w-]{10,1024}\.ey[\w-]{10,8192}\.[\w-]{16,1024}`)),
    confidence: "high",
    validate: isServiceAccountToken,
    get samples() {
      return {
        truePositives: [`users:\n- name: ci\n  user:\n    token: ${serviceAccountJwt}`, `TOKEN=${boundServiceAccountJwt}`],
        falsePositives: [
          { text: `id_token: ${fakeJwt({ iss: "https://accounts.google.com", sub: "1234" }, "k8s-fp")}`, why: "a JWT from another issuer" },
        ],
      };
    },
  },
];
