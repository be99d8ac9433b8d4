// What a Helm template renders from its chart's own values: a value written as one simple reference
//   ACCESS_POSTGRES_DSN: {{ .Values.config.postgresDsn | quote }}
//   token: {{ .Values.auth.token | default "x" }}      {{ default "x" .Values.auth.token | quote }}
// is looked up in the values.yaml beside the nearest Chart.yaml above the template. Anything more
// (a function, a conditional, a variable, a values path that is not there) is left unresolved.

import { dirname } from "../../core/file-kinds.js";
import type { SourceFile } from "../../core/types.js";
import { asMap, at, contentRange, parsedYaml, scalarOf } from "./yaml-nodes.js";

export interface ValuesReference {
  /** `config.postgresDsn` */
  path: string;
  /** The `default "…"` the template falls back to, when it has one. */
  fallback: string | null;
}

const PATH = String.raw`\.Values((?:\.[A-Za-z_][\w-]*)+)`;
const DEFAULT = String.raw`default\s+(?:"([^"\\]*)"|'([^'\\]*)')`;
const FILTERS = String.raw`(?:\s*\|\s*(?:quote|squote|toString|trim|${DEFAULT}))*`;
// {{ .Values.a.b | quote }}   {{- .Values.a.b | default "x" | quote -}}
const PIPED = new RegExp(String.raw`^\{\{-?\s*${PATH}(${FILTERS})\s*-?\}\}$`);
// {{ default "x" .Values.a.b | quote }}
const DEFAULT_FIRST = new RegExp(String.raw`^\{\{-?\s*${DEFAULT}\s+${PATH}(?:\s*\|\s*(?:quote|squote|toString|trim))*\s*-?\}\}$`);
const FALLBACK = new RegExp(DEFAULT);

/** The values path of a template that is one simple `.Values` reference; null for anything else. */
export function valuesReference(template: string): ValuesReference | null {
  const text = template.trim().replace(/^(["'])(.*)\1$/s, "$2");
  const piped = PIPED.exec(text);
  if (piped?.[1]) {
    const fallback = FALLBACK.exec(piped[2] ?? "");
    return { path: piped[1].slice(1), fallback: fallback ? (fallback[1] ?? fallback[2] ?? "") : null };
  }
  const first = DEFAULT_FIRST.exec(text);
  if (first?.[3]) return { path: first[3].slice(1), fallback: first[1] ?? first[2] ?? "" };
  return null;
}

/** The chart folder of a template: the nearest folder above it with a Chart.yaml, when the template is in its `templates/`. */
export function chartOf(templatePath: string, has: (path: string) => boolean): string | null {
  const parts = templatePath.split("/");
  const at = parts.lastIndexOf("templates");
  if (at === -1) return null;
  for (let dir = parts.slice(0, at).join("/"); ; dir = dirname(dir)) {
    if (has(dir === "" ? "Chart.yaml" : `${dir}/Chart.yaml`)) return dir;
    if (dir === "" || dir === ".") return null;
  }
}

/** The chart's values.yaml, as the path the scan knows it by. */
export function valuesFileOf(chart: string, has: (path: string) => boolean): string | null {
  for (const name of ["values.yaml", "values.yml"]) {
    const path = chart === "" ? name : `${chart}/${name}`;
    if (has(path)) return path;
  }
  return null;
}

export interface ResolvedValue {
  /** The scalar as a string; null when the path holds a map or a list (a `secretKeyRef`, an object). */
  value: string | null;
  line: number;
}

/** The value at a dotted path of a values file; null when the path is not there. */
export function valueAtPath(values: SourceFile, path: string): ResolvedValue | null {
  for (const doc of parsedYaml(values).documents) {
    const node = at(doc, asMap(doc, doc.contents), ...path.split("."));
    if (node === undefined) continue;
    const scalar = scalarOf(doc, node);
    const line = values.positionAt(scalar ? contentRange(values.text, scalar).start : 0).line;
    if (!scalar) return { value: null, line };
    return { value: scalar.value === null || scalar.value === undefined ? "" : String(scalar.value), line };
  }
  return null;
}
