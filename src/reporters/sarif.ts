import type { Finding, RuleDescriptor, ScanResult, Severity } from "../core/types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
// GitHub code scanning ranks security alerts by this CVSS-like score.
const SECURITY_SEVERITY: Record<Severity, string> = { error: "8.0", warning: "5.0", info: "2.0" };

export interface SarifOptions {
  /** Where the rules' docs pages live (…/docs/rules/); each rule's helpUri is <base><id>.md. */
  docsBaseUrl?: string;
  /**
   * Why the scan did not run. The run says it failed, with this as an error notification, under a
   * category of its own: an upload of it must not replace the last real analysis and close its alerts.
   */
  failure?: string;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function reportingDescriptor(rule: RuleDescriptor, options: SarifOptions) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: rule.help, markdown: rule.help },
    ...(options.docsBaseUrl ? { helpUri: `${options.docsBaseUrl}${rule.id}.md` } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "secrets", ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      precision: "high",
      "security-severity": SECURITY_SEVERITY[rule.severity],
      checklist: rule.checklist,
    },
  };
}

function sarifResult(finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.path), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: Math.max(finding.endLine, finding.line),
            endColumn: Math.max(finding.endLine > finding.line ? 1 : finding.column, finding.endColumn),
            ...(finding.snippet ? { snippet: { text: finding.snippet } } : {}),
          },
        },
      },
    ],
    // Stable across line moves, so code scanning keeps one alert per secret.
    partialFingerprints: { "carbonSecretLint/v1": finding.fingerprint },
    properties: {
      checklist: finding.checklist,
      role: finding.role,
      ...(finding.secret ? { redactedSecret: finding.secret } : {}),
      ...(finding.commit ? { commit: finding.commit } : {}),
      ...(finding.confidence ? { confidence: finding.confidence } : {}),
    },
  };
}

/** SARIF 2.1.0 for GitHub code scanning: one reportingDescriptor per rule that ran, the checklist as run properties. */
export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  const rules = [...result.rules];
  // The engine describes every id it reports; a result built by hand may not: describe the rest from the finding.
  for (const finding of result.findings) {
    if (!rules.some((r) => r.id === finding.ruleId)) {
      rules.push({ id: finding.ruleId, description: finding.message, severity: finding.severity, checklist: [], cwe: [], help: finding.message });
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            semanticVersion: result.tool.version,
            version: result.tool.version,
            rules: rules.map((rule) => reportingDescriptor(rule, options)),
          },
        },
        automationDetails: { id: `carbon-secret-lint/${options.failure === undefined ? result.scope : "failed"}/` },
        columnKind: "utf16CodeUnits",
        results: result.findings.map((f) => sarifResult(f, rules.findIndex((r) => r.id === f.ruleId))),
        invocations: [
          {
            executionSuccessful: options.failure === undefined,
            toolExecutionNotifications: [
              ...(options.failure === undefined ? [] : [notification(options.failure, undefined, "error")]),
              ...result.notices.map((n) => notification(n.message, n.path)),
              ...result.stats.skipped.map((s) => notification(`skipped: ${s.reason}`, s.path)),
            ],
          },
        ],
        properties: { checklist: result.checklist, stats: result.stats },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function notification(text: string, path?: string, level: "error" | "note" = "note") {
  return {
    level,
    message: { text },
    ...(path ? { locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(path), uriBaseId: "%SRCROOT%" } } }] } : {}),
  };
}

/**
 * A relative path as a URI reference: encodeURI leaves `#` and `?` alone, which would cut the
 * path into a fragment or a query, and `[`/`]`, which URIs allow only around IPv6 hosts.
 */
export function relativeUri(path: string): string {
  return encodeURI(path).replace(/[#?[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
