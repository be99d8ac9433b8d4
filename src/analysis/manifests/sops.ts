// A SOPS configuration (`.sops.yaml`): which files each creation rule encrypts, and for which
// age recipients, with the place each recipient is written. PGP fingerprints, KMS ARNs and
// Vault transit URIs are other kinds of keys: they are not read here.
//
//   creation_rules:
//     - path_regex: secrets/.*\.yaml$
//       age: age1…, age1…                 # a comma-separated string
//     - path_regex: terraform/.*\.tfvars$
//       key_groups:
//         - age:
//             - age1…                     # a list per key group

import { isSeq } from "yaml";
import { basename } from "../../core/file-kinds.js";
import type { SourceFile } from "../../core/types.js";
import { AGE_RECIPIENT, isAgeRecipient } from "../age-keys.js";
import { asMap, asSeq, parsedYaml, rangeOf, resolve, scalarText, valueOf } from "./yaml-nodes.js";

export interface SopsRecipient {
  recipient: string;
  start: number;
  end: number;
}

export interface SopsCreationRule {
  /** The rule's `path_regex` (or the older `filename_regex`); null when the rule applies to every file. */
  pathRegex: string | null;
  /** Where the rule starts (its first key). */
  start: number;
  recipients: SopsRecipient[];
}

/** `.sops.yaml` (and `.sops.yml`), the files SOPS looks for from the encrypted file's folder upwards. */
export function isSopsConfig(path: string): boolean {
  return /^\.sops\.ya?ml$/.test(basename(path));
}

export function sopsCreationRules(file: SourceFile): SopsCreationRule[] {
  return file.cached("manifests:sops-creation-rules", () => readCreationRules(file));
}

function readCreationRules(file: SourceFile): SopsCreationRule[] {
  const rules: SopsCreationRule[] = [];
  for (const doc of parsedYaml(file).documents) {
    const root = asMap(doc, doc.contents);
    const list = asSeq(doc, valueOf(doc, root, "creation_rules"));
    if (!list) continue;
    for (const item of list.items) {
      const rule = asMap(doc, item);
      if (!rule) continue;
      const pathRegex = scalarText(doc, valueOf(doc, rule, "path_regex")) ?? scalarText(doc, valueOf(doc, rule, "filename_regex"));
      const recipients = recipientsIn(file.text, doc, valueOf(doc, rule, "age"));
      for (const group of asSeq(doc, valueOf(doc, rule, "key_groups"))?.items ?? []) {
        recipients.push(...recipientsIn(file.text, doc, valueOf(doc, asMap(doc, group), "age")));
      }
      rules.push({ pathRegex, start: rangeOf(rule).start, recipients });
    }
  }
  return rules;
}

type Doc = Parameters<typeof resolve>[0];

/** The age recipients of an `age:` value: a comma-separated string, or a list of them. */
function recipientsIn(text: string, doc: Doc, node: unknown): SopsRecipient[] {
  const target = resolve(doc, node);
  if (target === undefined || target === null) return [];
  if (isSeq(target)) return target.items.flatMap((item) => recipientsIn(text, doc, item));
  if (scalarText(doc, target) === null) return [];
  const { start, end } = rangeOf(target);
  const found: SopsRecipient[] = [];
  for (const match of text.slice(start, end).matchAll(AGE_RECIPIENT)) {
    if (isAgeRecipient(match[0])) found.push({ recipient: match[0], start: start + match.index, end: start + match.index + match[0].length });
  }
  return found;
}
