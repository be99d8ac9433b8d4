// A rule is created once per scan (and once per worker thread): its handlers are kept, and
// what it reports goes to whichever sink is current, the file being scanned or the project.
import { defaultOptions, type ResolvedConfig } from "../config/load.js";
import type { EvidenceDescriptor, ReportDescriptor, Rule, RuleHandlers, Severity } from "../core/types.js";

/** Where a rule's reports, evidence and shared facts go while one handler runs. */
export interface RuleSink {
  /** False when no more reports are wanted from the current file. */
  report(instance: RuleInstance, descriptor: ReportDescriptor): boolean;
  evidence(descriptor: EvidenceDescriptor): void;
  share(instance: RuleInstance, fact: unknown): void;
}

export class RuleInstance {
  readonly id: string;
  readonly handlers: RuleHandlers;
  /** The pre-filter words, lower-cased once. */
  readonly keywords: readonly string[] | null;
  private sink: RuleSink | null = null;

  constructor(readonly rule: Rule, readonly severity: Severity, config: ResolvedConfig) {
    this.id = rule.meta.id;
    this.keywords = rule.meta.keywords?.map((k) => k.toLowerCase()) ?? null;
    this.handlers = rule.create({
      ruleId: this.id,
      options: config.rules.get(this.id)?.options ?? defaultOptions(rule),
      settings: config.settings,
      // Outside a handler (a stray callback after it returned) there is no sink: the report is dropped.
      report: (descriptor) => this.sink?.report(this, descriptor) ?? false,
      evidence: (descriptor) => this.sink?.evidence(descriptor),
      share: (fact) => this.sink?.share(this, fact),
    });
  }

  /** Project rules with a file handler read files for facts, so a partial scan still reads every file. */
  get gathersFacts(): boolean {
    return this.rule.meta.scope === "project" && typeof this.handlers.file === "function";
  }

  /** Runs one handler with its reports going to `sink`. */
  async run<T>(sink: RuleSink, handler: () => T | Promise<T>): Promise<T> {
    this.sink = sink;
    try {
      return await handler();
    } finally {
      this.sink = null;
    }
  }
}

/** Which rules run, at which severity: the config, then `--rule` overrides; each created once. */
export function createRuleInstances(rules: readonly Rule[], config: ResolvedConfig, overrides: Record<string, Severity | "off">): RuleInstance[] {
  const instances: RuleInstance[] = [];
  for (const rule of rules) {
    const setting = overrides[rule.meta.id] ?? config.rules.get(rule.meta.id)?.severity ?? rule.meta.severity;
    if (setting !== "off") instances.push(new RuleInstance(rule, setting, config));
  }
  return instances;
}
