import { defineRule } from "../core/types.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { ANCHOR_KEYWORDS, anchorsOf, strongestAnchor, type Anchor } from "../analysis/manifests/platform.js";
import { emergencySections } from "../analysis/manifests/runbooks.js";

export default defineRule({
  meta: {
    id: "missing-emergency-procedures",
    description: "The repository keeps or serves secrets, but no runbook documents an emergency rotation or break-glass procedure.",
    severity: "warning",
    recommended: true,
    scope: "project",
    keywords: ["emergenc", "break-glass", "break glass", "breakglass", "compromis", "leak", "exposed", "incident", ...ANCHOR_KEYWORDS],
    checklist: ["emergency-procedures"],
    cwe: ["CWE-1059"],
    messages: {
      missing:
        "Secrets are kept or served here ({{what}}), but no runbook documents what to do when one leaks: add a section such as `## Emergency rotation` with the steps to rotate and revoke each credential, and `## Break-glass access` with how to reach Vault when normal access fails.",
    },
    docs: {
      why: 'The guide\'s checklist asks for "Emergency procedures documented": "Document emergency rotation procedures", "Maintain break-glass access procedures", "Keep backup admin credentials in secure location". When a credential leaks, nobody should be working out the steps for the first time. This rule passes on a document section whose heading names an emergency, a compromise, a leak, an incident or break-glass access, and whose body is a procedure (numbered steps or commands) that rotates, revokes or breaks glass. A list that only says procedures should exist (like the guide\'s own "Emergency Procedures" bullets) is not one. It is not applicable to a repository that keeps no secret store, Secret or service given secrets.',
      fix: "Write the runbook next to the platform code (for example `docs/runbooks/secrets-emergency.md`): a `## Emergency rotation` section with numbered steps (`vault kv put …` with the new value, `kubectl annotate vaultstaticsecret … secrets.hashicorp.com/refresh=…`, `kubectl rollout restart …`, revoke the old credential at the provider) and a `## Break-glass access` section saying who holds the backup admin credentials, where, and how their use is audited.",
      bad: { path: "docs/secrets.md", code: "## Emergency Procedures\n\n- Document emergency rotation procedures\n- Maintain break-glass access procedures\n" },
      good: {
        path: "docs/runbooks/secrets-emergency.md",
        code: "## Emergency rotation of a leaked credential\n\n1. Generate a new credential at the provider.\n2. Store it: `vault kv put carbon-ingestion/production/connectors caiso_api_key=…`\n3. Refresh and restart: `kubectl rollout restart deployment -n carbon-ingestion`\n4. Revoke the old credential and check the audit log for its use.\n",
      },
    },
  },
  create(context) {
    return {
      file(file) {
        for (const anchor of anchorsOf(file)) context.share(anchor);
        if (file.kind !== "markdown" && file.kind !== "text") return;
        for (const { section, kind } of emergencySections(file.text)) {
          shareEvidence(context, file, "emergency-procedures", section.start, `the runbook section "${section.heading.replace(/[`*_]/g, "")}" documents ${kind}`);
        }
      },
      project(project) {
        if (emitEvidence(context, project, "emergency-procedures") > 0) return;
        const anchor = strongestAnchor(factsOf<Anchor>(project, "anchor"));
        if (!anchor) {
          context.evidence({ checklist: "emergency-procedures", status: "not-applicable", message: "the repository keeps no secret store, Secret or service given secrets, so there is no credential to rotate in an emergency" });
          return;
        }
        context.report({ messageId: "missing", data: { what: anchor.what }, path: anchor.path, loc: { line: anchor.line }, key: "missing" });
      },
    };
  },
});
