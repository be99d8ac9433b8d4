import type { Rule, ScanSettings, Severity, SeveritySetting } from "../engine/types.js";
export declare const CONFIG_FILE_NAMES: string[];
export type FailOn = Severity | "none";
export interface RuleSetting {
    severity: SeveritySetting;
    options: Record<string, unknown>;
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
    settings: ScanSettings;
}
/** A configuration the user must fix; the CLI exits 2 with this message. */
export declare class ConfigError extends Error {
    name: string;
}
export declare const DEFAULT_MAX_FILE_SIZE: number;
/** The guide's rotation table, in days. */
export declare const DEFAULT_ROTATION: {
    apiKeys: number;
    databasePasswords: number;
    serviceCertificates: number;
    adminCredentials: number;
};
/** The guide's validate_secrets() list. */
export declare const DEFAULT_REQUIRED_SECRETS: string[];
/** Finds the config file for a scan root: an explicit path, else the first of CONFIG_FILE_NAMES in the root. */
export declare function findConfigFile(root: string, explicit?: string): string | null;
export declare function loadConfig(root: string, explicit?: string): ResolvedConfig;
export declare function parseConfig(text: string, file: string, root?: string): ResolvedConfig;
export declare function defaultConfig(): ResolvedConfig;
export declare function defaultOptions(rule: Rule): Record<string, unknown>;
/** `5MB`, `512KiB`, `500000` (bytes) or a number; undefined when the text is not a size. */
export declare function parseSize(value: number | string | undefined): number | undefined;
export declare function severityOf(config: ResolvedConfig, ruleId: string): SeveritySetting;
