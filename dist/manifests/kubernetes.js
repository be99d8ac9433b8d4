// Kubernetes objects, compose services and Helm values, recognised in the shared YAML parse.
// Objects are found by apiVersion/kind in every document (plain, kustomize, Helm templates,
// `kind: List`); compose files by name or shape; Helm values by name.
import { isScalar } from "yaml";
import { basename } from "../engine/classify.js";
import { CONTAINER_LIST_KEYS } from "./vocabulary.js";
import { asMap, asSeq, at, keyOf, pairOf, parsedYaml, rangeOf, scalarText, valueOf, walkPairs } from "./yaml-nodes.js";
const TEMPLATE_FILLER = /^_+$/; // a Helm template masked by the YAML adapter
/** Every Kubernetes object of a YAML file, computed once per file. */
export function kubeObjects(file) {
    return file.cached("manifests:kube-objects", () => {
        const objects = [];
        for (const doc of parsedYaml(file).documents)
            collectObjects(doc, doc.contents, objects, 0);
        return objects;
    });
}
function collectObjects(doc, node, into, depth) {
    const map = asMap(doc, node);
    if (!map || depth > 2)
        return;
    const kindPair = pairOf(doc, map, "kind");
    const kind = kindPair ? scalarText(doc, kindPair.value) : null;
    if (!kindPair || !kind || TEMPLATE_FILLER.test(kind))
        return;
    const apiVersionText = scalarText(doc, valueOf(doc, map, "apiVersion"));
    const apiVersion = apiVersionText && !TEMPLATE_FILLER.test(apiVersionText) ? apiVersionText : null;
    if (apiVersionText === null && !pairOf(doc, map, "apiVersion"))
        return; // `kind:` alone is not an object
    if (kind === "List" || kind.endsWith("List")) {
        for (const item of asSeq(doc, valueOf(doc, map, "items"))?.items ?? [])
            collectObjects(doc, item, into, depth + 1);
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
export function isCoreKind(object, kind) {
    return object.kind === kind && (object.apiVersion === null || object.apiVersion === "v1");
}
/** Containers anywhere in a node: pod specs of every workload kind, CRDs that embed pod templates, Helm values. */
export function containersIn(doc, node) {
    const found = [];
    walkPairs(node, (pair) => {
        const key = keyOf(pair);
        if (!key || !CONTAINER_LIST_KEYS.includes(key))
            return;
        for (const item of asSeq(doc, pair.value)?.items ?? []) {
            const map = asMap(doc, item);
            if (!map)
                continue;
            found.push({ map, name: scalarText(doc, valueOf(doc, map, "name")) ?? "(unnamed)", offset: rangeOf(map).start });
        }
    });
    return found;
}
/** `env:` entries of a container: `- name: DB_PASSWORD` with `value:` or `valueFrom:`. */
export function envEntries(doc, container) {
    const entries = [];
    for (const item of asSeq(doc, valueOf(doc, container, "env"))?.items ?? []) {
        const map = asMap(doc, item);
        const name = map ? scalarText(doc, valueOf(doc, map, "name")) : null;
        if (!map || !name)
            continue;
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
export function envFromSecretRefs(doc, container) {
    const refs = [];
    for (const item of asSeq(doc, valueOf(doc, container, "envFrom"))?.items ?? []) {
        const ref = asMap(doc, valueOf(doc, asMap(doc, item), "secretRef"));
        if (ref)
            refs.push({ name: scalarText(doc, valueOf(doc, ref, "name")) ?? "(templated)", offset: rangeOf(item).start });
    }
    return refs;
}
/** `docker-compose.yml`, `compose.prod.yaml`, `docker-compose.override.yml`. */
export function isComposeFileName(path) {
    return /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}
/** The services of a compose file: by name, or by shape (`services:` whose entries have `image` or `build`). */
export function composeServices(file) {
    return file.cached("manifests:compose-services", () => {
        const services = [];
        const byName = isComposeFileName(file.path);
        for (const doc of parsedYaml(file).documents) {
            const root = asMap(doc, doc.contents);
            if (!root || pairOf(doc, root, "apiVersion"))
                continue;
            const entries = asMap(doc, valueOf(doc, root, "services"));
            if (!entries)
                continue;
            const shaped = entries.items.length > 0 && entries.items.every((pair) => {
                const service = asMap(doc, pair.value);
                return service !== null && (pairOf(doc, service, "image") !== undefined || pairOf(doc, service, "build") !== undefined);
            });
            if (!byName && !shaped)
                continue;
            for (const pair of entries.items) {
                const name = keyOf(pair);
                const map = asMap(doc, pair.value);
                if (name && map)
                    services.push({ name, map, doc });
            }
        }
        return services;
    });
}
/** Helm values files: `values.yaml`, `values-prod.yaml`, `values.staging.yml`. */
export function isHelmValuesFileName(path) {
    return /^values(?:[.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}
/** A `kustomization.yaml`, by name. */
export function isKustomizationFileName(path) {
    return /^kustomization\.ya?ml$/i.test(basename(path));
}
/** The root map of each document of a YAML file, for shapes that are not Kubernetes objects. */
export function documentRoots(file) {
    const roots = [];
    for (const doc of parsedYaml(file).documents) {
        const map = asMap(doc, doc.contents);
        if (map)
            roots.push({ doc, map });
    }
    return roots;
}
/** `KEY=value` items of a list (compose `environment`, kustomize `literals`), with the value's offsets. */
export function keyValueItems(doc, text, node) {
    const items = [];
    for (const item of asSeq(doc, node)?.items ?? []) {
        if (!isScalar(item) || typeof item.value !== "string")
            continue;
        const match = /^([A-Za-z_][\w.-]*)=/.exec(item.value);
        if (!match?.[1])
            continue;
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
