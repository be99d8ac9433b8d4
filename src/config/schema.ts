import { DEFAULT_ROLE_SEVERITY, ROLE_DESCRIPTIONS, ROLES } from "../core/roles.js";
import { CHECKLIST_IDS, type Rule } from "../core/types.js";

const SEVERITY = { enum: ["off", "info", "warning", "error"], description: "off, info, warning or error" };
const FAIL_ON = { enum: ["error", "warning", "info", "none"] };
const GLOBS = { type: "array", items: { type: "string", minLength: 1 }, description: "gitignore-style patterns, relative to the scan root" };

/**
 * The JSON Schema of `.carbon-secret-lint.yaml`: the core keys plus each rule's options,
 * taken from the rules' metadata. `schema/carbon-secret-lint.schema.json` is generated from it.
 */
export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleEntries = Object.fromEntries(
    rules.map((rule) => {
      const options = {
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([key, schema]) => [key, schema])),
      };
      return [
        rule.meta.id,
        {
          description: rule.meta.description,
          oneOf: [
            SEVERITY,
            { type: "object", additionalProperties: false, properties: { severity: SEVERITY, options } },
          ],
        },
      ];
    }),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://carbon-secret-lint.dev/schema/carbon-secret-lint.schema.json",
    title: "carbon-secret-lint configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      extends: {
        description: "Presets to start from, applied in order: recommended, strict.",
        oneOf: [{ enum: ["recommended", "strict"] }, { type: "array", items: { enum: ["recommended", "strict"] } }],
      },
      rules: { type: "object", additionalProperties: false, properties: ruleEntries, description: "Per-rule severity and options." },
      include: { ...GLOBS, description: "Only files matching one of these are scanned (gitignore-style patterns)." },
      exclude: { ...GLOBS, description: "Files matching one of these are not scanned (gitignore-style patterns)." },
      failOn: { ...FAIL_ON, description: "The lowest severity that fails the run (exit 1)." },
      maxFileSize: {
        description: "Files larger than this are skipped for content rules (bytes, or a size like 5MB).",
        oneOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)$" }],
      },
      allowlist: {
        type: "object",
        additionalProperties: false,
        properties: {
          fingerprints: { type: "array", items: { type: "string", pattern: "^[0-9a-f]{32}$" }, description: "Findings to accept, by fingerprint." },
          values: { type: "array", items: { type: "string" }, description: "Literal values that are known not to be secrets." },
          paths: { ...GLOBS, description: "Files whose findings are accepted." },
        },
      },
      patterns: {
        type: "array",
        description: "Custom secret formats, run on RE2 (linear time in the text); backreferences and lookaround are refused.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "pattern"],
          properties: {
            id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
            description: { type: "string" },
            pattern: { type: "string", minLength: 1 },
            keywords: { type: "array", items: { type: "string", minLength: 1 } },
            severity: { enum: ["info", "warning", "error"] },
          },
        },
      },
      requiredSecrets: { type: "array", items: { type: "string" }, description: "Names that count as secrets when a service reads them (default: the guide's KAFKA_BOOTSTRAP_SERVERS, CLICKHOUSE_DSN, REDIS_URL); services[].required must be validated even when no code reads them." },
      services: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["path"],
          properties: { path: { type: "string" }, entry: { type: "string" }, required: { type: "array", items: { type: "string" } } },
        },
      },
      rotation: {
        type: "object",
        additionalProperties: false,
        description: "Maximum age in days per secret type; the guide's table is the default.",
        properties: Object.fromEntries(
          ["apiKeys", "databasePasswords", "serviceCertificates", "adminCredentials"].map((k) => [k, { type: "integer", minimum: 1 }]),
        ),
      },
      checklist: {
        type: "object",
        additionalProperties: false,
        properties: { skip: { type: "array", items: { enum: [...CHECKLIST_IDS] }, description: "Items this repository does not enforce." } },
      },
      reportUnusedSuppressions: { type: "boolean", description: "Report suppression comments that silence nothing." },
      roles: {
        type: "object",
        additionalProperties: false,
        description: "What files are for, and how loudly each kind reports. A file's role comes from its path (tests, fixtures, examples, docs, CI, local setups, vendored code, else deployable); `paths` gives files a role, the first role listed whose globs match wins. `severity` caps the findings of file rules in that role; `off` reports nothing there, except credentials that look live in tests and examples (as warnings).",
        properties: Object.fromEntries(
          ROLES.map((role) => [
            role,
            {
              type: "object",
              additionalProperties: false,
              description: ROLE_DESCRIPTIONS[role],
              properties: {
                paths: { ...GLOBS, description: `Files that are ${role} whatever their path says (gitignore-style patterns).` },
                severity: { enum: ["off", "info", "warning", "error"], description: `The highest severity a finding in a ${role} file gets (default: ${DEFAULT_ROLE_SEVERITY[role]}).` },
              },
            },
          ]),
        ),
      },
    },
  };
}
