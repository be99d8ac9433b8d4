import { type ResolvedConfig } from "../config/load.js";
import { type Finding, type Rule, type ScanResult, type Severity } from "./types.js";
export interface ScanOptions {
    /** The directory to scan; its files' paths are reported relative to it. Default: the current directory. */
    root?: string;
    /** Limit file-scope rules to these files or directories (relative to the root). */
    paths?: string[];
    /** A resolved config, or the path of a config file; default: found in the root. */
    config?: ResolvedConfig | string;
    /** Severity overrides, as `--rule id=severity` gives them. */
    ruleOverrides?: Record<string, Severity | "off">;
    maxFileSize?: number;
    /** The rules to run; default: every registered rule, as the config enables them. Rules the config does not know run at their default severity. */
    rules?: readonly Rule[];
    /** What to read: the working tree (default), the index, what a branch adds since `base`, or the history. */
    scope?: {
        kind: "worktree";
    } | {
        kind: "staged";
    } | {
        kind: "diff";
        base: string;
    } | {
        kind: "history";
        range?: string;
    };
    /** Findings whose fingerprints are in this set are hidden (a baseline); the rest of the set is reported stale. */
    baseline?: ReadonlySet<string>;
    /** Called as files are scanned in the main thread (a progress bar for --history). */
    onProgress?: (done: number, total: number) => void;
}
/** An error the user must fix (a missing path, a broken config); the CLI exits 2. */
export declare class ScanError extends Error {
    name: string;
}
export declare function scan(options?: ScanOptions): Promise<ScanResult>;
export declare function compareFindings(a: Finding, b: Finding): number;
