import type { ErrorObject } from "ajv";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type ErrorCode } from "yaml";
import { DEFAULT_ROLE_SEVERITY, type Role, type RoleSeverity } from "../core/roles.js";
import { OwnFileError, readOwnFile } from "../core/own-files.js";
import { customPatternProblem } from "../detectors/index.js";
import { RULES } from "../rules/index.js";
import type { ChecklistId, Rule, ScanSettings, Severity, SeveritySetting } from "../core/types.js";
import { preset, type PresetName } from "./presets.js";
import { buildConfigSchema } from "./schema.js";
import validateConfigSchema from "./validator.generated.js";

export const CONFIG_FILE_NAMES = [".carbon-secret-lint.yaml", ".carbon-secret-lint.yml", ".carbon-secret-lint.json"];

export type FailOn = Severity | "none";

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** File roles from the config: globs that give files a role, and each role's severity cap. */
export interface RoleSettings {
  paths: Partial<Record<Role, string[]>>;
  severity: Record<Role, RoleSeverity>;
}

export interface ResolvedConfig {
  /** The file it came from, or null for the built-in defaults. */
  source: string | null;
  rules: Map<string, RuleSetting>;
  include: string[];
  exclude: string[];
  failOn: FailOn;
  maxFileSize: number;
  reportUnusedSuppressions: boolean;
  roles: RoleSettings;
  settings: ScanSettings;
}

/** A configuration the user must fix; the CLI exits 2 with this message. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** The guide's rotation table, in days. */
export const DEFAULT_ROTATION = { apiKeys: 90, databasePasswords: 60, serviceCertificates: 30, adminCredentials: 30 };

/** The guide's validate_secrets() list. */
export const DEFAULT_REQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN", "REDIS_URL"];

interface RawConfig {
  extends?: PresetName | PresetName[];
  rules?: Record<string, SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> }>;
  include?: string[];
  exclude?: string[];
  failOn?: FailOn;
  maxFileSize?: number | string;
  allowlist?: { fingerprints?: string[]; values?: string[]; paths?: string[] };
  patterns?: ScanSettings["customPatterns"];
  requiredSecrets?: string[];
  services?: ScanSettings["services"];
  rotation?: Partial<typeof DEFAULT_ROTATION>;
  checklist?: { skip?: ChecklistId[] };
  reportUnusedSuppressions?: boolean;
  roles?: Partial<Record<Role, { paths?: string[]; severity?: RoleSeverity }>>;
}

// Compiled from the schema at build time (scripts/config-validator.mjs), not at run time.
const validator = validateConfigSchema as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function validate(data: unknown): ErrorObject[] {
  return validator(data) ? [] : (validator.errors ?? []);
}

/** Finds the config file for a scan root: an explicit path, else the first of CONFIG_FILE_NAMES in the root. */
export function findConfigFile(root: string, explicit?: string): string | null {
  if (explicit) {
    const path = resolve(explicit);
    if (!existsSync(path)) throw new ConfigError(`config file not found: ${explicit}`);
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(root, name);
    if (existsSync(path)) return path;
  }
  return null;
}

export function loadConfig(root: string, explicit?: string): ResolvedConfig {
  const file = findConfigFile(root, explicit);
  if (!file) return resolveConfig({ extends: "recommended" }, null);
  let text: string;
  try {
    // A config in the repository may be a planted link to a file of the runner's (/proc/self/environ).
    text = readOwnFile(file, "config file", { within: root });
  } catch (error) {
    throw error instanceof OwnFileError ? new ConfigError(error.message) : error;
  }
  return parseConfig(text, file, root);
}

// Messages quote nothing the config holds: it may be anything, even a file of secrets.

/** What a YAML error means, in words: the parser's own message may quote the text around it. */
const YAML_PROBLEMS: Partial<Record<ErrorCode, string>> = {
  BAD_DQ_ESCAPE: "an invalid escape sequence in a double-quoted string",
  BAD_INDENT: "wrong indentation",
  BLOCK_AS_IMPLICIT_KEY: "a nested mapping on one line (a value holding `: ` needs quotes)",
  DUPLICATE_KEY: "a key given twice",
  MISSING_CHAR: "a bracket or quote that is not closed",
  MULTILINE_IMPLICIT_KEY: "a line that is not `key: value`, or a key over more than one line",
  MULTIPLE_DOCS: "more than one document",
  TAB_AS_INDENT: "a tab used for indentation",
  UNEXPECTED_TOKEN: "unexpected text",
};

/** A name from the config, shown only when it reads as one: words of at most 40 characters, where a part with digits is short (v2, s3). */
function shownName(name: string): string | null {
  if (name.length > 40 || !/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/.test(name)) return null;
  return name.split(/[-_.]/).every((part) => !/\d/.test(part) || part.length <= 4) ? name : null;
}

function shownPath(path: readonly string[]): string {
  return path.map((part) => shownName(part) ?? "…").join(".");
}

function hiddenName(name: string): string {
  return `(${[...name].length} characters, not shown)`;
}

export function parseConfig(text: string, file: string, root = process.cwd()): ResolvedConfig {
  const shown = relative(root, file) || file;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new ConfigError(`${shown}:${line}: the config is not valid YAML/JSON: ${YAML_PROBLEMS[error.code] ?? error.code.toLowerCase().replace(/_/g, " ")}`);
  }
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch {
    // Only aliases make toJS throw, with a message that quotes the alias.
    throw new ConfigError(`${shown}:${unresolvedAliasLine(doc, lineCounter)}: the config is not valid YAML/JSON: an alias (*name) whose anchor (&name) is not set before it, or aliases that expand too far`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ConfigError(`${shown}:1: the config must be a mapping of keys (extends, rules, include, exclude, …)`);
  }
  const errors = validate(data);
  if (errors.length > 0) {
    const messages = dedupeErrors(errors).map((e) => `${shown}:${lineOf(doc, lineCounter, e)}: ${describeError(e)}`);
    throw new ConfigError(`invalid configuration:\n  ${messages.join("\n  ")}`);
  }
  const raw = data as RawConfig;
  checkCustomPatterns(raw.patterns ?? [], shown);
  return resolveConfig(raw, file);
}

function unresolvedAliasLine(doc: Document, lineCounter: LineCounter): number {
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return lineCounter.linePos(offset).line;
}

function resolveConfig(raw: RawConfig, source: string | null): ResolvedConfig {
  const presets = raw.extends === undefined ? ["recommended" as const] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  const rules = new Map<string, RuleSetting>(RULES.map((r) => [r.meta.id, { severity: "off" as SeveritySetting, options: defaultOptions(r) }]));
  let failOn: FailOn = "error";
  for (const name of presets) {
    const p = preset(name, RULES);
    for (const [id, severity] of Object.entries(p.rules)) rules.get(id)!.severity = severity;
    if (p.failOn) failOn = p.failOn;
  }
  for (const [id, value] of Object.entries(raw.rules ?? {})) {
    const setting = rules.get(id)!;
    if (typeof value === "string") setting.severity = value;
    else {
      if (value.severity) setting.severity = value.severity;
      else if (setting.severity === "off") setting.severity = RULES.find((r) => r.meta.id === id)!.meta.severity;
      Object.assign(setting.options, value.options ?? {});
    }
  }
  return {
    source,
    rules,
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    failOn: raw.failOn ?? failOn,
    maxFileSize: parseSize(raw.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE,
    reportUnusedSuppressions: raw.reportUnusedSuppressions ?? true,
    roles: {
      paths: Object.fromEntries(Object.entries(raw.roles ?? {}).flatMap(([role, setting]) => (setting?.paths?.length ? [[role, setting.paths]] : []))),
      severity: { ...DEFAULT_ROLE_SEVERITY, ...Object.fromEntries(Object.entries(raw.roles ?? {}).flatMap(([role, setting]) => (setting?.severity ? [[role, setting.severity]] : []))) },
    },
    settings: {
      allowlist: { fingerprints: raw.allowlist?.fingerprints ?? [], values: raw.allowlist?.values ?? [], paths: raw.allowlist?.paths ?? [] },
      customPatterns: raw.patterns ?? [],
      requiredSecrets: raw.requiredSecrets ?? DEFAULT_REQUIRED_SECRETS,
      services: raw.services ?? [],
      rotation: { ...DEFAULT_ROTATION, ...raw.rotation },
      skippedChecklist: raw.checklist?.skip ?? [],
    },
  };
}

export function defaultConfig(): ResolvedConfig {
  return resolveConfig({ extends: "recommended" }, null);
}

export function defaultOptions(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([key, schema]) => [key, structuredClone(schema.default)]));
}

const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** `5MB`, `512KiB`, `500000` (bytes) or a number; undefined when the text is not a size. */
export function parseSize(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return value;
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = Object.keys(SIZE_UNITS).find((u) => u.toLowerCase() === (match[2] ?? "B").toLowerCase())!;
  return Math.round(Number(match[1]) * SIZE_UNITS[unit]!);
}

// A custom pattern may come from the scanned repository: refuse what RE2 cannot run in linear time.
function checkCustomPatterns(patterns: NonNullable<RawConfig["patterns"]>, shown: string): void {
  patterns.forEach((p, index) => {
    const problem = customPatternProblem(p.pattern);
    if (problem) throw new ConfigError(`${shown}: patterns.${shownName(p.id) ?? index}: refused: ${problem}.`);
  });
}

function dedupeErrors(errors: ErrorObject[]): ErrorObject[] {
  // oneOf failures repeat each branch's complaint; keep the most specific message per place.
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = e.instancePath + (e.keyword === "additionalProperties" ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : "");
    const current = byPath.get(key);
    if (!current || rank(e) > rank(current)) byPath.set(key, e);
  }
  // A complaint about a parent is noise when its child is named too.
  const keys = [...byPath.keys()];
  return [...byPath.entries()].filter(([key]) => !keys.some((k) => k !== key && k.startsWith(key + "/"))).map(([, e]) => e);
}

function rank(e: ErrorObject): number {
  return { additionalProperties: 5, enum: 4, pattern: 3, type: 2, oneOf: 0 }[e.keyword] ?? 1;
}

function pathOf(e: ErrorObject): string[] {
  const parts = e.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (e.keyword === "additionalProperties") parts.push((e.params as { additionalProperty: string }).additionalProperty);
  return parts;
}

/** The complaint in words. The compiled validator keeps no values, so none is quoted; names are, when they read as names. */
function describeError(e: ErrorObject): string {
  const path = pathOf(e);
  const key = shownPath(path) || "(top level)";
  switch (e.keyword) {
    case "additionalProperties": {
      const name = path.at(-1)!;
      const parent = shownPath(path.slice(0, -1));
      const unknown = shownName(name) === null ? `an unknown ${parent === "rules" ? "rule" : "key"} ${hiddenName(name)}` : null;
      if (parent === "rules") return `${unknown ?? `unknown rule "${name}"`}; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`;
      return `${unknown ?? `unknown key "${key}"`}${parent ? ` in ${parent}` : ""}; allowed: ${allowedKeys(path.slice(0, -1)).join(", ")}`;
    }
    case "enum":
      return `${key} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`;
    case "oneOf":
      return path[0] === "rules"
        ? `${key} must be a severity (off, info, warning, error) or { severity, options }`
        : `${key} has the wrong shape`;
    default:
      return `${key} ${e.message ?? "is invalid"}`;
  }
}

function allowedKeys(path: string[]): string[] {
  let schema = buildConfigSchema(RULES) as { properties?: Record<string, unknown> };
  for (const part of path) {
    const next = schema.properties?.[part] as { properties?: Record<string, unknown>; oneOf?: { properties?: Record<string, unknown> }[] } | undefined;
    if (!next) return [];
    schema = next.properties ? next : (next.oneOf?.find((o) => o.properties) ?? {});
  }
  return Object.keys(schema.properties ?? {}).filter((k) => k !== "$schema");
}

function lineOf(doc: Document, lineCounter: LineCounter, e: ErrorObject): number {
  const path = pathOf(e);
  // Point at the offending key itself when there is one, else at the value.
  let node: unknown = doc.contents;
  let offset = 0;
  for (const part of path) {
    if (isSeq(node)) {
      const item = node.items[Number(part)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
    if (!pair || !isPair(pair)) break;
    offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
    node = pair.value;
  }
  return lineCounter.linePos(offset).line;
}

export function severityOf(config: ResolvedConfig, ruleId: string): SeveritySetting {
  return config.rules.get(ruleId)?.severity ?? "off";
}
