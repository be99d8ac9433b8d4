// Spreads the file pass over worker threads, one per core: files are handed out in small
// batches as workers free up, and outcomes come back as plain data in any order.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ResolvedConfig, RuleSetting } from "../config/load.js";
import type { FileOutcome, FileTask } from "./file-pass.js";
import type { Severity } from "./types.js";

export interface WorkerInit {
  rules: { id: string; severity: Severity }[];
  config: SerializedConfig;
}

export interface WorkerItem {
  task: FileTask;
  absolutePath?: string;
  bytes?: Uint8Array;
}

export type SerializedConfig = Omit<ResolvedConfig, "rules"> & { rules: [string, RuleSetting][] };

export function serializeConfig(config: ResolvedConfig): SerializedConfig {
  return { ...config, rules: [...config.rules] };
}

export function deserializeConfig(config: SerializedConfig): ResolvedConfig {
  return { ...config, rules: new Map(config.rules) };
}

const BATCH = 24;
// Below this much work a worker's start-up (loading modules, parsers) costs more than it saves.
const MIN_FILES = 300;
const MIN_BYTES = 4 * 1024 * 1024;

/** How many threads to use for this much work: CSL_THREADS overrides; 0 or 1 means in-process. */
export function threadsFor(files: number, bytes: number): number {
  const forced = process.env.CSL_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (files < MIN_FILES && bytes < MIN_BYTES) return 0;
  // Two vCPUs are often one core with two hyperthreads, where a second isolate costs more than it gains (measured: bench/RESULTS.md).
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores, 8) : 0;
}

export function workerScript(): string | null {
  const path = fileURLToPath(new URL("./worker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * Runs the items on `threads` workers. Items a worker could not finish (it crashed) are
 * returned in `leftover` for the caller to run in-process, so nothing is lost.
 */
export async function runInWorkers(items: WorkerItem[], init: WorkerInit, threads: number, script: string): Promise<{ outcomes: FileOutcome[]; leftover: WorkerItem[] }> {
  const queue = items.slice();
  const outcomes: FileOutcome[] = [];
  const leftover: WorkerItem[] = [];
  const runOne = () =>
    new Promise<void>((resolveWorker) => {
      const worker = new Worker(script, { workerData: init });
      let current: WorkerItem[] = [];
      const next = () => {
        current = queue.splice(0, BATCH);
        if (current.length === 0) {
          void worker.terminate();
          resolveWorker();
          return;
        }
        worker.postMessage(current);
      };
      worker.on("message", (batch: FileOutcome[]) => {
        outcomes.push(...batch);
        next();
      });
      worker.on("error", () => {
        leftover.push(...current);
        current = [];
        resolveWorker();
      });
      worker.on("exit", () => {
        leftover.push(...current);
        current = [];
        resolveWorker();
      });
      next();
    });
  await Promise.all(Array.from({ length: Math.max(1, threads) }, runOne));
  return { outcomes, leftover };
}
