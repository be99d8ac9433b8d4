// Does a repository keep or serve secrets? The checklist items about the platform (audit
// logging, emergency procedures, auth-failure alerts) concern only repositories that do; the
// others are not-applicable. A file's "anchors" are the places that show it: a Vault config or
// policy, a Secret or secret-store object, a workload or compose service given a secret, an
// env template with secret names.

import { mayAnchorSecrets } from "../candidates.js";
import { isEnvTemplateName, basename } from "../../core/file-kinds.js";
import { OPERATIONAL_ROLES } from "../../core/roles.js";
import type { SourceFile } from "../../core/types.js";
import { dotenvView } from "../../languages/views.js";
import { isSecretLikeKey } from "../../core/vocabulary.js";
import { allBlocks } from "../../languages/hcl.js";
import { composeServices, containersIn, documentRoots, envEntries, envFromSecretRefs, isCoreKind, isHelmValuesFileName, kubeObjects } from "./kubernetes.js";
import { parseHclCached, vaultPolicies } from "./vault.js";
import { SECRET_STORE_KINDS } from "./vocabulary.js";
import { asMap, asSeq, keyOf, pairOf, rangeOf, valueOf } from "./yaml-nodes.js";

export interface Anchor {
  type: "anchor";
  /** What it is, for a message: "a Vault server configuration", "Secret `db-credentials`". */
  what: string;
  /** Lower ranks are stronger anchors: a Vault config says more about audit logging than an env template. */
  rank: number;
  vault: boolean;
  path: string;
  line: number;
}

/** Words one of which occurs in every file that can hold an anchor; rules add them to their keywords. */
export const ANCHOR_KEYWORDS: readonly string[] = ["secret", "vault", "password", "token", "credential", "key", "storage", "listener"];

/** The anchors of one file, computed once per file; none in tests, fixtures, examples, docs or vendored code. */
export function anchorsOf(file: SourceFile): readonly Anchor[] {
  if (!OPERATIONAL_ROLES.includes(file.role)) return [];
  return file.cached("manifests:anchors", () => {
    const found: Anchor[] = [];
    const add = (what: string, rank: number, vault: boolean, offset: number) =>
      found.push({ type: "anchor", what, rank, vault, path: file.path, line: file.positionAt(offset).line });
    switch (file.kind) {
      case "hcl":
        hclAnchors(file, add);
        break;
      case "yaml":
        // Most YAML names no secret at all (compiled pipelines, chart templates of plain services): never parsed here.
        if (mayAnchorSecrets(file.text, isHelmValuesFileName(file.path))) yamlAnchors(file, add);
        break;
      case "dotenv": {
        const entry = dotenvView(file).find((e) => isSecretLikeKey(e.key));
        if (entry) add(`${isEnvTemplateName(basename(file.path)) ? "the env template" : "the env file"} \`${file.path}\` (\`${entry.key}\`)`, 6, false, entry.keyStart);
        break;
      }
      case "shell":
      case "dockerfile": {
        const command = /\b(?:vault\s+(?:kv\s+put|write|secrets\s+enable|server)|kubectl\s+create\s+secret)\b/.exec(file.text);
        if (command) add(`\`${command[0]}\` in a script`, 3, command[0].startsWith("vault"), command.index);
        break;
      }
    }
    return found;
  });
}

// Keys under `server:` that only the Vault chart has together.
const VAULT_CHART_SERVER_KEYS = ["dataStorage", "auditStorage", "ha", "standalone", "dev"];

type Add = (what: string, rank: number, vault: boolean, offset: number) => void;

function hclAnchors(file: SourceFile, add: Add): void {
  const body = parseHclCached(file);
  const server = body.blocks.find((b) => b.type === "storage" || b.type === "listener" || b.type === "seal" || b.type === "ha_storage");
  if (server) add("a Vault server configuration", 0, true, server.start);
  const policy = vaultPolicies(file).find((p) => p.rules.length > 0);
  if (policy) add(`the Vault policy \`${policy.name ?? file.path}\``, 1, true, policy.rules[0]!.pathStart);
  const resource = allBlocks(body).find((b) => (b.type === "resource" || b.type === "provider") && /^vault(?:_|$)/.test(b.labels[0] ?? ""));
  if (resource) add(`the Terraform resource \`${resource.labels[0]}\``, 1, true, resource.start);
}

function yamlAnchors(file: SourceFile, add: Add): void {
  if (isHelmValuesFileName(file.path)) {
    // server: {ha: …, dataStorage: …}   (the Vault Helm chart's values)
    for (const { doc, map } of documentRoots(file)) {
      const server = pairOf(doc, map, "server");
      const serverMap = asMap(doc, server?.value);
      if (server && serverMap && VAULT_CHART_SERVER_KEYS.some((k) => pairOf(doc, serverMap, k))) add("the Vault Helm values", 0, true, rangeOf(server.key).start);
    }
  }
  for (const object of kubeObjects(file)) {
    const store = SECRET_STORE_KINDS[object.kind];
    if (store && object.apiVersion && store.group.test(object.apiVersion)) {
      add(`${object.kind} \`${object.name ?? "(templated)"}\``, object.kind.startsWith("Vault") ? 1 : 2, object.kind.startsWith("Vault"), object.kindOffset);
      continue;
    }
    if (isCoreKind(object, "Secret")) {
      // A patch that only labels or annotates a Secret kept elsewhere holds no secret of its own.
      if (object.map.has("data") || object.map.has("stringData")) add(`Secret \`${object.name ?? "(templated)"}\``, 2, false, object.kindOffset);
      continue;
    }
    for (const container of containersIn(object.doc, object.map)) {
      const ref = envEntries(object.doc, container.map).find((e) => e.secretKeyRef || isSecretLikeKey(e.name));
      const from = envFromSecretRefs(object.doc, container.map)[0];
      if (ref || from) {
        add(`${object.kind} \`${object.name ?? "(templated)"}\`, whose containers take secrets`, 4, false, ref?.offset ?? from!.offset);
        break;
      }
    }
  }
  for (const service of composeServices(file)) {
    const environment = valueOf(service.doc, service.map, "environment");
    const map = asMap(service.doc, environment);
    const keys = map
      ? map.items.flatMap((p) => {
          const key = keyOf(p);
          return key ? [{ key, offset: rangeOf(p.key).start }] : [];
        })
      : (asSeq(service.doc, environment)?.items ?? []).flatMap((item) => {
          const text = String((item as { value?: unknown }).value ?? "");
          const key = /^([A-Za-z_][\w.-]*)/.exec(text)?.[1];
          return key ? [{ key, offset: rangeOf(item).start }] : [];
        });
    const secretKey = keys.find((k) => isSecretLikeKey(k.key));
    const secrets = valueOf(service.doc, service.map, "secrets");
    if (secretKey || secrets) {
      add(`the compose service \`${service.name}\`, which takes secrets`, 5, false, secretKey?.offset ?? rangeOf(secrets).start);
    }
  }
}

/** The strongest anchor of a repository (a Vault anchor first when `preferVault`), or null when it keeps no secrets. */
export function strongestAnchor(anchors: readonly Anchor[], preferVault = false): Anchor | null {
  let best: Anchor | null = null;
  for (const anchor of anchors) {
    const score = anchor.rank - (preferVault && anchor.vault ? 10 : 0);
    const bestScore = best ? best.rank - (preferVault && best.vault ? 10 : 0) : Infinity;
    if (score < bestScore) best = anchor;
  }
  return best;
}
