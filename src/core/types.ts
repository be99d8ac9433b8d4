// The shapes every part of the pipeline shares: rules, files, findings, results.

import type { FileKind } from "./file-kinds.js";
import type { Role } from "./roles.js";

export type { Role } from "./roles.js";
export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";
export type Confidence = "high" | "medium" | "low";

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** The lower of two severities (a cap, or what a rule asks for one finding); `b` absent leaves `a`. */
export function lowerSeverity(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a;
}

export const CHECKLIST_IDS = [
  "secrets-in-store",
  "no-secrets-in-source",
  "env-gitignored",
  "encrypted-at-rest",
  "tls-in-transit",
  "rotation-automated",
  "audit-logging",
  "emergency-procedures",
  "startup-validation",
  "auth-failure-alerts",
] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];
export type ChecklistStatus = "pass" | "fail" | "unknown" | "not-applicable";

export type { FileKind } from "./file-kinds.js";

export type ScanScope = "worktree" | "staged" | "diff" | "history";

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units like editors and SARIF
}

/** A file read once: its text, its line index, and caches for parsed views. */
export interface SourceFile {
  readonly path: string; // relative to the scan root, forward slashes
  readonly kind: FileKind;
  /** What the file is for, decided once per file (core/roles.ts, or the config's `roles`). */
  readonly role: Role;
  readonly text: string;
  readonly size: number;
  readonly tracked: boolean;
  positionAt(offset: number): Position;
  offsetAt(line: number, column?: number): number;
  lineCount(): number;
  lineText(line: number): string;
  /** Parsed views are computed at most once per file and shared by every rule. */
  cached<T>(key: string, compute: () => T): T;
  /** The views computed so far (`yaml`, `python`, `javascript`…), for the scan's counts of what it parsed. */
  cachedViews(): string[];
  /** Says something about the file the user should know (it did not parse); once per message. */
  notice(message: string): void;
  readonly notices: readonly string[];
  /** Frees what the cached views hold outside the JS heap (parse trees in wasm memory). */
  dispose(): void;
}

/** Every file the scan saw, including those skipped for size or binary content. */
export interface ProjectFile {
  path: string;
  kind: FileKind;
  /** What the file is for (core/roles.ts): deployable, local, ci, docs, example, test, fixture, vendored. */
  role: Role;
  size: number;
  tracked: boolean;
  skipped?: string;
}

export interface IgnoreVerdict {
  ignored: boolean;
  /** The .gitignore and line that decided, when one did. */
  source?: { path: string; line: number; pattern: string; negative: boolean };
}

export interface ProjectIndex {
  readonly root: string;
  readonly inGit: boolean;
  readonly scope: ScanScope;
  readonly files: readonly ProjectFile[];
  has(path: string): boolean;
  /** Reads a scanned file's text (once; cached). Undefined for skipped or unknown paths. */
  read(path: string): SourceFile | undefined;
  /** git's ignore semantics over the repository's own .gitignore files. */
  isIgnored(path: string): IgnoreVerdict;
  /** What the rule's file handlers shared, in file order. */
  shared(): readonly unknown[];
}

export interface ReportRange {
  start: number; // offset into the file's text
  end: number;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Defaults to the file being handled; required from project handlers. */
  path?: string;
  /** Either an offset range in the file or explicit 1-based coordinates. */
  range?: ReportRange;
  loc?: { line: number; column?: number; endLine?: number; endColumn?: number };
  /** The raw value; the engine redacts it and hashes it for the fingerprint. */
  secret?: string;
  severity?: Severity;
  confidence?: Confidence;
  /**
   * The value looks like a live credential. `format`: a provider's format, a private key, a
   * credential file: it keeps its severity in docs, CI and local setups, and is reported in
   * tests and examples. `value`: a random-looking value under a secret's name: it is reported in
   * tests and examples too (as a warning), and capped like any other finding elsewhere.
   */
  looksLive?: "format" | "value";
  /** A finer identity for fingerprints when there is no secret (e.g. the variable name). */
  key?: string;
  checklist?: ChecklistId[];
}

export interface EvidenceDescriptor {
  checklist: ChecklistId;
  /** pass: evidence that the item holds; not-applicable: nothing here that it concerns. */
  status: "pass" | "not-applicable";
  message: string;
  path?: string;
  line?: number;
}

/** One option of a rule, as the JSON Schema property the config is validated against; its default is stated here only. */
export type OptionSchema =
  | { type: "boolean"; default: boolean; description: string }
  | { type: "integer"; default: number; minimum?: number; description: string }
  | { type: "array"; items: { type: "string" }; default: readonly string[]; description: string };

export type OptionsSchema = Readonly<Record<string, OptionSchema>>;

/** The values a rule receives for its options schema: validated by the config, defaults filled in. */
export type OptionValues<S extends OptionsSchema> = {
  readonly [K in keyof S]: S[K]["type"] extends "boolean" ? boolean : S[K]["type"] extends "integer" ? number : readonly string[];
};

export interface RuleContext<Options = Readonly<Record<string, unknown>>> {
  readonly ruleId: string;
  readonly options: Options;
  readonly settings: Readonly<ScanSettings>;
  /**
   * Reports a finding. Returns false once the engine keeps no more from this file (a crafted file
   * with thousands of matches): the rule may stop looking.
   */
  report(descriptor: ReportDescriptor): boolean;
  evidence(descriptor: EvidenceDescriptor): void;
  /** From file handlers: a serialisable fact handed to this rule's project handler. */
  share(fact: unknown): void;
}

export interface RuleHandlers {
  file?(file: SourceFile): void | Promise<void>;
  project?(project: ProjectIndex): void;
}

export interface RuleDocs {
  why: string;
  fix: string;
  bad: { path: string; code: string };
  good: { path: string; code: string };
}

export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  recommended: boolean;
  scope: "file" | "project";
  /** File kinds a file handler applies to; omit for all text files. */
  kinds?: readonly FileKind[];
  /** Cheap pre-filter: a file handler runs only when one of these occurs (case-insensitively). */
  keywords?: readonly string[];
  /** Name rules see every discovered file name, even oversized or binary ones. */
  checklist: readonly ChecklistId[];
  cwe?: readonly string[];
  messages: Record<string, string>;
  /**
   * Rules whose finding of the same value on the same line this rule's finding replaces: it says
   * the same thing more precisely (a literal in a Deployment's env is also a hardcoded secret).
   * The replaced finding's checklist items move to this one.
   */
  supersedes?: readonly string[];
  /** JSON Schema properties of the rule's options, each with its default. */
  options?: OptionsSchema;
  docs: RuleDocs;
}

/** A problem the engine itself reports (a suppression comment that is malformed or silences nothing). */
export interface DiagnosticMeta {
  id: string;
  description: string;
  severity: Severity;
  /** When it is reported. */
  enabledBy: string;
  docs: RuleDocs;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): RuleHandlers;
}

/** A rule as written: its create() sees its options typed by its own schema. */
export interface RuleDefinition<S extends OptionsSchema> {
  meta: RuleMeta & { options?: S };
  create(context: RuleContext<OptionValues<S>>): RuleHandlers;
}

export function defineRule<const S extends OptionsSchema = Record<never, OptionSchema>>(rule: RuleDefinition<S>): Rule {
  // The engine hands every rule the options its config resolved against this same schema
  // (config/load.ts validates them and fills the defaults), so the typed view is sound.
  return rule as unknown as Rule;
}

export interface ServiceSetting {
  path: string;
  entry?: string;
  required?: string[];
}

/** Settings from the config that rules may read; per-rule options live in ctx.options. */
export interface ScanSettings {
  allowlist: { values: string[]; fingerprints: string[]; paths: string[] };
  customPatterns: { id: string; description?: string; pattern: string; keywords?: string[]; severity?: Severity }[];
  requiredSecrets: string[];
  services: ServiceSetting[];
  rotation: Record<string, number>;
  /** Checklist items the repository does not enforce. */
  skippedChecklist: ChecklistId[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  path: string;
  /** The role of the finding's file: its severity was capped by it (see core/roles.ts). */
  role: Role;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  checklist: ChecklistId[];
  secret: string | null;
  fingerprint: string;
  commit: string | null;
  /** With --history: when the commit that introduced the value was made. */
  date?: string;
  confidence?: Confidence;
  /** The finding's line with every detected value masked, for code frames and SARIF. */
  snippet?: string;
}

export interface ChecklistEvidence {
  message: string;
  path?: string;
  line?: number;
}

export interface ChecklistResult {
  id: ChecklistId;
  title: string;
  status: ChecklistStatus;
  evidence: string[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface Notice {
  path?: string;
  message: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  skipped: SkippedFile[];
  durationMs: number;
  /** Threads that ran the file pass: 1 is the main thread alone. */
  threads: number;
  /** Files parsed, per parser (`yaml`, `json`, `python`, `javascript`): what the candidate tests let through. */
  parsed?: Record<string, number>;
  /** With a result cache: the files whose outcome came from it, unread or read only to check. */
  cached?: number;
}

/** What reporters may know of a rule that ran: its metadata, rendered; never its logic. */
export interface RuleDescriptor {
  id: string;
  description: string;
  severity: Severity;
  checklist: ChecklistId[];
  cwe: string[];
  /** The rule's documentation page, as Markdown. */
  help: string;
}

export interface ScanResult {
  version: 1;
  tool: { name: string; version: string };
  root: string;
  scope: ScanScope;
  findings: Finding[];
  checklist: ChecklistResult[];
  stats: ScanStats;
  notices: Notice[];
  suppressed: number;
  rules: RuleDescriptor[];
}
