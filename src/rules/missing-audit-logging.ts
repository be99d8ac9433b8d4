import { OPERATIONAL_ROLES } from "../core/roles.js";
import { defineRule, type SourceFile } from "../core/types.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { allBlocks } from "../analysis/manifests/hcl.js";
import { kubeObjects } from "../analysis/manifests/kubernetes.js";
import { ANCHOR_KEYWORDS, anchorsOf, strongestAnchor, type Anchor } from "../analysis/manifests/platform.js";
import { isCommentLine, linesOf } from "../analysis/manifests/text.js";
import { parseHclCached } from "../analysis/manifests/vault.js";
import { VAULT_AUDIT_COMMAND } from "../analysis/manifests/vocabulary.js";
import { asMap, asSeq, keyOf, parsedYaml, rangeOf, scalarText, valueOf, walkPairs } from "../analysis/manifests/yaml-nodes.js";

// audit "file" "to-stdout" { … }   (declarative audit devices in a server config, also inside a YAML block scalar)
const AUDIT_STANZA = /^\s*audit\s+"[\w-]+"(?:\s+"[\w/-]+")?\s*\{/;
// enabled_cluster_log_types = ["api", "audit"]   (aws_eks_cluster)   cluster_enabled_log_types = ["audit"]   (the EKS module)
const EKS_AUDIT_LOGS = /\b(?:enabled_cluster_log_types|cluster_enabled_log_types)\s*=\s*\[[^\]]*"audit"/;

/** A setting that turns audit logging off where it is configured: `server.auditStorage.enabled: false`. */
interface AuditDisabled {
  type: "audit-disabled";
  path: string;
  line: number;
  setting: string;
}

export default defineRule({
  meta: {
    id: "missing-audit-logging",
    description: "The repository keeps or serves secrets, but nothing in it enables access audit logging (a Vault audit device, or an API-server audit policy covering Secrets).",
    severity: "warning",
    recommended: true,
    scope: "project",
    keywords: ["audit", ...ANCHOR_KEYWORDS],
    checklist: ["audit-logging"],
    cwe: ["CWE-778"],
    messages: {
      disabled:
        "Audit logging is turned off here (`{{setting}}`) and nothing else in the repository enables it: Vault keeps no record of who read which secret. Set it to `true` and enable a device (`vault audit enable file file_path=/vault/audit/audit.log`).",
      missing:
        "Secrets are kept or served here ({{what}}), but nothing in the repository enables access audit logging: enable a Vault audit device (`vault audit enable file file_path=/vault/audit/audit.log`, `server.auditStorage.enabled: true` in the Vault Helm values, or an `audit` stanza in the server config), or an API-server audit policy that logs access to `secrets`.",
    },
    docs: {
      why: 'The guide\'s checklist asks for "Access audit logging enabled", and its auditing practices are to "Log all secret access attempts" and "Monitor for unauthorized access". Without an audit device Vault keeps no record of who read which secret, so a leak cannot be traced. This rule passes on a `vault audit enable` in a script, a declarative `audit` stanza or Terraform `vault_audit` resource, `server.auditStorage.enabled: true` in the Vault Helm values, a bank-vaults `externalConfig.audit` list, a Kubernetes audit `Policy` that logs `secrets`, or Terraform that enables the EKS control plane\'s `audit` log (`enabled_cluster_log_types`). Where the Vault Helm values turn audit storage off (`server.auditStorage.enabled: false`) and nothing else enables audit, the finding is on that switch; it is not applicable to a repository with no secret store, Secret, or service given secrets.',
      fix: "Enable an audit device where Vault is configured: in the bootstrap script `vault audit enable file file_path=/vault/audit/audit.log`, or with the Vault Helm chart `server.auditStorage.enabled: true` plus the `vault audit enable` step, or in Terraform `resource \"vault_audit\" \"file\" { type = \"file\" options = { file_path = \"/vault/audit/audit.log\" } }`. Ship the log to your SIEM.",
      bad: { path: "vault/bootstrap.sh", code: "vault secrets enable -path=carbon-ingestion kv-v2\nvault policy write carbon-ingestion-read vault/policies/carbon-ingestion-read.hcl\n" },
      good: { path: "vault/bootstrap.sh", code: "vault audit enable file file_path=/vault/audit/audit.log\nvault secrets enable -path=carbon-ingestion kv-v2\nvault policy write carbon-ingestion-read vault/policies/carbon-ingestion-read.hcl\n" },
    },
  },
  create(context) {
    return {
      file(file) {
        for (const anchor of anchorsOf(file)) context.share(anchor);
        // Documentation describes, and code mostly quotes (a string in a test or a rule's docs);
        // scripts and configuration enable.
        if (file.kind === "markdown" || file.kind === "python" || file.kind === "javascript") return;
        commands(file);
        if (file.kind === "hcl") hcl(file);
        // Every YAML setting that enables or turns off audit names it (auditStorage, an audit device, audit.k8s.io)
        if (file.kind === "yaml" && /audit/i.test(file.text)) yaml(file);
      },
      project(project) {
        if (emitEvidence(context, project, "audit-logging") > 0) return;
        // An explicit off switch is the problem itself, stronger than an anchor that only shows secrets are kept.
        const disabled = factsOf<AuditDisabled>(project, "audit-disabled")[0];
        if (disabled) {
          context.report({ messageId: "disabled", data: { setting: disabled.setting }, path: disabled.path, loc: { line: disabled.line }, key: "disabled" });
          return;
        }
        const anchor = strongestAnchor(factsOf<Anchor>(project, "anchor"), true);
        if (!anchor) {
          context.evidence({ checklist: "audit-logging", status: "not-applicable", message: "the repository keeps no secret store, Secret or service given secrets, so there is no secret access to audit" });
          return;
        }
        context.report({ messageId: "missing", data: { what: anchor.what }, path: anchor.path, loc: { line: anchor.line }, key: "missing" });
      },
    };

    function evidence(file: SourceFile, offset: number, message: string): void {
      shareEvidence(context, file, "audit-logging", offset, message);
    }

    function commands(file: SourceFile): void {
      if (!/audit/.test(file.text)) return;
      for (const line of linesOf(file.text)) {
        if (isCommentLine(line.text)) continue;
        const command = VAULT_AUDIT_COMMAND.exec(line.text);
        if (command) evidence(file, line.start + command.index, command[0].startsWith("/") ? "the Vault audit API enables a device" : `\`${command[0]}\` enables a Vault audit device`);
        else if (file.kind !== "hcl" && AUDIT_STANZA.test(line.text)) evidence(file, line.start, "a declarative `audit` stanza in the Vault server configuration");
      }
    }

    function hcl(file: SourceFile): void {
      for (const block of allBlocks(parseHclCached(file))) {
        if (block.type === "audit" && block.labels.length > 0) evidence(file, block.start, `a declarative \`audit "${block.labels[0]}"\` device in the Vault server configuration`);
        if (block.type === "resource" && block.labels[0] === "vault_audit") evidence(file, block.start, `Terraform enables a Vault audit device (\`vault_audit.${block.labels[1] ?? ""}\`)`);
      }
      const eks = EKS_AUDIT_LOGS.exec(file.text);
      if (eks && !isCommentLine(file.lineText(file.positionAt(eks.index).line))) {
        evidence(file, eks.index, "Terraform enables the EKS control plane's `audit` log (the API server records who read Secrets)");
      }
    }

    function yaml(file: SourceFile): void {
      for (const doc of parsedYaml(file).documents) {
        walkPairs(doc.contents, (pair, path) => {
          const key = keyOf(pair);
          if (key === "auditStorage") {
            // server: {auditStorage: {enabled: true}}   (the Vault Helm chart)
            const enabled = valueOf(doc, asMap(doc, pair.value), "enabled");
            const value = scalarText(doc, enabled);
            if (value === "true") evidence(file, rangeOf(pair.key).start, "the Vault Helm values enable audit storage (`server.auditStorage.enabled`)");
            else if (value === "false" && enabled && OPERATIONAL_ROLES.includes(file.role)) {
              const fact: AuditDisabled = { type: "audit-disabled", path: file.path, line: file.positionAt(rangeOf(enabled).start).line, setting: `${path.join(".")}.enabled: false` };
              context.share(fact);
            }
          } else if (key === "audit" && path.includes("externalConfig") && (asSeq(doc, pair.value)?.items.length ?? 0) > 0) {
            evidence(file, rangeOf(pair.key).start, "bank-vaults `externalConfig.audit` enables a Vault audit device");
          }
        });
      }
      for (const object of kubeObjects(file)) {
        if (object.kind !== "Policy" || !object.apiVersion?.startsWith("audit.k8s.io/")) continue;
        for (const item of asSeq(object.doc, valueOf(object.doc, object.map, "rules"))?.items ?? []) {
          const rule = asMap(object.doc, item);
          const level = scalarText(object.doc, valueOf(object.doc, rule, "level"));
          const text = rule ? file.text.slice(rangeOf(rule).start, rangeOf(rule).end) : "";
          if (level && level !== "None" && /\bsecrets\b/.test(text)) {
            evidence(file, rangeOf(rule).start, `the API-server audit policy logs access to Secrets at level \`${level}\``);
            break;
          }
        }
      }
    }
  },
});

