import { defineRule, type SourceFile } from "../core/types.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { ANCHOR_KEYWORDS, anchorsOf, strongestAnchor, type Anchor } from "../analysis/manifests/platform.js";
import { AUTH_FAILURE_SIGNAL } from "../analysis/manifests/vocabulary.js";
import { parsedYaml, rangeOf, scalarText, valueOf, walkMaps } from "../analysis/manifests/yaml-nodes.js";

/** A file that holds alerting rules, none of them on authentication failures. */
interface AlertsFact {
  type: "alerts";
  path: string;
  line: number;
  count: number;
}

export default defineRule({
  meta: {
    id: "missing-auth-failure-alerts",
    description: "The repository keeps or serves secrets, but no alerting rule (Prometheus rule file, PrometheusRule, Loki ruler) fires on authentication failures.",
    severity: "warning",
    recommended: true,
    scope: "project",
    kinds: ["yaml", "hcl", "dotenv", "shell", "dockerfile"],
    keywords: ["alert", ...ANCHOR_KEYWORDS],
    checklist: ["auth-failure-alerts"],
    cwe: ["CWE-778", "CWE-307"],
    messages: {
      missingAmongRules:
        "None of the {{count}} alerting rules in this file covers authentication failures, though the repository keeps or serves secrets: add one, e.g. `alert: VaultLoginFailures` on `increase(vault_core_handle_login_request_count{error!=\"\"}[5m]) > 5`, or on HTTP 401/403 rates.",
      missing:
        "Secrets are kept or served here ({{what}}), but no alerting rule fires on authentication failures: add a PrometheusRule (or rule file) alerting on failed logins, 401/403 rates or SASL authentication errors.",
    },
    docs: {
      why: 'The guide\'s checklist asks for "Monitoring alerts configured for auth failures"; its auditing practices say "Alert on failed authentication attempts", and after every rotation "Monitor for authentication errors". A failed login is the first sign of a leaked, expired or half-rotated credential. This rule passes on an alerting rule (a map with `alert:` and `expr:`, in a `PrometheusRule`, a Prometheus or Loki rule file, or chart values) whose name, expression, labels or annotations are about authentication failures: failed logins, `unauthorized`, 401/403 responses, invalid credentials or tokens, permission denied, SASL authentication errors, Vault login request errors. Recording rules are not alerts. It is not applicable to a repository that keeps no secret store, Secret or service given secrets.',
      fix: "Add an alerting rule next to the others, for example in a `PrometheusRule`: `alert: IngestionAuthFailures`, `expr: sum(rate(http_requests_total{job=\"ingest\",code=~\"401|403\"}[5m])) > 1`, `for: 10m`, with a `runbook_url` to the emergency rotation runbook.",
      bad: {
        path: "deploy/monitoring/ingest-rules.yaml",
        code: "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ingest\nspec:\n  groups:\n    - name: ingest\n      rules:\n        - alert: IngestHighLatency\n          expr: histogram_quantile(0.99, sum(rate(ingest_duration_seconds_bucket[5m])) by (le)) > 2\n",
      },
      good: {
        path: "deploy/monitoring/ingest-rules.yaml",
        code: "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ingest\nspec:\n  groups:\n    - name: ingest\n      rules:\n        - alert: IngestAuthFailures\n          expr: sum(rate(http_requests_total{job=\"ingest\",code=~\"401|403\"}[5m])) > 1\n          for: 10m\n          labels:\n            severity: page\n",
      },
    },
  },
  create(context) {
    return {
      file(file) {
        for (const anchor of anchorsOf(file)) context.share(anchor);
        if (file.kind === "yaml" && /alert/.test(file.text)) alerts(file);
      },
      project(project) {
        if (emitEvidence(context, project, "auth-failure-alerts") > 0) return;
        const anchor = strongestAnchor(factsOf<Anchor>(project, "anchor"));
        if (!anchor) {
          context.evidence({ checklist: "auth-failure-alerts", status: "not-applicable", message: "the repository keeps no secret store, Secret or service given secrets, so there is no authentication to watch" });
          return;
        }
        const rules = factsOf<AlertsFact>(project, "alerts")[0];
        if (rules) context.report({ messageId: "missingAmongRules", data: { count: rules.count }, path: rules.path, loc: { line: rules.line }, key: "missing" });
        else context.report({ messageId: "missing", data: { what: anchor.what }, path: anchor.path, loc: { line: anchor.line }, key: "missing" });
      },
    };

    // - alert: VaultLoginFailures
    //   expr: increase(vault_core_handle_login_request_count{error!=""}[5m]) > 5
    function alerts(file: SourceFile): void {
      let first: number | null = null;
      let count = 0;
      let covered = false;
      for (const doc of parsedYaml(file).documents) {
        walkMaps(doc.contents, (map) => {
          const alert = scalarText(doc, valueOf(doc, map, "alert"));
          if (!alert || valueOf(doc, map, "expr") === undefined) return;
          const { start, end } = rangeOf(map);
          first ??= start;
          count++;
          if (AUTH_FAILURE_SIGNAL.test(alert) || AUTH_FAILURE_SIGNAL.test(file.text.slice(start, end))) {
            covered = true;
            shareEvidence(context, file, "auth-failure-alerts", start, `the alerting rule \`${alert}\` fires on authentication failures`);
          }
        });
      }
      if (first !== null && !covered) {
        context.share({ type: "alerts", path: file.path, line: file.positionAt(first).line, count } satisfies AlertsFact);
      }
    }
  },
});
