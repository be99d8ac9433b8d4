import { basename } from "../core/file-kinds.js";
import { defineRule, type SourceFile } from "../core/types.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { policyBindings, vaultPolicies, type PolicyRule, type VaultPolicy } from "../analysis/manifests/vault.js";
import { KV_V2_SEGMENTS, READ_ONLY_POLICY_NAME, WRITE_CAPABILITIES } from "../analysis/manifests/vocabulary.js";

/** A policy file's write grants, for names that other files give it (`vault policy write app-read policies/app.hcl`). */
interface PolicyFileFact {
  type: "policy-file";
  path: string;
  name: string;
  writes: { path: string; capabilities: string[]; start: number; end: number; line: number }[];
}

interface BindingFact {
  type: "binding";
  name: string;
  file: string;
}

export default defineRule({
  meta: {
    id: "vault-policy-too-broad",
    description: "A Vault policy that grants a wildcard over a whole mount or all of Vault, grants `sudo`, or writes while it is named or used as read-only.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["hcl", "shell", "yaml", "dockerfile"],
    keywords: ["capabilities", "policy"],
    checklist: ["secrets-in-store"],
    cwe: ["CWE-250", "CWE-732"],
    messages: {
      wildcardPath: "Vault policy `{{policy}}` grants {{capabilities}} on `{{path}}`, which reaches {{reach}}: scope it to this service's own path (like `carbon-ingestion/data/production/*`).",
      sudo: "Vault policy `{{policy}}` grants `sudo` on `{{path}}`: root-protected endpoints belong in a separate admin policy, not in a service's.",
      writeInReadOnly: "Vault policy `{{policy}}` is named read-only but grants {{capabilities}} on `{{path}}`: keep it to `read` and `list`, and give writers their own policy.",
    },
    options: {
      minPathDepth: {
        type: "integer",
        minimum: 1,
        default: 2,
        description: "How many literal path segments (not counting KV v2's `data/` and `metadata/`) a wildcard path needs: `secret/*` has one.",
      },
      adminPolicies: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Names of admin or break-glass policies that may hold `sudo` and broad paths.",
      },
    },
    docs: {
      why: 'The guide asks for the "Principle of Least Privilege": "Grant minimum necessary permissions", "Use separate credentials for each service", "Implement read-only credentials where possible", and "Separate admin and service credentials". Its own policy is the model: `carbon-ingestion-read` grants `["read", "list"]` on `carbon-ingestion/data/production/*` only. A policy on `*` or a whole mount (`secret/*`) lets one leaked token read every team\'s secrets in every environment; `sudo` opens root-protected endpoints; a "read" policy that can write lets a reader replace a credential. Paths whose capabilities are `deny` are not reported.',
      fix: "Grant each service's policy only its own path, for one environment, with the capabilities it uses: `path \"carbon-ingestion/data/production/*\" { capabilities = [\"read\", \"list\"] }`. Move `sudo` and `sys/*` grants into an admin policy listed in `adminPolicies`, and give writers a policy of their own.",
      bad: { path: "vault/policies/carbon-ingestion-read.hcl", code: 'path "secret/*" {\n  capabilities = ["create", "read", "update", "delete", "list"]\n}\n' },
      good: { path: "vault/policies/carbon-ingestion-read.hcl", code: 'path "carbon-ingestion/data/production/*" {\n  capabilities = ["read", "list"]\n}\n' },
    },
  },
  create(context) {
    const minDepth = context.options.minPathDepth;
    const admin = new Set(context.options.adminPolicies);

    return {
      file(file) {
        for (const binding of policyBindings(file)) context.share({ type: "binding", name: binding.name, file: binding.file } satisfies BindingFact);
        for (const policy of vaultPolicies(file)) check(file, policy);
      },
      project(project) {
        const bindings = factsOf<BindingFact>(project, "binding");
        for (const fact of factsOf<PolicyFileFact>(project, "policy-file")) {
          // vault policy write carbon-ingestion-read vault/policies/ingest.hcl: the file is used as a read-only policy.
          const names = bindings.filter((b) => basename(b.file) === basename(fact.path)).map((b) => b.name);
          const readOnly = names.find((n) => READ_ONLY_POLICY_NAME.test(n) && !admin.has(n));
          if (!readOnly || READ_ONLY_POLICY_NAME.test(fact.name)) continue;
          for (const write of fact.writes) {
            context.report({
              messageId: "writeInReadOnly",
              data: { policy: readOnly, capabilities: list(write.capabilities), path: write.path },
              path: fact.path,
              range: { start: write.start, end: write.end },
              loc: { line: write.line },
              key: `${readOnly}:${write.path}:write`,
            });
          }
        }
        emitEvidence(context, project, "secrets-in-store");
      },
    };

    function check(file: SourceFile, policy: VaultPolicy): void {
      const name = policy.name ?? basename(file.path);
      const isAdmin = admin.has(name);
      const readOnly = READ_ONLY_POLICY_NAME.test(name);
      const writes: PolicyFileFact["writes"] = [];
      let clean = true;
      for (const rule of policy.rules) {
        if (rule.capabilities.includes("deny") || rule.capabilities.length === 0) continue;
        const granted = rule.capabilities.filter((c) => WRITE_CAPABILITIES.includes(c));
        if (!isAdmin && /[*+]/.test(rule.path)) {
          const depth = literalSegments(rule.path);
          if (depth < minDepth) {
            clean = false;
            const reach = depth === 0 ? "every path in Vault" : `the whole \`${rule.path.split("/")[0]}/\` mount`;
            report(rule, "wildcardPath", { policy: name, capabilities: list(rule.capabilities), path: rule.path, reach }, "path");
          }
        }
        if (!isAdmin && rule.capabilities.includes("sudo")) {
          clean = false;
          report(rule, "sudo", { policy: name, path: rule.path }, "capabilities");
        }
        if (granted.length > 0) {
          writes.push({ path: rule.path, capabilities: granted, start: rule.capabilitiesStart, end: rule.capabilitiesEnd, line: file.positionAt(rule.capabilitiesStart).line });
          if (readOnly && !isAdmin) {
            clean = false;
            report(rule, "writeInReadOnly", { policy: name, capabilities: list(granted), path: rule.path }, "capabilities");
          }
        }
      }
      if (file.kind === "hcl" && policy.start === 0 && writes.length > 0) context.share({ type: "policy-file", path: file.path, name, writes } satisfies PolicyFileFact);
      const first = policy.rules[0];
      if (clean && first) {
        shareEvidence(context, file, "secrets-in-store", first.pathStart, `Vault policy \`${name}\` grants ${list(first.capabilities)} on \`${first.path}\`${policy.rules.length > 1 ? ` and ${policy.rules.length - 1} more path${policy.rules.length > 2 ? "s" : ""}` : ""}`);
      }
    }

    function report(rule: PolicyRule, messageId: string, data: Record<string, string>, at: "path" | "capabilities"): void {
      const range = at === "path" ? { start: rule.pathStart, end: rule.pathEnd } : { start: rule.capabilitiesStart, end: rule.capabilitiesEnd };
      context.report({ messageId, data, range, key: `${data.policy}:${rule.path}:${messageId}` });
    }
  },
});

/** Literal segments of a policy path: `secret/data/ingest/*` has two (KV v2's `data/` does not narrow it). */
function literalSegments(path: string): number {
  return path.split("/").filter((segment) => segment.length > 0 && !/[*+]/.test(segment) && !KV_V2_SEGMENTS.includes(segment)).length;
}

function list(capabilities: readonly string[]): string {
  return capabilities.map((c) => `\`${c}\``).join(", ");
}
