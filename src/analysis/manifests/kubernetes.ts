// Kubernetes objects, compose services and Helm values, recognised in the shared YAML parse.
// Objects are found by apiVersion/kind in every document (plain, kustomize, Helm templates,
// `kind: List`); compose files by name or shape; Helm values by name. A shell script's manifests are
// the heredocs it hands to kubectl (embedded.ts), with offsets in the script.

import { isScalar, type Document, type Pair, type YAMLMap } from "yaml";
import { basename } from "../../core/file-kinds.js";
import type { SourceFile } from "../../core/types.js";
import { manifestDocuments } from "./embedded.js";
import { CONTAINER_LIST_KEYS } from "./vocabulary.js";
import { asMap, asSeq, at, keyOf, pairOf, rangeOf, scalarText, valueOf, walkPairs } from "./yaml-nodes.js";

export interface KubeObject {
  doc: Document.Parsed;
  map: YAMLMap<unknown, unknown>;
  /** As written; null when templated or missing. */
  apiVersion: string | null;
  kind: string;
  name: string | null;
  /** Offset of the `kind:` key: reports about the whole object start on that line. */
  kindOffset: number;
}

const TEMPLATE_FILLER = /^_+$/; // a Helm template masked by the YAML adapter

/** Every Kubernetes object of a YAML file, computed once per file. */
export function kubeObjects(file: SourceFile): readonly KubeObject[] {
  return file.cached("manifests:kube-objects", () => {
    const objects: KubeObject[] = [];
    for (const doc of manifestDocuments(file)) collectObjects(doc, doc.contents, objects, 0);
    return objects;
  });
}

function collectObjects(doc: Document.Parsed, node: unknown, into: KubeObject[], depth: number): void {
  const map = asMap(doc, node);
  if (!map || depth > 2) return;
  const kindPair = pairOf(doc, map, "kind");
  const kind = kindPair ? scalarText(doc, kindPair.value) : null;
  if (!kindPair || !kind || TEMPLATE_FILLER.test(kind)) return;
  const apiVersionText = scalarText(doc, valueOf(doc, map, "apiVersion"));
  const apiVersion = apiVersionText && !TEMPLATE_FILLER.test(apiVersionText) ? apiVersionText : null;
  if (apiVersionText === null && !pairOf(doc, map, "apiVersion")) return; // `kind:` alone is not an object
  if (kind === "List" || kind.endsWith("List")) {
    for (const item of asSeq(doc, valueOf(doc, map, "items"))?.items ?? []) collectObjects(doc, item, into, depth + 1);
    return;
  }
  const nameText = scalarText(doc, at(doc, map, "metadata", "name"));
  into.push({
    doc,
    map,
    apiVersion,
    kind,
    name: nameText && !TEMPLATE_FILLER.test(nameText) ? nameText : null,
    kindOffset: rangeOf(kindPair.key).start,
  });
}

/** `apiVersion: v1` (or a templated one) with this kind: the core API's Secret, ConfigMap. */
export function isCoreKind(object: KubeObject, kind: string): boolean {
  return object.kind === kind && (object.apiVersion === null || object.apiVersion === "v1");
}

export interface Container {
  map: YAMLMap<unknown, unknown>;
  name: string;
  /** Where the container's map starts (its `- name:` line). */
  offset: number;
}

/** Containers anywhere in a node: pod specs of every workload kind, CRDs that embed pod templates, Helm values. */
export function containersIn(doc: Document.Parsed, node: unknown): Container[] {
  const found: Container[] = [];
  walkPairs(node, (pair) => {
    const key = keyOf(pair);
    if (!key || !CONTAINER_LIST_KEYS.includes(key)) return;
    for (const item of asSeq(doc, pair.value)?.items ?? []) {
      const map = asMap(doc, item);
      if (!map) continue;
      found.push({ map, name: scalarText(doc, valueOf(doc, map, "name")) ?? "(unnamed)", offset: rangeOf(map).start });
    }
  });
  return found;
}

export interface EnvEntry {
  name: string;
  /** The `value:` pair, when the entry sets a literal. */
  valuePair: Pair<unknown, unknown> | undefined;
  /** `valueFrom.secretKeyRef`, when the entry takes a Secret's key. */
  secretKeyRef: YAMLMap<unknown, unknown> | null;
  offset: number;
}

/** `env:` entries of a container: `- name: DB_PASSWORD` with `value:` or `valueFrom:`. */
export function envEntries(doc: Document.Parsed, container: YAMLMap<unknown, unknown>): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const item of asSeq(doc, valueOf(doc, container, "env"))?.items ?? []) {
    const map = asMap(doc, item);
    const name = map ? scalarText(doc, valueOf(doc, map, "name")) : null;
    if (!map || !name) continue;
    entries.push({
      name,
      valuePair: pairOf(doc, map, "value"),
      secretKeyRef: asMap(doc, at(doc, map, "valueFrom", "secretKeyRef")),
      offset: rangeOf(map).start,
    });
  }
  return entries;
}

/** `envFrom: [{secretRef: {name: x}}]` entries of a container, with their offsets. */
export function envFromSecretRefs(doc: Document.Parsed, container: YAMLMap<unknown, unknown>): { name: string; offset: number }[] {
  const refs: { name: string; offset: number }[] = [];
  for (const item of asSeq(doc, valueOf(doc, container, "envFrom"))?.items ?? []) {
    const ref = asMap(doc, valueOf(doc, asMap(doc, item), "secretRef"));
    if (ref) refs.push({ name: scalarText(doc, valueOf(doc, ref, "name")) ?? "(templated)", offset: rangeOf(item).start });
  }
  return refs;
}

/** `docker-compose.yml`, `compose.prod.yaml`, `docker-compose.override.yml`. */
export function isComposeFileName(path: string): boolean {
  return /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}

export interface ComposeService {
  name: string;
  map: YAMLMap<unknown, unknown>;
  doc: Document.Parsed;
}

/** The services of a compose file: by name, or by shape (`services:` whose entries have `image` or `build`). */
export function composeServices(file: SourceFile): readonly ComposeService[] {
  return file.cached("manifests:compose-services", () => {
    const services: ComposeService[] = [];
    const byName = isComposeFileName(file.path);
    for (const doc of manifestDocuments(file)) {
      const root = asMap(doc, doc.contents);
      if (!root || pairOf(doc, root, "apiVersion")) continue;
      const entries = asMap(doc, valueOf(doc, root, "services"));
      if (!entries) continue;
      const shaped = entries.items.length > 0 && entries.items.every((pair) => {
        const service = asMap(doc, pair.value);
        return service !== null && (pairOf(doc, service, "image") !== undefined || pairOf(doc, service, "build") !== undefined);
      });
      if (!byName && !shaped) continue;
      for (const pair of entries.items) {
        const name = keyOf(pair);
        const map = asMap(doc, pair.value);
        if (name && map) services.push({ name, map, doc });
      }
    }
    return services;
  });
}

/** Helm values files: `values.yaml`, `values-prod.yaml`, `values.staging.yml`. */
export function isHelmValuesFileName(path: string): boolean {
  return /^values(?:[.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}

/** A `kustomization.yaml`, by name. */
export function isKustomizationFileName(path: string): boolean {
  return /^kustomization\.ya?ml$/i.test(basename(path));
}

/** The root map of each document of a YAML file, for shapes that are not Kubernetes objects. */
export function documentRoots(file: SourceFile): { doc: Document.Parsed; map: YAMLMap<unknown, unknown> }[] {
  const roots: { doc: Document.Parsed; map: YAMLMap<unknown, unknown> }[] = [];
  for (const doc of manifestDocuments(file)) {
    const map = asMap(doc, doc.contents);
    if (map) roots.push({ doc, map });
  }
  return roots;
}

/** `KEY=value` items of a list (compose `environment`, kustomize `literals`), with the value's offsets. */
export function keyValueItems(doc: Document.Parsed, text: string, node: unknown): { key: string; value: string; keyStart: number; valueStart: number; valueEnd: number }[] {
  const items: { key: string; value: string; keyStart: number; valueStart: number; valueEnd: number }[] = [];
  for (const item of asSeq(doc, node)?.items ?? []) {
    if (!isScalar(item) || typeof item.value !== "string") continue;
    const match = /^([A-Za-z_][\w.-]*)=/.exec(item.value);
    if (!match?.[1]) continue;
    const { start, end } = rangeOf(item);
    const quoted = item.type === "QUOTE_DOUBLE" || item.type === "QUOTE_SINGLE";
    const contentStart = quoted ? start + 1 : start;
    const contentEnd = quoted ? end - 1 : end;
    // The written text matches the value when there are no escapes, which KEY=value items rarely have.
    const written = text.slice(contentStart, contentEnd);
    const valueStart = written.startsWith(match[0]) ? contentStart + match[0].length : contentStart;
    items.push({ key: match[1], value: item.value.slice(match[0].length), keyStart: contentStart, valueStart, valueEnd: Math.max(valueStart, contentEnd) });
  }
  return items;
}
