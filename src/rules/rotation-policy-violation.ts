import { defineRule, type SourceFile } from "../core/types.js";
import { describeHours, durationHours } from "../analysis/manifests/durations.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { allBlocks, attribute, attributeText, type HclValue } from "../analysis/manifests/hcl.js";
import { containersIn, kubeObjects, type KubeObject } from "../analysis/manifests/kubernetes.js";
import { linesOf, isCommentLine } from "../analysis/manifests/text.js";
import { parseHclCached } from "../analysis/manifests/vault.js";
import { CERT_MANAGER_DEFAULT_DURATION_HOURS } from "../analysis/manifests/vocabulary.js";
import { asMap, at, isTemplated, keyOf as keyOfPair, pairOf, pairRange, rangeOf, scalarText, valueOf } from "../analysis/manifests/yaml-nodes.js";

interface RotationFact {
  type: "rotation";
}

/** The guide's table, in days, as the config resolves it (`rotation:` overrides each entry). */
interface Policy {
  apiKeys: number;
  databasePasswords: number;
  serviceCertificates: number;
  adminCredentials: number;
}

// vault write database/roles/ingest db_name=clickhouse default_ttl=1h max_ttl=24h
// vault write pki_int/roles/internal allowed_domains=svc ttl=720h
const VAULT_WRITE_ROLE = /\b(?:vault|bao)\s+write\s+(?:-[\w-]+(?:=\S+)?\s+)*((?:[\w-]+\/)*?)(roles|static-roles)\/([\w.-]+)/;
const VAULT_PARAMETER = /(?:^|\s)(default_ttl|rotation_period|ttl|max_ttl)=["']?([\w.]+)["']?/g;

export default defineRule({
  meta: {
    id: "rotation-policy-violation",
    description: "Certificates, Vault roles and secret syncs that break the rotation policy: lifetimes above the guide's table, no renewBefore, no refresh of synced secrets.",
    severity: "warning",
    recommended: true,
    scope: "file",
    kinds: ["yaml", "hcl", "shell", "dockerfile"],
    keywords: ["certificate", "vaultstaticsecret", "vaultdynamicsecret", "externalsecret", "ttl", "rotation_period", "rotat"],
    checklist: ["rotation-automated"],
    cwe: ["CWE-324"],
    messages: {
      certDuration: "Certificate `{{name}}` lives {{actual}} (`duration: {{setting}}`), longer than the {{policy}} the rotation policy allows for service certificates: set `duration: {{hours}}h` or less.",
      certDefaultDuration: "Certificate `{{name}}` sets no `duration`, so cert-manager issues it for 90 days, longer than the {{policy}} the rotation policy allows for service certificates: set `duration: {{hours}}h` or less.",
      certNoRenewBefore: "Certificate `{{name}}` has no `renewBefore`: set it (e.g. `renewBefore: {{renew}}h`) so the automated renewal point is explicit and reviewed.",
      vssNoRefresh: "VaultStaticSecret `{{name}}` has no `refreshAfter`: a value rotated in Vault never reaches the cluster. Set `refreshAfter` (e.g. `1h`).",
      esNoRefresh: "{{kind}} `{{name}}` has `refreshInterval: {{setting}}`, which syncs once and never again: a rotated value never reaches the cluster. Set an interval such as `1h`.",
      dbTtl: "Vault database role `{{name}}` keeps credentials for {{actual}} (`{{parameter}}`), longer than the {{policy}} the rotation policy allows for database passwords.",
      pkiTtl: "Vault PKI role `{{name}}` issues certificates for {{actual}} (`{{parameter}}`), longer than the {{policy}} the rotation policy allows for service certificates.",
    },
    options: {
      requireRenewBefore: { type: "boolean", default: true, description: "Report cert-manager Certificates without `renewBefore` (or `renewBeforePercentage`)." },
      requireRefreshAfter: { type: "boolean", default: true, description: "Report VaultStaticSecrets without `refreshAfter` (or `syncConfig.instantUpdates`)." },
    },
    docs: {
      why: 'The guide\'s checklist asks for a "Rotation schedule defined and automated", and its table sets the schedule: API keys every 90 days, database passwords every 60, service certificates every 30 (automated), admin credentials every 30. A cert-manager Certificate that lives longer than 30 days (cert-manager\'s default is 90), a VaultStaticSecret that never refreshes (the guide\'s rotation procedure relies on the operator picking up the new value), an ExternalSecret with `refreshInterval: 0`, or a Vault database role whose credentials outlive 60 days breaks that schedule. The table is the default policy; `rotation:` in the config overrides it.',
      fix: "Set `duration` within the policy and an explicit `renewBefore` on each Certificate; give VaultStaticSecrets a `refreshAfter`; give ExternalSecrets a non-zero `refreshInterval`; keep Vault database roles' `default_ttl` and static roles' `rotation_period` within the policy for database passwords. To change the policy, set `rotation: { serviceCertificates: 45 }` (days) in `.carbon-secret-lint.yaml`.",
      bad: { path: "deploy/k8s/ingest-certificate.yaml", code: "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ingest-mtls\nspec:\n  secretName: ingest-mtls\n  duration: 8760h\n  issuerRef:\n    name: internal-ca\n    kind: ClusterIssuer\n  dnsNames:\n    - ingest.carbon-ingestion.svc\n" },
      good: { path: "deploy/k8s/ingest-certificate.yaml", code: "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ingest-mtls\nspec:\n  secretName: ingest-mtls\n  duration: 720h\n  renewBefore: 240h\n  issuerRef:\n    name: internal-ca\n    kind: ClusterIssuer\n  dnsNames:\n    - ingest.carbon-ingestion.svc\n" },
    },
  },
  create(context) {
    const policy = context.settings.rotation as unknown as Policy;
    const requireRenewBefore = context.options.requireRenewBefore;
    const requireRefreshAfter = context.options.requireRefreshAfter;
    const certHours = policy.serviceCertificates * 24;
    const dbHours = policy.databasePasswords * 24;

    return {
      file(file) {
        let relevant = false;
        if (file.kind === "yaml") {
          for (const object of kubeObjects(file)) relevant = kube(file, object) || relevant;
        } else if (file.kind === "hcl") {
          relevant = terraform(file);
        }
        if (file.kind !== "hcl") relevant = vaultCommands(file) || relevant;
        if (relevant) context.share({ type: "rotation" } satisfies RotationFact);
      },
      project(project) {
        if (emitEvidence(context, project, "rotation-automated") > 0 || factsOf<RotationFact>(project, "rotation").length > 0) return;
        if (!project.files.some((f) => f.kind === "yaml" || f.kind === "hcl")) {
          context.evidence({ checklist: "rotation-automated", status: "not-applicable", message: "the repository has no manifests or Vault configuration, so no rotation is configured in it" });
        }
      },
    };

    function evidence(file: SourceFile, offset: number, message: string): void {
      shareEvidence(context, file, "rotation-automated", offset, message);
    }

    /** Returns whether the object concerns rotation. */
    function kube(file: SourceFile, object: KubeObject): boolean {
      const { doc, map } = object;
      const name = object.name ?? "(templated)";
      const spec = asMap(doc, valueOf(doc, map, "spec"));
      const group = object.apiVersion ?? "";
      if (object.kind === "Certificate" && (group.startsWith("cert-manager.io/") || object.apiVersion === null)) {
        const durationPair = pairOf(doc, spec, "duration");
        const templated = durationPair !== undefined && isTemplated(file.text, durationPair.value);
        const written = durationPair ? scalarText(doc, durationPair.value) : null;
        const hours = durationPair ? durationHours(written) : CERT_MANAGER_DEFAULT_DURATION_HOURS;
        let ok = true;
        const base = { name, policy: describeHours(certHours), hours: String(certHours) };
        if (!templated && hours !== null && hours > certHours) {
          ok = false;
          if (durationPair) context.report({ messageId: "certDuration", data: { ...base, actual: describeHours(hours), setting: written ?? "" }, range: pairRange(durationPair), key: `${name}:duration` });
          else context.report({ messageId: "certDefaultDuration", data: base, range: kindRange(object), key: `${name}:duration` });
        }
        const renew = pairOf(doc, spec, "renewBefore") ?? pairOf(doc, spec, "renewBeforePercentage");
        if (!renew && requireRenewBefore) {
          ok = false;
          const lifetime = hours ?? certHours;
          context.report({ messageId: "certNoRenewBefore", data: { name, renew: String(Math.max(1, Math.round(Math.min(lifetime, certHours) / 3))) }, range: kindRange(object), key: `${name}:renewBefore` });
        }
        if (ok) {
          const renewal = renew ? `${keyOfPair(renew)} ${scalarText(doc, renew.value) ?? "(templated)"}` : "";
          evidence(file, object.kindOffset, `Certificate \`${name}\` is renewed automatically (duration ${written ?? "(templated)"}, ${renewal})`);
        }
        return true;
      }
      if (object.kind === "VaultStaticSecret" && group.startsWith("secrets.hashicorp.com/")) {
        const refresh = scalarText(doc, valueOf(doc, spec, "refreshAfter"));
        const instant = scalarText(doc, at(doc, spec, "syncConfig", "instantUpdates")) === "true";
        if (!refresh && !instant && requireRefreshAfter) {
          context.report({ messageId: "vssNoRefresh", data: { name }, range: kindRange(object), key: `${name}:refreshAfter` });
        } else if (refresh || instant) {
          evidence(file, object.kindOffset, `VaultStaticSecret \`${name}\` picks up rotated values (${refresh ? `refreshAfter ${refresh}` : "instant updates"})`);
        }
        return true;
      }
      if ((object.kind === "ExternalSecret" || object.kind === "ClusterExternalSecret") && group.startsWith("external-secrets.io/")) {
        const target = object.kind === "ClusterExternalSecret" ? asMap(doc, valueOf(doc, spec, "externalSecretSpec")) : spec;
        const pair = pairOf(doc, target, "refreshInterval");
        const interval = pair ? scalarText(doc, pair.value) : null;
        if (pair && interval !== null && durationHours(interval) === 0) {
          context.report({ messageId: "esNoRefresh", data: { kind: object.kind, name, setting: interval }, range: pairRange(pair), key: `${name}:refreshInterval` });
        } else {
          evidence(file, object.kindOffset, `${object.kind} \`${name}\` refreshes every ${interval ?? "1h (the default)"}`);
        }
        return true;
      }
      if (object.kind === "VaultDynamicSecret" && group.startsWith("secrets.hashicorp.com/")) {
        evidence(file, object.kindOffset, `VaultDynamicSecret \`${name}\` leases short-lived credentials that Vault rotates`);
        return true;
      }
      if (object.kind === "CronJob" && (/rotat/i.test(name) || containersIn(doc, map).some((c) => /rotat/i.test(file.text.slice(rangeOf(c.map).start, rangeOf(c.map).end))))) {
        evidence(file, object.kindOffset, `CronJob \`${name}\` rotates credentials on a schedule${scheduleOf(object)}`);
        return true;
      }
      return false;
    }

    function scheduleOf(object: KubeObject): string {
      const schedule = scalarText(object.doc, at(object.doc, object.map, "spec", "schedule"));
      return schedule ? ` (\`${schedule}\`)` : "";
    }

    function kindRange(object: KubeObject): { start: number; end: number } {
      return { start: object.kindOffset, end: object.kindOffset + 4 };
    }

    // resource "vault_database_secret_backend_role" "ingest" { default_ttl = 3600 }
    function terraform(file: SourceFile): boolean {
      let relevant = false;
      for (const block of allBlocks(parseHclCached(file))) {
        if (block.type !== "resource") continue;
        const type = block.labels[0] ?? "";
        const name = attributeText(block.body, "name") ?? block.labels[1] ?? type;
        const checks: [string, number, string, string][] =
          type === "vault_database_secret_backend_role"
            ? [["default_ttl", dbHours, "dbTtl", policy.databasePasswords + " days"]]
            : type === "vault_database_secret_backend_static_role"
              ? [["rotation_period", dbHours, "dbTtl", policy.databasePasswords + " days"]]
              : type === "vault_pki_secret_backend_role"
                ? [["ttl", certHours, "pkiTtl", policy.serviceCertificates + " days"]]
                : [];
        if (checks.length === 0) continue;
        relevant = true;
        for (const [parameter, limit, messageId] of checks) {
          const found = attribute(block.body, parameter);
          const hours = found ? hclHours(found.value) : null;
          if (!found || hours === null) continue;
          if (hours > limit) {
            context.report({
              messageId,
              data: { name, parameter, actual: describeHours(hours), policy: describeHours(limit) },
              range: { start: found.nameStart, end: found.value.end },
              key: `${name}:${parameter}`,
            });
          } else {
            evidence(file, found.nameStart, `Vault role \`${name}\` keeps \`${parameter}\` within the policy (${describeHours(hours)})`);
          }
        }
      }
      return relevant;
    }

    function vaultCommands(file: SourceFile): boolean {
      if (!/\bwrite\b/.test(file.text)) return false;
      let relevant = false;
      const lines = linesOf(file.text);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (isCommentLine(line.text)) continue;
        const command = VAULT_WRITE_ROLE.exec(line.text);
        if (!command) continue;
        let text = line.text;
        for (let j = i + 1; j < Math.min(lines.length, i + 30) && /\\\s*$/.test(lines[j - 1]!.text); j++) text += " " + lines[j]!.text;
        const mount = command[1] ?? "";
        const name = command[3]!;
        const database = /database/i.test(mount) || command[2] === "static-roles";
        const pki = /pki/i.test(mount);
        if (!database && !pki) continue;
        relevant = true;
        for (const parameter of text.matchAll(VAULT_PARAMETER)) {
          const key = parameter[1]!;
          const hours = durationHours(parameter[2]!);
          if (hours === null) continue;
          const [limit, messageId] = database ? [dbHours, "dbTtl"] : [certHours, "pkiTtl"];
          if ((database && key !== "default_ttl" && key !== "rotation_period") || (pki && key !== "ttl")) continue;
          if (hours > limit) {
            const at = line.text.search(/\bwrite\b/);
            context.report({
              messageId,
              data: { name, parameter: `${key}=${parameter[2]}`, actual: describeHours(hours), policy: describeHours(limit) },
              range: { start: line.start + at, end: line.start + at + 5 },
              key: `${name}:${key}`,
            });
          } else {
            evidence(file, line.start, `Vault role \`${name}\` keeps \`${key}\` within the policy (${describeHours(hours)})`);
          }
        }
      }
      return relevant;
    }
  },
});

function hclHours(value: HclValue): number | null {
  if (value.type === "number") return durationHours(value.value);
  if (value.type === "string") return durationHours(value.value);
  return null;
}
