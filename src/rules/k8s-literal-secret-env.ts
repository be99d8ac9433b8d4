import type { Document, Pair, Scalar, YAMLMap } from "yaml";
import { defineRule, type ProjectIndex, type SourceFile } from "../core/types.js";
import { isPlaceholderValue, isReference } from "../detectors/placeholders.js";
import { parseKeyValueLines } from "../languages/dotenv.js";
import { hasReference } from "../languages/strings.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import {
  composeServices,
  containersIn,
  envEntries,
  envFromSecretRefs,
  isCoreKind,
  isHelmValuesFileName,
  isKustomizationFileName,
  keyValueItems,
  kubeObjects,
  documentRoots,
  type ComposeService,
  type KubeObject,
} from "../analysis/manifests/kubernetes.js";
import { hasShellExpansion, isShellExpanded } from "../analysis/manifests/embedded.js";
import { chartOf, valueAtPath, valuesFileOf, valuesReference } from "../analysis/manifests/helm-values.js";
import { isSecretManifestKey, judgeLiteral, referenceDefault, type LiteralVerdict } from "../analysis/manifests/literals.js";
import { asMap, asSeq, contentRange, isTemplated, keyOf, pairOf, rangeOf, scalarOf, scalarText, valueOf, walkMaps, walkPairs } from "../analysis/manifests/yaml-nodes.js";

/** A ConfigMap key whose value a Helm template renders from one path of the chart's values. */
interface ValuesReferenceFact {
  type: "values-reference";
  path: string;
  configMap: string;
  variable: string;
  valuesPath: string;
  start: number;
  end: number;
}

interface WorkloadFact {
  type: "workload";
  /** Whether a container here takes a secret at all (from a store or as a literal). */
  takesSecrets: boolean;
}

// application.properties: |   app.env: |   (ConfigMap data that is itself a KEY=value file)
const EMBEDDED_KEY_VALUE_FILE = /\.(?:properties|env|conf|cfg|ini)$|^\.env/i;
// env: [...]  extraEnv: [...]  extraEnvVars: [...]  envVars: {...}  in Helm values
const VALUES_ENV_KEY = /^(?:extra)?env(?:vars)?$|^environment$|^extraEnvironmentVars$/i;

export default defineRule({
  meta: {
    id: "k8s-literal-secret-env",
    description: "A secret-named environment variable or ConfigMap key set to a literal value in a Kubernetes, Helm or compose manifest, instead of a reference to a Secret.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["yaml", "shell"],
    keywords: ["env", "configmap", "secret", "password", "token", "key", "credential", "vault", "dsn", "auth"],
    checklist: ["secrets-in-store"],
    // A literal in a manifest's env is also a hardcoded secret: this finding says where it belongs.
    supersedes: ["hardcoded-secret"],
    cwe: ["CWE-798", "CWE-312"],
    messages: {
      env: "Container `{{container}}` of {{kind}} `{{name}}` sets `{{variable}}` to a literal value: take it from a Secret with `valueFrom.secretKeyRef` (or `envFrom.secretRef`) and keep the value in Vault.",
      configMap: "ConfigMap `{{name}}` holds `{{variable}}` as a literal: a ConfigMap is not a secret store. Move the value into a Secret synced from Vault and reference it with `secretKeyRef`.",
      configMapPlaceholder: "ConfigMap `{{name}}` has a place for the secret `{{variable}}` (its value is a placeholder): a secret-named key belongs in a Secret synced from Vault, referenced with `secretKeyRef`, not in a ConfigMap where the real value would be filled in.",
      configMapRendered:
        "ConfigMap `{{name}}` renders `{{variable}}` from `.Values.{{valuesPath}}`, a literal credential at {{valuesFile}}:{{valuesLine}}: a ConfigMap is not a secret store. Render it into a Secret (or take it from one synced from Vault) and reference it with `secretKeyRef`.",
      configMapGenerator: "The kustomize configMapGenerator `{{name}}` has the literal `{{variable}}`: a ConfigMap is not a secret store. Use a Secret synced from Vault instead.",
      compose: "Compose service `{{service}}` sets `{{variable}}` to a literal in `environment`: use compose `secrets:` or `${{{variable}}}` from an untracked `.env`.",
      composeDefault: "Compose service `{{service}}` falls back to a literal `{{variable}}` in `${{{variable}}:-…}`: drop the default so a missing secret fails loudly.",
      helmValues: "Helm values set the environment variable `{{variable}}` to a literal: reference an existing Secret (`valueFrom.secretKeyRef`, or the chart's `existingSecret`) instead.",
    },
    options: {
      compose: { type: "boolean", default: true, description: "Also check the `environment` of docker compose services." },
      configMaps: { type: "boolean", default: true, description: "Also check the `data` of ConfigMaps and kustomize configMapGenerators." },
    },
    docs: {
      why: 'The guide\'s checklist asks for "All secrets stored in Vault or Kubernetes Secrets", and its deployments take them with `envFrom: - secretRef: name: carbon-ingestion-secrets`. A literal `value:` for a secret-named variable puts the credential in the manifest, in git, and in every `kubectl get deployment -o yaml`. `valueFrom.secretKeyRef` and `envFrom.secretRef` are the prescribed form and count as evidence (Checkov\'s CKV_K8S_35 discourages `secretKeyRef`; this rule follows the guide instead). A connection string with a password (`DATABASE_URL: postgresql://user:…@host/db`) is a secret whatever its variable is called. The rule reads manifests in YAML files, and the manifests a shell script hands to kubectl in a heredoc (`kubectl apply -f - <<EOF`, `cat <<EOF | kubectl apply -f -`, a heredoc written to a file the script then applies), where the shell\'s `$VAR`, `${VAR}` and `$(cmd)` are references. A ConfigMap in a Helm chart\'s templates whose value is one `.Values` path (`ACCESS_POSTGRES_DSN: {{ .Values.config.postgresDsn | quote }}`) is judged by what the chart\'s values.yaml holds there, or by the template\'s own `default \"…\"`: a credential rendered into a ConfigMap is one committed to it. Names that only mention a secret (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`, `VAULT_ROLE`), references (`$(DB_PASSWORD)`, `${DB_PASSWORD}`), Helm templates and placeholders are not reported.',
      fix: "Store the value in Vault (or a Secret synced from it) and reference it: `valueFrom: {secretKeyRef: {name: carbon-ingestion-secrets, key: clickhouse_password}}`, or load every key with `envFrom: [{secretRef: {name: carbon-ingestion-secrets}}]`. In compose, use `secrets:` or `${VAR}` from an untracked `.env`. Rotate the value that was committed.",
      bad: {
        path: "deploy/k8s/ingest-deployment.yaml",
        code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingest\nspec:\n  template:\n    spec:\n      containers:\n        - name: ingest\n          image: ghcr.io/254carbon/ingest:1.4.2\n          env:\n            - name: CLICKHOUSE_PASSWORD\n              value: Tg7pW2qLx9vR4mZs\n",
      },
      good: {
        path: "deploy/k8s/ingest-deployment.yaml",
        code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingest\nspec:\n  template:\n    spec:\n      containers:\n        - name: ingest\n          image: ghcr.io/254carbon/ingest:1.4.2\n          env:\n            - name: CLICKHOUSE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: carbon-ingestion-secrets\n                  key: clickhouse_password\n          envFrom:\n            - secretRef:\n                name: carbon-ingestion-secrets\n",
      },
    },
  },
  create(context) {
    const checkCompose = context.options.compose;
    const checkConfigMaps = context.options.configMaps;

    return {
      file(file) {
        const objects = kubeObjects(file);
        for (const object of objects) {
          if (isCoreKind(object, "ConfigMap")) {
            if (checkConfigMaps) configMap(file, object);
          } else if (object.kind === "Kustomization") {
            if (checkConfigMaps) configMapGenerators(file, object.doc, object.map);
          } else {
            workload(file, object);
          }
        }
        if (checkConfigMaps && isKustomizationFileName(file.path)) {
          for (const { doc, map } of documentRoots(file)) if (!pairOf(doc, map, "kind")) configMapGenerators(file, doc, map);
        }
        if (checkCompose) for (const service of composeServices(file)) compose(file, service);
        if (objects.length === 0 && isHelmValuesFileName(file.path)) helmValues(file);
      },
      project(project) {
        renderedConfigMaps(project);
        if (emitEvidence(context, project, "secrets-in-store") > 0) return;
        const workloads = factsOf<WorkloadFact>(project, "workload");
        if (workloads.length === 0) {
          context.evidence({ checklist: "secrets-in-store", status: "not-applicable", message: "the repository has no Kubernetes workloads, Helm values or compose services that run containers" });
        } else if (!workloads.some((w) => w.takesSecrets)) {
          context.evidence({ checklist: "secrets-in-store", status: "not-applicable", message: `${workloads.length} manifest file${workloads.length === 1 ? "" : "s"} run containers, and none of them takes a secret` });
        }
      },
    };

    // ACCESS_POSTGRES_DSN: {{ .Values.config.postgresDsn | quote }}   with   postgresDsn: "postgresql://access:…@…" in values.yaml
    function renderedConfigMaps(project: ProjectIndex): void {
      for (const fact of factsOf<ValuesReferenceFact>(project, "values-reference")) {
        const chart = chartOf(fact.path, (path) => project.has(path));
        const valuesFile = chart === null ? null : valuesFileOf(chart, (path) => project.has(path));
        const values = valuesFile === null ? undefined : project.read(valuesFile);
        const resolved = values ? valueAtPath(values, fact.valuesPath) : null;
        if (!values || !resolved?.value) continue;
        const verdict = judgeLiteral(fact.variable, resolved.value, values.path);
        if (!verdict) continue;
        context.report({
          messageId: "configMapRendered",
          data: { name: fact.configMap, variable: fact.variable, valuesPath: fact.valuesPath, valuesFile: values.path, valuesLine: resolved.line },
          path: fact.path,
          range: { start: fact.start, end: fact.end },
          secret: resolved.value,
          key: `configMapRendered:${fact.variable}`,
          ...(verdict === "weak-default" ? { severity: "warning" as const } : {}),
        });
      }
    }

    function report(verdict: LiteralVerdict, messageId: string, data: Record<string, string>, start: number, end: number, secret: string): void {
      context.report({
        messageId,
        data,
        range: { start, end },
        secret,
        key: `${messageId}:${data.variable}`,
        ...(verdict === "weak-default" ? { severity: "warning" as const } : {}),
      });
    }

    /** A literal scalar value of a pair, judged under `name`; reports and returns whether it was a secret. */
    function literal(file: SourceFile, doc: Document.Parsed, name: string, pair: Pair<unknown, unknown>, messageId: string, data: Record<string, string>): boolean {
      const scalar = scalarOf(doc, pair.value);
      if (!scalar || scalar.value === null || typeof scalar.value === "boolean") return false;
      const value = String(scalar.value);
      const { start, end } = contentRange(file.text, scalar);
      const verdict = judgeLiteral(name, value, file.path, isTemplated(file.text, scalar) || isShellExpanded(file, scalar));
      if (!verdict) return false;
      report(verdict, messageId, { ...data, variable: name }, start, Math.max(end, start + 1), file.text.slice(start, end) || value);
      return true;
    }

    function workload(file: SourceFile, object: KubeObject): void {
      const containers = containersIn(object.doc, object.map);
      if (containers.length === 0) return;
      let takesSecrets = false;
      const where = { kind: object.kind, name: object.name ?? "(templated)" };
      for (const container of containers) {
        for (const entry of envEntries(object.doc, container.map)) {
          if (entry.secretKeyRef) {
            takesSecrets = true;
            const secretName = scalarText(object.doc, valueOf(object.doc, entry.secretKeyRef, "name")) ?? "(templated)";
            shareEvidence(context, file, "secrets-in-store", entry.offset, `\`${entry.name}\` of container \`${container.name}\` comes from Secret \`${secretName}\` (secretKeyRef)`);
          } else if (entry.valuePair && literal(file, object.doc, entry.name, entry.valuePair, "env", { ...where, container: container.name })) {
            takesSecrets = true;
          }
        }
        for (const ref of envFromSecretRefs(object.doc, container.map)) {
          takesSecrets = true;
          shareEvidence(context, file, "secrets-in-store", ref.offset, `container \`${container.name}\` of ${object.kind} \`${where.name}\` loads Secret \`${ref.name}\` (envFrom.secretRef)`);
        }
      }
      if (storeMounts(file, object)) takesSecrets = true;
      context.share({ type: "workload", takesSecrets } satisfies WorkloadFact);
    }

    // Vault Agent injection annotations, Secrets Store CSI volumes, Secret volumes.
    function storeMounts(file: SourceFile, object: KubeObject): boolean {
      let found = false;
      walkMaps(object.map, (map, path) => {
        const last = path.at(-1);
        if (last === "annotations") {
          const inject = pairOf(object.doc, map, "vault.hashicorp.com/agent-inject");
          if (inject && /^true$/i.test(scalarText(object.doc, inject.value) ?? "")) {
            found = true;
            shareEvidence(context, file, "secrets-in-store", rangeOf(inject.key).start, `${object.kind} \`${object.name ?? "(templated)"}\` gets its secrets from the Vault Agent injector`);
          }
        } else if (last === "volumes") {
          const driver = scalarText(object.doc, valueOf(object.doc, asMap(object.doc, valueOf(object.doc, map, "csi")), "driver"));
          const secretVolume = asMap(object.doc, valueOf(object.doc, map, "secret"));
          if (driver === "secrets-store.csi.k8s.io") {
            found = true;
            shareEvidence(context, file, "secrets-in-store", rangeOf(map).start, `${object.kind} \`${object.name ?? "(templated)"}\` mounts secrets with the Secrets Store CSI driver`);
          } else if (secretVolume) {
            found = true;
            const name = scalarText(object.doc, valueOf(object.doc, secretVolume, "secretName")) ?? "(templated)";
            shareEvidence(context, file, "secrets-in-store", rangeOf(map).start, `${object.kind} \`${object.name ?? "(templated)"}\` mounts Secret \`${name}\` as a volume`);
          }
        }
      });
      return found;
    }

    function configMap(file: SourceFile, object: KubeObject): void {
      const data = asMap(object.doc, valueOf(object.doc, object.map, "data"));
      const name = object.name ?? "(templated)";
      for (const pair of data?.items ?? []) {
        const key = keyOf(pair);
        const scalar = scalarOf(object.doc, pair.value);
        if (!key || !scalar) continue;
        if (EMBEDDED_KEY_VALUE_FILE.test(key) && typeof scalar.value === "string" && scalar.value.includes("\n")) {
          // app.properties: |
          //   spring.datasource.password=s3cr3t
          const { start, end } = contentRange(file.text, scalar);
          for (const entry of parseKeyValueLines(file.text, start, end)) {
            const verdict = judgeLiteral(entry.key, entry.value, file.path, entry.templated || (file.kind === "shell" && hasShellExpansion(entry.value)));
            if (verdict) report(verdict, "configMap", { name, variable: entry.key }, entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1), entry.value);
          }
          continue;
        }
        if (literal(file, object.doc, key, pair, "configMap", { name })) continue;
        const { start, end } = contentRange(file.text, scalar);
        const reference = isTemplated(file.text, scalar) ? valuesReference(file.text.slice(start, end)) : null;
        if (reference) {
          // {{ .Values.auth.token | default "s3cr3t" }}: the template's own fallback is rendered when the value is unset
          const fallback = reference.fallback ? judgeLiteral(key, reference.fallback, file.path) : null;
          if (fallback && reference.fallback) {
            const at = file.text.indexOf(reference.fallback, start);
            report(fallback, "configMap", { name, variable: key }, at, at + reference.fallback.length, reference.fallback);
            continue;
          }
          context.share({ type: "values-reference", path: file.path, configMap: name, variable: key, valuesPath: reference.path, start, end } satisfies ValuesReferenceFact);
          continue;
        }
        placeholder(file, key, scalar, name, { start, end });
      }
    }

    // SECRET_KEY: "your-secret-key-here"   (the ConfigMap is where the real value would be filled in)
    function placeholder(file: SourceFile, key: string, scalar: Scalar, name: string, { start, end }: { start: number; end: number }): void {
      if (typeof scalar.value !== "string" || !isSecretManifestKey(key)) return;
      const value = scalar.value.trim();
      if (value.length === 0 || !isPlaceholderValue(value) || hasReference(value) || isReference(value)) return;
      if (isTemplated(file.text, scalar) || isShellExpanded(file, scalar)) return;
      context.report({
        messageId: "configMapPlaceholder",
        data: { name, variable: key },
        range: { start, end: Math.max(end, start + 1) },
        key: `configMapPlaceholder:${key}`,
        severity: "warning",
      });
    }

    function configMapGenerators(file: SourceFile, doc: Document.Parsed, map: YAMLMap<unknown, unknown>): void {
      for (const item of asSeq(doc, valueOf(doc, map, "configMapGenerator"))?.items ?? []) {
        const generator = asMap(doc, item);
        const name = scalarText(doc, valueOf(doc, generator, "name")) ?? "(unnamed)";
        for (const entry of keyValueItems(doc, file.text, valueOf(doc, generator, "literals"))) {
          const verdict = judgeLiteral(entry.key, entry.value, file.path);
          if (verdict) report(verdict, "configMapGenerator", { name, variable: entry.key }, entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1), entry.value);
        }
      }
    }

    function compose(file: SourceFile, service: ComposeService): void {
      const { doc, map } = service;
      let takesSecrets = false;
      const secrets = pairOf(doc, map, "secrets");
      if (secrets && asSeq(doc, secrets.value)?.items.length) {
        takesSecrets = true;
        shareEvidence(context, file, "secrets-in-store", rangeOf(secrets.key).start, `compose service \`${service.name}\` takes its secrets from compose \`secrets:\``);
      }
      const environment = valueOf(doc, map, "environment");
      const entries: { key: string; value: string; start: number; end: number; templated: boolean }[] = [];
      const asMapping = asMap(doc, environment);
      if (asMapping) {
        for (const pair of asMapping.items) {
          const key = keyOf(pair);
          const scalar = scalarOf(doc, pair.value);
          if (!key || !scalar || scalar.value === null || typeof scalar.value === "boolean") continue;
          const { start, end } = contentRange(file.text, scalar);
          entries.push({ key, value: String(scalar.value), start, end, templated: isTemplated(file.text, scalar) });
        }
      } else {
        for (const item of keyValueItems(doc, file.text, environment)) entries.push({ key: item.key, value: item.value, start: item.valueStart, end: item.valueEnd, templated: false });
      }
      for (const entry of entries) {
        const fallback = referenceDefault(entry.value);
        if (fallback) {
          // POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-s3cr3t}
          const verdict = judgeLiteral(entry.key, fallback.value, file.path);
          if (verdict) {
            const start = entry.start + fallback.offset;
            report(verdict, "composeDefault", { service: service.name, variable: entry.key }, start, start + Math.max(1, fallback.value.length), fallback.value);
          }
          takesSecrets ||= isSecretManifestKey(entry.key);
          continue;
        }
        const verdict = judgeLiteral(entry.key, entry.value, file.path, entry.templated);
        if (verdict) {
          takesSecrets = true;
          report(verdict, "compose", { service: service.name, variable: entry.key }, entry.start, Math.max(entry.end, entry.start + 1), entry.value);
        } else if (isSecretManifestKey(entry.key)) {
          takesSecrets = true; // a secret-named variable from `${VAR}`: the secret comes from outside the file
        }
      }
      context.share({ type: "workload", takesSecrets } satisfies WorkloadFact);
    }

    // Helm values: env lists and maps a chart renders into its containers.
    function helmValues(file: SourceFile): void {
      let runs = false;
      let takesSecrets = false;
      for (const { doc, map } of documentRoots(file)) {
        walkPairs(map, (pair) => {
          const key = keyOf(pair);
          if (!key || !VALUES_ENV_KEY.test(key)) return;
          const list = asSeq(doc, pair.value);
          const mapping = asMap(doc, pair.value);
          if (list || mapping) runs = true;
          if (list) {
            // extraEnv: [{name: DB_PASSWORD, value: x}]
            for (const item of list.items) {
              const entry = asMap(doc, item);
              const name = scalarText(doc, valueOf(doc, entry, "name"));
              const value = pairOf(doc, entry, "value");
              if (!entry || !name) continue;
              if (asMap(doc, valueOf(doc, asMap(doc, valueOf(doc, entry, "valueFrom")), "secretKeyRef"))) {
                takesSecrets = true;
                shareEvidence(context, file, "secrets-in-store", rangeOf(entry).start, `Helm values take \`${name}\` from a Secret (secretKeyRef)`);
              } else if (value && literal(file, doc, name, value, "helmValues", {})) takesSecrets = true;
            }
          } else if (mapping) {
            // env: {DB_PASSWORD: x}
            for (const entry of mapping.items) {
              const name = keyOf(entry);
              if (name && asMap(doc, entry.value) === null && literal(file, doc, name, entry, "helmValues", {})) takesSecrets = true;
            }
          }
        });
      }
      if (runs) context.share({ type: "workload", takesSecrets } satisfies WorkloadFact);
    }
  },
});
