import type { DiagnosticMeta, Rule, RuleDocs } from "./types.js";
import { CHECKLIST } from "./checklist.js";
import { docsFenceFor } from "./file-kinds.js";

/** A rule's documentation page, generated from its metadata (docs/rules/<id>.md and --explain). */
export function renderRuleDoc(rule: Rule): string {
  const { meta } = rule;
  const items = meta.checklist.map((id) => `\`${id}\` (${CHECKLIST.find((c) => c.id === id)?.title ?? id})`);
  const lines = [
    `# ${meta.id}`,
    "",
    meta.description,
    "",
    `- Default severity: \`${meta.severity}\`${meta.recommended ? " (in `recommended`)" : " (only in `strict`)"}`,
    `- Checklist: ${items.join("; ")}`,
    `- Scope: ${meta.scope === "project" ? "the whole repository" : `each file${meta.kinds ? ` (${meta.kinds.join(", ")})` : ""}`}`,
    ...(meta.cwe?.length ? [`- CWE: ${meta.cwe.join(", ")}`] : []),
    "",
    ...docSections(meta.docs),
    "## Options",
    "",
  ];
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) lines.push("None.");
  else {
    lines.push("| option | default | meaning |", "| --- | --- | --- |");
    for (const [name, schema] of options) lines.push(`| \`${name}\` | \`${JSON.stringify(schema.default)}\` | ${schema.description} |`);
  }
  lines.push(
    "",
    "## Suppressing",
    "",
    `\`# carbon-secret-lint-disable-next-line ${meta.id} -- why this is safe\` on the line above, in the file's comment syntax.`,
    "",
  );
  return lines.join("\n");
}

/** The page of an engine diagnostic (a problem with a suppression comment), docs/rules/<id>.md like a rule's. */
export function renderDiagnosticDoc(meta: DiagnosticMeta): string {
  return [
    `# ${meta.id}`,
    "",
    meta.description,
    "",
    `- Severity: \`${meta.severity}\`, reported by the engine whatever the preset (${meta.enabledBy})`,
    "- Checklist: none (it is about the scan's own configuration)",
    "",
    ...docSections(meta.docs),
  ].join("\n");
}

function docSections(docs: RuleDocs): string[] {
  return [
    "## Why",
    "",
    docs.why,
    "",
    "## How to fix",
    "",
    docs.fix,
    "",
    ...example("Bad", docs.bad),
    ...example("Good", docs.good),
  ];
}

function example(title: string, { path, code }: RuleDocs["bad"]): string[] {
  return [`## ${title}`, "", `\`${path}\``, "", "```" + docsFenceFor(path), code.trimEnd(), "```", ""];
}
