// The shapes every part of the pipeline shares: rules, files, findings, results.
export const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
export const CHECKLIST_IDS = [
    "secrets-in-store",
    "no-secrets-in-source",
    "env-gitignored",
    "encrypted-at-rest",
    "tls-in-transit",
    "rotation-automated",
    "audit-logging",
    "emergency-procedures",
    "startup-validation",
    "auth-failure-alerts",
];
/** The families a file is read as; a rule names the kinds it applies to. */
export const FILE_KINDS = [
    "dotenv",
    "yaml",
    "json",
    "python",
    "javascript", // TypeScript and JavaScript alike
    "dockerfile",
    "shell",
    "ini", // ini, cfg, conf
    "toml",
    "properties",
    "xml",
    "hcl",
    "markdown",
    "gitignore",
    "text",
];
export function defineRule(rule) {
    return rule;
}
