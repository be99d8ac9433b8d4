import type { Rule } from "./types.js";
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
    "## Why",
    "",
    meta.docs.why,
    "",
    "## How to fix",
    "",
    meta.docs.fix,
    "",
    "## Bad",
    "",
    `\`${meta.docs.bad.path}\``,
    "",
    "```" + docsFenceFor(meta.docs.bad.path),
    meta.docs.bad.code.trimEnd(),
    "```",
    "",
    "## Good",
    "",
    `\`${meta.docs.good.path}\``,
    "",
    "```" + docsFenceFor(meta.docs.good.path),
    meta.docs.good.code.trimEnd(),
    "```",
    "",
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
