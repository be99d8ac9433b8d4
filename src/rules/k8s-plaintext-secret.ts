import { basename } from "../core/file-kinds.js";
import { defineRule, type SourceFile } from "../core/types.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { composeServices, documentRoots, isCoreKind, isKustomizationFileName, keyValueItems, kubeObjects, type KubeObject } from "../analysis/manifests/kubernetes.js";
import { isSopsDocument, isStandIn, judgeSecretEntry, secretEntries } from "../analysis/manifests/secret-data.js";
import { SECRET_STORE_KINDS } from "../analysis/manifests/vocabulary.js";
import { manifestDocuments } from "../analysis/manifests/embedded.js";
import { asMap, asSeq, isTemplated, keyOf, pairOf, pairRange, rangeOf, scalarText, valueOf } from "../analysis/manifests/yaml-nodes.js";
import { isPlaceholderValue } from "../detectors/placeholders.js";
import { hasReference } from "../languages/strings.js";

interface ManifestFact {
  type: "manifest";
  /** The file has a Secret with entries (plaintext or not), a store object, or encrypted data. */
  secrets: boolean;
}

const FIX = "Commit a SealedSecret or a SOPS-encrypted file instead, or sync it from Vault (VaultStaticSecret, ExternalSecret), and rotate the value";

export default defineRule({
  meta: {
    id: "k8s-plaintext-secret",
    description: "A Kubernetes Secret (or a kustomize secretGenerator) committed with literal values in `data` or `stringData`.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["yaml", "shell"],
    keywords: ["secret", "sops", "encryptionconfiguration", "creation_rules"],
    checklist: ["encrypted-at-rest", "secrets-in-store"],
    // A Secret's plaintext value is also a hardcoded secret: this finding says how to keep it.
    supersedes: ["hardcoded-secret"],
    cwe: ["CWE-312", "CWE-311"],
    messages: {
      data: "Secret `{{name}}` keeps `{{key}}` in plaintext: base64 in `data` is an encoding, not encryption. " + FIX + ".",
      stringData: "Secret `{{name}}` keeps `{{key}}` in plaintext `stringData`. " + FIX + ".",
      generator: "The kustomize secretGenerator `{{name}}` has `{{key}}` as a literal, so the generated Secret is committed in plaintext. " + FIX + ".",
      etcdIdentity: "This EncryptionConfiguration stores Secrets unencrypted in etcd: its first provider for `secrets` is `identity`. Put `kms` (or `aescbc`, `aesgcm`, `secretbox`) first.",
      etcdKeyCommitted: "This EncryptionConfiguration commits the `{{provider}}` key that encrypts every Secret in etcd: anyone with the repository can decrypt them. Use a `kms` provider (Vault transit), or keep this file out of git and rotate the key.",
    },
    options: {
      reportGenerators: {
        type: "boolean",
        default: true,
        description: "Also report literals in kustomize `secretGenerator` entries.",
      },
    },
    docs: {
      why: 'The guide requires "Secrets encrypted at rest" and keeps them "in Vault or Kubernetes Secrets" fed from Vault ("HashiCorp Vault + Kubernetes Secrets Operator"). A Secret manifest committed with its `data` is readable by everyone with a clone: base64 is an encoding anyone can reverse (`kubectl get secret … -o yaml` and `base64 -d`, as the guide\'s troubleshooting shows). The rule reads Secret manifests in YAML files and in the heredocs a shell script hands to kubectl (`kubectl create -f - <<\'EOF\'`, `cat <<EOF | kubectl apply -f -`); a value the shell fills in (`$DB_PASSWORD`, `$(… | base64)`) is a reference. Label-only patches, empty values, Helm `{{ }}` templates, SOPS ciphertext (`ENC[…]`) and public certificates (`ca.crt`, `tls.crt`) are not reported; SealedSecret, SOPS files, ExternalSecret and the Vault Secrets Operator\'s resources are the good path and count as evidence.',
      fix: "Remove the Secret from git and rotate what it held. Then either sync it from Vault with the Vault Secrets Operator (a `VaultStaticSecret` whose destination is the Secret) or an `ExternalSecret`, or commit it encrypted: `kubeseal` (SealedSecret) or `sops --encrypt --encrypted-regex '^(data|stringData)$'`.",
      bad: {
        path: "deploy/k8s/secrets.yaml",
        code: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: carbon-ingestion-secrets\ntype: Opaque\ndata:\n  clickhouse_password: czNjcjN0LWZha2UtcGFzc3dvcmQ=\n",
      },
      good: {
        path: "deploy/k8s/secrets.yaml",
        code: "apiVersion: secrets.hashicorp.com/v1beta1\nkind: VaultStaticSecret\nmetadata:\n  name: carbon-ingestion-secrets\n  namespace: carbon-ingestion\nspec:\n  type: kv-v2\n  mount: carbon-ingestion\n  path: production/databases\n  refreshAfter: 1h\n  destination:\n    name: carbon-ingestion-secrets\n    create: true\n",
      },
    },
  },
  create(context) {
    const reportGenerators = context.options.reportGenerators;
    return {
      file(file) {
        let secrets = false;
        if (basename(file.path) === ".sops.yaml") secrets = sopsConfig(file) || secrets;
        const sopsDocs = new Set(manifestDocuments(file).filter(isSopsDocument));
        for (const object of kubeObjects(file)) {
          const store = SECRET_STORE_KINDS[object.kind];
          if (store && object.apiVersion && store.group.test(object.apiVersion)) {
            const what = `${store.label}: \`${object.name ?? "(templated)"}\``;
            if (store.encrypted) shareEvidence(context, file, "encrypted-at-rest", object.kindOffset, what);
            shareEvidence(context, file, "secrets-in-store", object.kindOffset, what);
            secrets = true;
          } else if (isCoreKind(object, "Secret")) {
            secrets = secretObject(file, object, sopsDocs.has(object.doc)) || secrets;
          } else if (object.kind === "EncryptionConfiguration") {
            encryptionConfiguration(file, object);
          } else if (object.kind === "Kustomization" && reportGenerators) {
            secrets = generators(file, object.doc, object.map) || secrets;
          }
        }
        if (reportGenerators && isKustomizationFileName(file.path)) {
          // kustomization.yaml without apiVersion/kind (the older form)
          for (const { doc, map } of documentRoots(file)) if (!pairOf(doc, map, "kind")) secrets = generators(file, doc, map) || secrets;
        }
        const manifests = kubeObjects(file).length > 0 || composeServices(file).length > 0;
        if (manifests || secrets) context.share({ type: "manifest", secrets } satisfies ManifestFact);
      },
      project(project) {
        const found = emitEvidence(context, project, "encrypted-at-rest");
        emitEvidence(context, project, "secrets-in-store");
        if (found > 0) return;
        const manifests = factsOf<ManifestFact>(project, "manifest");
        if (manifests.length === 0) {
          context.evidence({ checklist: "encrypted-at-rest", status: "not-applicable", message: "the repository has no Kubernetes or compose manifests, so no secret is kept at rest in it" });
        } else if (!manifests.some((m) => m.secrets)) {
          context.evidence({
            checklist: "encrypted-at-rest",
            status: "not-applicable",
            message: "no Secret manifest is committed: the secrets the manifests reference are created outside the repository",
          });
        }
      },
    };

    /** Reports each literal entry; returns whether the Secret holds entries at all. */
    function secretObject(file: SourceFile, object: KubeObject, sops: boolean): boolean {
      const entries = secretEntries(file.text, object, { shell: file.kind === "shell" });
      let encrypted = false;
      for (const entry of entries) {
        const verdict = judgeSecretEntry(entry);
        if (verdict === "encrypted") encrypted = true;
        if (verdict !== "secret") continue;
        const { start } = rangeOf(entry.pair.key);
        context.report({
          messageId: entry.field,
          data: { name: object.name ?? "(templated)", key: entry.key },
          range: { start, end: Math.max(entry.end, start + entry.key.length) },
          secret: entry.written,
          key: `${object.name}/${entry.key}`,
          checklist: ["encrypted-at-rest"],
        });
      }
      if (encrypted || (sops && entries.length > 0)) {
        shareEvidence(context, file, "encrypted-at-rest", object.kindOffset, `Secret \`${object.name ?? "(templated)"}\` is SOPS-encrypted`);
      }
      return entries.length > 0;
    }

    // resources: [{resources: [secrets], providers: [{identity: {}}, {aescbc: …}]}]
    function encryptionConfiguration(file: SourceFile, object: KubeObject): void {
      for (const item of asSeq(object.doc, valueOf(object.doc, object.map, "resources"))?.items ?? []) {
        const resource = asMap(object.doc, item);
        const names = (asSeq(object.doc, valueOf(object.doc, resource, "resources"))?.items ?? []).map((n) => scalarText(object.doc, n));
        if (!names.some((n) => n === "secrets" || n === "*.*" || n === "*.")) continue;
        const first = asMap(object.doc, asSeq(object.doc, valueOf(object.doc, resource, "providers"))?.items[0]);
        const provider = first?.items[0];
        const name = provider ? keyOf(provider) : null;
        if (!provider || !name) continue;
        if (name === "identity") {
          const { start, end } = rangeOf(provider.key);
          context.report({ messageId: "etcdIdentity", range: { start, end }, key: "identity", checklist: ["encrypted-at-rest"] });
        } else {
          shareEvidence(context, file, "encrypted-at-rest", rangeOf(provider.key).start, `etcd encrypts Secrets with \`${name}\` (EncryptionConfiguration)`);
        }
        // aescbc: {keys: [{name: key1, secret: <base64 key>}]}   (every provider of the list, not only the first)
        for (const entry of asSeq(object.doc, valueOf(object.doc, resource, "providers"))?.items ?? []) {
          const providerPair = asMap(object.doc, entry)?.items[0];
          const providerName = providerPair ? keyOf(providerPair) : null;
          if (!providerPair || !providerName || !["aescbc", "aesgcm", "secretbox"].includes(providerName)) continue;
          for (const key of asSeq(object.doc, valueOf(object.doc, asMap(object.doc, providerPair.value), "keys"))?.items ?? []) {
            const secretPair = pairOf(object.doc, asMap(object.doc, key), "secret");
            const written = secretPair ? scalarText(object.doc, secretPair.value) : null;
            if (!secretPair || !written || hasReference(written) || isPlaceholderValue(written) || isTemplated(file.text, secretPair.value)) continue;
            context.report({
              messageId: "etcdKeyCommitted",
              data: { provider: providerName },
              range: pairRange(secretPair),
              secret: written,
              key: `etcd:${providerName}`,
              checklist: ["encrypted-at-rest"],
            });
          }
        }
      }
    }

    // secretGenerator: [{name: db, literals: ["DB_PASSWORD=s3cr3t"]}]
    function generators(file: SourceFile, doc: KubeObject["doc"], map: KubeObject["map"]): boolean {
      let any = false;
      for (const item of asSeq(doc, valueOf(doc, map, "secretGenerator"))?.items ?? []) {
        const generator = asMap(doc, item);
        const name = scalarText(doc, valueOf(doc, generator, "name")) ?? "(unnamed)";
        for (const literal of keyValueItems(doc, file.text, valueOf(doc, generator, "literals"))) {
          any = true;
          const value = literal.value.trim();
          if (value.length === 0 || isStandIn(value)) continue;
          context.report({
            messageId: "generator",
            data: { name, key: literal.key },
            range: { start: literal.keyStart, end: literal.valueEnd },
            secret: literal.value,
            key: `${name}/${literal.key}`,
            checklist: ["encrypted-at-rest"],
          });
        }
        if (valueOf(doc, generator, "envs") !== undefined || valueOf(doc, generator, "files") !== undefined) any = true;
      }
      return any;
    }

    // creation_rules: [{path_regex: …, encrypted_regex: …, age: …}]
    function sopsConfig(file: SourceFile): boolean {
      for (const { doc, map } of documentRoots(file)) {
        const rules = pairOf(doc, map, "creation_rules");
        if (rules && asSeq(doc, rules.value)?.items.length) {
          shareEvidence(context, file, "encrypted-at-rest", rangeOf(rules.key).start, "SOPS creation rules encrypt secret files (`.sops.yaml`)");
          return true;
        }
      }
      return false;
    }
  },
});
