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
    /** Why the main thread could not read the blob: the worker reports the file skipped. */
    unreadable?: string;
}
/** A file to hand out: its task, and how to get its bytes when a worker takes it. */
export interface PoolItem {
    task: FileTask;
    absolutePath?: string;
    read?: () => Uint8Array;
}
export type SerializedConfig = Omit<ResolvedConfig, "rules"> & {
    rules: [string, RuleSetting][];
};
export declare function serializeConfig(config: ResolvedConfig): SerializedConfig;
export declare function deserializeConfig(config: SerializedConfig): ResolvedConfig;
/** How many worker threads to use for this much work: CSL_THREADS overrides; 0 or 1 means in-process. */
export declare function threadsFor(files: number, bytes: number): number;
export declare function workerScript(): string | null;
export type Lane = "typescript" | "python" | "light";
/** The work, in three lanes; workers take batches by preference. */
export declare class LaneQueue {
    private readonly lanes;
    private readonly serving;
    constructor(items: readonly PoolItem[]);
    serve(lane: Lane, delta: number): void;
    /** The next batch for a worker that favours `own`: its lane, then light files, then another heavy lane worth warming up for. */
    take(own: Lane): PoolItem[];
    /** Whatever no worker took (they all stopped). */
    drain(): PoolItem[];
}
/**
 * Runs the items on `threads` workers. Items a worker could not finish (it crashed or ran
 * out of memory) are returned in `leftover` for the caller to run in-process.
 */
export declare function runInWorkers(items: readonly PoolItem[], init: WorkerInit, threads: number, script: string, onOutcomes?: (count: number) => void): Promise<{
    outcomes: FileOutcome[];
    leftover: PoolItem[];
}>;
