import { type Document, type Pair, type YAMLMap } from "yaml";
import type { SourceFile } from "../engine/types.js";
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
/** Every Kubernetes object of a YAML file, computed once per file. */
export declare function kubeObjects(file: SourceFile): readonly KubeObject[];
/** `apiVersion: v1` (or a templated one) with this kind: the core API's Secret, ConfigMap. */
export declare function isCoreKind(object: KubeObject, kind: string): boolean;
export interface Container {
    map: YAMLMap<unknown, unknown>;
    name: string;
    /** Where the container's map starts (its `- name:` line). */
    offset: number;
}
/** Containers anywhere in a node: pod specs of every workload kind, CRDs that embed pod templates, Helm values. */
export declare function containersIn(doc: Document.Parsed, node: unknown): Container[];
export interface EnvEntry {
    name: string;
    /** The `value:` pair, when the entry sets a literal. */
    valuePair: Pair<unknown, unknown> | undefined;
    /** `valueFrom.secretKeyRef`, when the entry takes a Secret's key. */
    secretKeyRef: YAMLMap<unknown, unknown> | null;
    offset: number;
}
/** `env:` entries of a container: `- name: DB_PASSWORD` with `value:` or `valueFrom:`. */
export declare function envEntries(doc: Document.Parsed, container: YAMLMap<unknown, unknown>): EnvEntry[];
/** `envFrom: [{secretRef: {name: x}}]` entries of a container, with their offsets. */
export declare function envFromSecretRefs(doc: Document.Parsed, container: YAMLMap<unknown, unknown>): {
    name: string;
    offset: number;
}[];
/** `docker-compose.yml`, `compose.prod.yaml`, `docker-compose.override.yml`. */
export declare function isComposeFileName(path: string): boolean;
export interface ComposeService {
    name: string;
    map: YAMLMap<unknown, unknown>;
    doc: Document.Parsed;
}
/** The services of a compose file: by name, or by shape (`services:` whose entries have `image` or `build`). */
export declare function composeServices(file: SourceFile): readonly ComposeService[];
/** Helm values files: `values.yaml`, `values-prod.yaml`, `values.staging.yml`. */
export declare function isHelmValuesFileName(path: string): boolean;
/** A `kustomization.yaml`, by name. */
export declare function isKustomizationFileName(path: string): boolean;
/** The root map of each document of a YAML file, for shapes that are not Kubernetes objects. */
export declare function documentRoots(file: SourceFile): {
    doc: Document.Parsed;
    map: YAMLMap<unknown, unknown>;
}[];
/** `KEY=value` items of a list (compose `environment`, kustomize `literals`), with the value's offsets. */
export declare function keyValueItems(doc: Document.Parsed, text: string, node: unknown): {
    key: string;
    value: string;
    keyStart: number;
    valueStart: number;
    valueEnd: number;
}[];
