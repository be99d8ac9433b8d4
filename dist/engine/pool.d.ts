import type { ResolvedConfig, RuleSetting } from "../config/load.js";
import type { FileOutcome, FileTask } from "./file-pass.js";
import type { Severity } from "./types.js";
export interface WorkerInit {
    rules: {
        id: string;
        severity: Severity;
    }[];
    config: SerializedConfig;
}
export interface WorkerItem {
    task: FileTask;
    absolutePath?: string;
    bytes?: Uint8Array;
}
export type SerializedConfig = Omit<ResolvedConfig, "rules"> & {
    rules: [string, RuleSetting][];
};
export declare function serializeConfig(config: ResolvedConfig): SerializedConfig;
export declare function deserializeConfig(config: SerializedConfig): ResolvedConfig;
/** How many threads to use for this much work: CSL_THREADS overrides; 0 or 1 means in-process. */
export declare function threadsFor(files: number, bytes: number): number;
export declare function workerScript(): string | null;
/**
 * Runs the items on `threads` workers. Items a worker could not finish (it crashed) are
 * returned in `leftover` for the caller to run in-process, so nothing is lost.
 */
export declare function runInWorkers(items: WorkerItem[], init: WorkerInit, threads: number, script: string): Promise<{
    outcomes: FileOutcome[];
    leftover: WorkerItem[];
}>;
