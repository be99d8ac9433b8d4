// Vault policies wherever a repository keeps them, with offsets:
//   vault/policies/app-read.hcl                    path "…" { capabilities = […] }   (named by the file)
//   vault policy write app-read - <<EOF … EOF      (a script's heredoc, named by the command)
//   resource "vault_policy" "x" { name = "…" policy = <<EOT … EOT }   (Terraform)
//   data "vault_policy_document" "x" { rule { path = "…" capabilities = […] } }
// and the commands that name a policy file: `vault policy write app-read policies/app.hcl`.

import { basename } from "../../core/file-kinds.js";
import type { SourceFile } from "../../core/types.js";
import { allBlocks, attribute, attributeText, parseHcl, stringList, type HclBody, type HclValue } from "../../languages/hcl.js";

export interface PolicyRule {
  path: string;
  pathStart: number;
  pathEnd: number;
  capabilities: string[];
  /** Offsets of the capabilities list (the finding's place for a capability). */
  capabilitiesStart: number;
  capabilitiesEnd: number;
}

export interface VaultPolicy {
  /** The policy's name: from a command, a Terraform `name`, or the file's name; null when none says. */
  name: string | null;
  rules: PolicyRule[];
  start: number;
}

/** `vault policy write <name> <file>`: a name given to a policy kept in another file. */
export interface PolicyBinding {
  name: string;
  file: string; // as written in the command
}

const POLICY_WRITE = /\b(?:vault|bao)[ \t]+policy[ \t]+write[ \t]+(?:-[\w-]+(?:=\S+)?[ \t]+)*([\w.@/-]+)[ \t]+(-|[^\s;&|<>]+)(?:[ \t]*<<-?[ \t]*['"]?([A-Za-z_]\w*)['"]?)?/g;

/** Every policy of a file, computed once per file. */
export function vaultPolicies(file: SourceFile): readonly VaultPolicy[] {
  return file.cached("manifests:vault-policies", () => (file.kind === "hcl" ? hclPolicies(file) : commandPolicies(file.text)));
}

export function policyBindings(file: SourceFile): readonly PolicyBinding[] {
  return file.cached("manifests:vault-policy-bindings", () => {
    const bindings: PolicyBinding[] = [];
    if (file.kind === "hcl") {
      // resource "vault_policy" "x" { name = "app-read"  policy = file("${path.module}/policies/app.hcl") }
      for (const block of parseHclCached(file).blocks) {
        if (block.type !== "resource" || block.labels[0] !== "vault_policy") continue;
        const name = attributeText(block.body, "name") ?? block.labels[1];
        const policy = attribute(block.body, "policy")?.value;
        const fileArg = policy && policy.type === "other" ? /file\(\s*"([^"]+)"\s*\)/.exec(file.text.slice(policy.start, policy.end))?.[1] : undefined;
        if (name && fileArg) bindings.push({ name, file: fileArg.replace(/^\$\{[^}]*\}\//, "") });
      }
      return bindings;
    }
    for (const match of file.text.matchAll(POLICY_WRITE)) {
      if (match[2] && match[2] !== "-" && match[1]) bindings.push({ name: match[1], file: match[2] });
    }
    return bindings;
  });
}

export function parseHclCached(file: SourceFile): HclBody {
  return file.cached("manifests:hcl", () => parseHcl(file.text));
}

function hclPolicies(file: SourceFile): VaultPolicy[] {
  const body = parseHclCached(file);
  const policies: VaultPolicy[] = [];
  // A policy file: top-level `path` blocks, named by the file (app-read.hcl → app-read).
  const topLevel = rulesOf(body);
  if (topLevel.length > 0) policies.push({ name: basename(file.path).replace(/\.(?:hcl|json)$/, ""), rules: topLevel, start: 0 });
  for (const block of allBlocks(body)) {
    if (block.type === "resource" && block.labels[0] === "vault_policy") {
      const policy = attribute(block.body, "policy")?.value;
      if (policy?.type === "heredoc" || policy?.type === "string") {
        const name = attributeText(block.body, "name") ?? block.labels[1] ?? null;
        policies.push({ name, rules: rulesOf(parseHcl(file.text, policy.start, policy.end)), start: block.start });
      }
    } else if (block.type === "data" && block.labels[0] === "vault_policy_document") {
      // rule { path = "secret/*" capabilities = ["read"] }
      const rules: PolicyRule[] = [];
      for (const rule of block.body.blocks.filter((b) => b.type === "rule")) {
        const path = attribute(rule.body, "path")?.value;
        const caps = attribute(rule.body, "capabilities")?.value;
        if (path?.type === "string") rules.push(ruleFrom(path.value, path.start, path.end, caps));
      }
      policies.push({ name: block.labels[1] ?? null, rules, start: block.start });
    }
  }
  return policies;
}

/** `vault policy write app-read - <<EOF` heredocs in scripts, CI steps and Dockerfiles. */
function commandPolicies(text: string): VaultPolicy[] {
  if (!/policy\s+write/.test(text)) return [];
  const policies: VaultPolicy[] = [];
  for (const match of text.matchAll(POLICY_WRITE)) {
    const delimiter = match[3];
    if (match[2] !== "-" || !delimiter || !match[1]) continue;
    const bodyStart = text.indexOf("\n", match.index) + 1;
    if (bodyStart === 0) continue;
    const bodyEnd = heredocBodyEnd(text, bodyStart, delimiter);
    policies.push({ name: match[1], rules: rulesOf(parseHcl(text, bodyStart, bodyEnd)), start: match.index });
  }
  return policies;
}

function heredocBodyEnd(text: string, start: number, delimiter: string): number {
  let line = start;
  while (line < text.length) {
    const newline = text.indexOf("\n", line);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(line, end).trim() === delimiter) return line;
    line = end + 1;
  }
  return text.length;
}

function rulesOf(body: HclBody): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const block of body.blocks) {
    if (block.type !== "path" || block.labels.length === 0) continue;
    const label = block.labels[0]!;
    // The label's offsets: the first string token after `path`.
    const caps = attribute(block.body, "capabilities")?.value;
    rules.push(ruleFrom(label, block.start, block.start + 4 + label.length + 3, caps));
  }
  return rules;
}

function ruleFrom(path: string, pathStart: number, pathEnd: number, caps: HclValue | undefined): PolicyRule {
  return {
    path,
    pathStart,
    pathEnd,
    capabilities: stringList(caps).map((c) => c.toLowerCase()),
    capabilitiesStart: caps?.start ?? pathStart,
    capabilitiesEnd: caps?.end ?? pathEnd,
  };
}
