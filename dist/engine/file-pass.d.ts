import { type ResolvedConfig } from "../config/load.js";
import { type SuppressionDirective } from "./suppressions.js";
import type { EvidenceDescriptor, FileKind, ReportDescriptor, Rule, RuleHandlers, Severity, SourceFile } from "./types.js";
/** A report with its place resolved to 1-based lines and columns. */
export interface ResolvedReport {
    ruleId: string;
    descriptor: Omit<ReportDescriptor, "range" | "loc">;
    path: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** The reported line with every value this file's rules found masked. */
    snippet?: string;
}
export interface FileTask {
    index: number;
    path: string;
    kind: FileKind;
    size: number;
    tracked: boolean;
    /** Outside the files a partial scan reports on: only project rules read it, for their facts. */
    factsOnly?: boolean;
}
export interface FileOutcome {
    index: number;
    path: string;
    /** Why the file's content was not scanned (binary, unreadable). */
    skipped?: string;
    reports: ResolvedReport[];
    shared: {
        ruleId: string;
        fact: unknown;
    }[];
    evidence: EvidenceDescriptor[];
    notices: string[];
    directives: SuppressionDirective[];
}
export interface ActiveFileRule {
    rule: Rule;
    severity: Severity;
    handlers: RuleHandlers;
    keywords: string[] | null;
}
export declare function isOwnReport(text: string): boolean;
/** A file's bytes as a source file: decoded, and read by content when its name says nothing. */
export declare function sourceFromBytes(file: {
    path: string;
    kind: FileKind;
    size: number;
    tracked: boolean;
}, bytes: Buffer): {
    file: SourceFile;
    notice?: string;
} | {
    skipped: string;
};
/** The outcome of a file whose bytes could not be had (a vanished file, a failed git read). */
export declare function unreadableOutcome(task: FileTask, error: unknown): FileOutcome;
/** Which rules run, at which severity: the config, then `--rule` overrides. */
export declare function enabledRules(rules: readonly Rule[], config: ResolvedConfig, overrides: Record<string, Severity | "off">): {
    rule: Rule;
    severity: Severity;
}[];
export declare class FilePass {
    readonly active: ActiveFileRule[];
    private outcome;
    private file;
    constructor(rules: readonly {
        rule: Rule;
        severity: Severity;
    }[], config: ResolvedConfig);
    /** Decodes and scans one file; never throws for the file's content or a rule's failure. */
    process(task: FileTask, bytes: Buffer): Promise<FileOutcome>;
    private runHandlers;
    private report;
}
/** Lines and columns for a report, from its offsets in `file` or its explicit place. */
export declare function resolveReport(ruleId: string, descriptor: ReportDescriptor, file: SourceFile | undefined, path: string): ResolvedReport;
/** Replaces raw line text by the masked snippet: every value the file's rules found is redacted. */
export declare function maskSnippets(reports: ResolvedReport[]): void;
