import { createHash } from "node:crypto";
import { defineRule, type SourceFile } from "../core/types.js";
import { parseKeyValueLines } from "../languages/dotenv.js";
import { dotenvView } from "../languages/views.js";
import { tomlAssignments } from "../languages/toml.js";
import { yamlAssignments } from "../languages/yaml-assignments.js";
import { environmentOf } from "../analysis/manifests/environments.js";
import { factsOf } from "../core/facts.js";
import { isCoreKind, kubeObjects } from "../analysis/manifests/kubernetes.js";
import { judgeLiteral } from "../analysis/manifests/literals.js";
import { judgeSecretEntry, secretEntries } from "../analysis/manifests/secret-data.js";
import { LOCAL_ENVIRONMENTS } from "../analysis/manifests/vocabulary.js";
import { parsedYaml } from "../analysis/manifests/yaml-nodes.js";

/** One secret value seen in one environment's configuration: where, under which name, and its hash (never the value). */
interface ValueFact {
  type: "value";
  environment: string;
  path: string;
  line: number;
  column: number;
  start: number;
  end: number;
  key: string;
  hash: string;
}

interface Candidate {
  key: string;
  value: string;
  start: number;
  end: number;
}

export default defineRule({
  meta: {
    id: "shared-env-credentials",
    description: "The same secret value appears in the configuration of two environments (configs/environments/<env>/, overlays/<env>/, values-<env>.yaml, .env.<env>).",
    severity: "error",
    recommended: true,
    scope: "project",
    kinds: ["dotenv", "yaml", "json", "toml", "ini", "properties"],
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-798", "CWE-1391"],
    messages: {
      shared: "`{{key}}` in {{environment}} has the same value as {{others}}: the guide forbids shared credentials between environments. Give {{environment}} its own credential, kept in its own store path, and rotate both.",
    },
    options: {
      localEnvironments: {
        type: "array",
        items: { type: "string" },
        default: [...LOCAL_ENVIRONMENTS],
        description: "Environments where a throwaway credential may repeat: a value shared only among these is not reported.",
      },
    },
    docs: {
      why: 'The guide\'s "Separation of Concerns" asks for "Different secrets for different environments" and "No shared credentials between environments", and its development setup says "Use different credentials than production". When staging and production share a password, a leak of the weaker environment opens the stronger one, and neither can be rotated alone. Values are compared by SHA-256 hash; no value is kept or printed. Placeholders, references (`${DB_PASSWORD}`) and values shared only among development, local, test and CI are not reported.',
      fix: "Generate a separate credential for each environment, store each under its environment's path (`carbon-ingestion/staging/…`, `carbon-ingestion/production/…` in Vault), reference it from the manifests, and rotate the value that was shared. Remove the literal values from the configuration files.",
      bad: { path: "configs/environments/production/app.env", code: "CLICKHOUSE_PASSWORD=Tg7pW2qLx9vR4mZs\n# and configs/environments/staging/app.env has the same value\n" },
      good: { path: "configs/environments/production/app.env", code: "CLICKHOUSE_PASSWORD=${CLICKHOUSE_PASSWORD}\n# the value comes from Vault: carbon-ingestion/production/databases\n" },
    },
  },
  create(context) {
    const local = new Set(context.options.localEnvironments);
    return {
      file(file) {
        const environment = environmentOf(file.path);
        if (!environment) return;
        for (const candidate of candidatesOf(file)) {
          const position = file.positionAt(candidate.start);
          context.share({
            type: "value",
            environment,
            path: file.path,
            line: position.line,
            column: position.column,
            start: candidate.start,
            end: candidate.end,
            key: candidate.key,
            hash: createHash("sha256").update(candidate.value).digest("hex"),
          } satisfies ValueFact);
        }
      },
      project(project) {
        const byHash = new Map<string, ValueFact[]>();
        for (const fact of factsOf<ValueFact>(project, "value")) byHash.set(fact.hash, [...(byHash.get(fact.hash) ?? []), fact]);
        for (const facts of byHash.values()) {
          const environments = new Set(facts.map((f) => f.environment));
          if (environments.size < 2 || [...environments].every((e) => local.has(e))) continue;
          for (const fact of facts) {
            const others = facts.filter((f) => f.environment !== fact.environment);
            const shown = others.slice(0, 3).map((f) => `${f.environment} (\`${f.key}\` at ${f.path}:${f.line})`);
            if (others.length > 3) shown.push(`${others.length - 3} more`);
            const secret = project.read(fact.path)?.text.slice(fact.start, fact.end);
            context.report({
              messageId: "shared",
              data: { key: fact.key, environment: fact.environment, others: shown.join(", ") },
              path: fact.path,
              range: { start: fact.start, end: fact.end },
              loc: { line: fact.line, column: fact.column },
              ...(secret ? { secret } : {}),
              key: `${fact.key}:${fact.hash}`,
            });
          }
        }
      },
    };
  },
});

/** The secret values of one configuration file, with the offsets of the value as written. */
function candidatesOf(file: SourceFile): Candidate[] {
  const found: Candidate[] = [];
  const add = (key: string, value: string, start: number, end: number, templated = false) => {
    if (judgeLiteral(key, value, file.path, templated)) found.push({ key, value, start, end });
  };
  switch (file.kind) {
    case "dotenv":
      for (const e of dotenvView(file)) add(e.key, e.value, e.valueStart, e.valueEnd, e.templated);
      break;
    case "yaml": {
      // Secret data are secrets whatever their key is called; compare what the program sees (decoded).
      const seen = new Set<number>();
      for (const object of kubeObjects(file)) {
        if (!isCoreKind(object, "Secret")) continue;
        for (const entry of secretEntries(file.text, object)) {
          seen.add(entry.start);
          if (judgeSecretEntry(entry) === "secret" && entry.decoded !== null) found.push({ key: entry.key, value: entry.decoded.trim(), start: entry.start, end: entry.end });
        }
      }
      const assignments = file.cached("manifests:yaml-assignments", () => yamlAssignments(parsedYaml(file), file.text, { source: "yaml" }));
      for (const a of assignments) if (!seen.has(a.valueStart)) add(a.key, a.value, a.valueStart, a.valueEnd, a.templated);
      break;
    }
    case "json": {
      const assignments = file.cached("manifests:json-assignments", () => yamlAssignments(parsedYaml(file), file.text, { source: "json" }));
      for (const a of assignments) add(a.key, a.value, a.valueStart, a.valueEnd, a.templated);
      break;
    }
    case "toml":
      for (const a of file.cached("manifests:toml-assignments", () => tomlAssignments(file.text))) add(a.key, a.value, a.valueStart, a.valueEnd, a.templated);
      break;
    case "ini":
    case "properties":
      for (const e of file.cached("manifests:key-value-lines", () => parseKeyValueLines(file.text, 0, file.text.length))) add(e.key, e.value, e.valueStart, e.valueEnd, e.templated);
      break;
  }
  return found;
}
