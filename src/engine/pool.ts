// Spreads the file pass over worker threads. Each worker favours one heavy parser (the
// TypeScript parser or the Python grammar) so each isolate warms up one of them, not both;
// light files go to whoever is free; a worker takes from another parser's lane only when
// that lane is long enough to pay for the warm-up, or nobody else serves it. Outcomes come
// back as plain data in any order. Workers run under heap limits: a file that would blow
// one is scanned again in the main thread, so nothing is lost.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ResolvedConfig, RuleSetting } from "../config/load.js";
import type { FileOutcome, FileTask } from "./file-pass.js";
import type { FileKind, Severity } from "../core/types.js";

export interface WorkerInit {
  rules: { id: string; severity: Severity }[];
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

export type SerializedConfig = Omit<ResolvedConfig, "rules"> & { rules: [string, RuleSetting][] };

export function serializeConfig(config: ResolvedConfig): SerializedConfig {
  return { ...config, rules: [...config.rules] };
}

export function deserializeConfig(config: SerializedConfig): ResolvedConfig {
  return { ...config, rules: new Map(config.rules) };
}

const BATCH = 16;
// Below this much work a worker's start-up (loading modules, parsers) costs more than it saves.
const MIN_FILES = 300;
const MIN_BYTES = 4 * 1024 * 1024;
// Warming up a parser in another isolate costs about as much as a few hundred small files.
const STEAL_MIN = 150;
// Per worker: a runaway stops its worker, not the machine. Parsing a dense 250 KB TS file (the
// largest we parse) peaks near 150 MB, so the limit leaves room; lower limits were measured to
// save no peak RSS (bench/RESULTS.md) and to cost time.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };

/** How many worker threads to use for this much work: CSL_THREADS overrides; 0 or 1 means in-process. */
export function threadsFor(files: number, bytes: number): number {
  const forced = process.env.CSL_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (files < MIN_FILES && bytes < MIN_BYTES) return 0;
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, 8) : 0;
}

export function workerScript(): string | null {
  const path = fileURLToPath(new URL("./worker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

export type Lane = "typescript" | "python" | "light";
const HEAVY: readonly Lane[] = ["typescript", "python"];

function laneOf(kind: FileKind): Lane {
  if (kind === "javascript") return "typescript"; // TS and JS alike
  if (kind === "python") return "python";
  return "light";
}

/** The work, in three lanes; workers take batches by preference. */
export class LaneQueue {
  private readonly lanes = new Map<Lane, PoolItem[]>(HEAVY.concat("light").map((lane) => [lane, []]));
  private readonly serving = new Map<Lane, number>();

  constructor(items: readonly PoolItem[]) {
    // Blobs come from git in batches, in the order given: taken out of that order, a batch's
    // other blobs would wait in memory. They stay in one lane, in order, shared by all.
    for (const item of items) this.lanes.get(item.read ? "light" : laneOf(item.task.kind))!.push(item);
  }

  serve(lane: Lane, delta: number): void {
    this.serving.set(lane, (this.serving.get(lane) ?? 0) + delta);
  }

  /** The next batch for a worker that favours `own`: its lane, then light files, then another heavy lane worth warming up for. */
  take(own: Lane): PoolItem[] {
    for (const lane of [own, "light" as const]) {
      const batch = this.lanes.get(lane)!.splice(0, BATCH);
      if (batch.length > 0) return batch;
    }
    for (const lane of HEAVY) {
      const queue = this.lanes.get(lane)!;
      if (lane === own || queue.length === 0) continue;
      if (queue.length >= STEAL_MIN || (this.serving.get(lane) ?? 0) === 0) return queue.splice(0, BATCH);
    }
    return [];
  }

  /** Whatever no worker took (they all stopped). */
  drain(): PoolItem[] {
    return [...this.lanes.values()].flatMap((queue) => queue.splice(0));
  }
}

function toWorkerItem(item: PoolItem): { message: WorkerItem; transfer: ArrayBuffer[] } {
  if (item.absolutePath) return { message: { task: item.task, absolutePath: item.absolutePath }, transfer: [] };
  let bytes: Uint8Array;
  try {
    bytes = item.read!();
  } catch (error) {
    return { message: { task: item.task, unreadable: (error as NodeJS.ErrnoException).code ?? (error as Error).message }, transfer: [] };
  }
  // A private copy whose buffer can move to the worker without copying again.
  const owned = new Uint8Array(bytes);
  return { message: { task: item.task, bytes: owned }, transfer: [owned.buffer as ArrayBuffer] };
}

/**
 * Runs the items on `threads` workers. Items a worker could not finish (it crashed or ran
 * out of memory) are returned in `leftover` for the caller to run in-process.
 */
export async function runInWorkers(
  items: readonly PoolItem[],
  init: WorkerInit,
  threads: number,
  script: string,
  onOutcomes?: (count: number) => void,
): Promise<{ outcomes: FileOutcome[]; leftover: PoolItem[] }> {
  const queue = new LaneQueue(items);
  const outcomes: FileOutcome[] = [];
  const leftover: PoolItem[] = [];
  const runOne = (own: Lane) =>
    new Promise<void>((resolveWorker) => {
      const worker = new Worker(script, { workerData: init, resourceLimits: WORKER_LIMITS });
      let current: PoolItem[] = [];
      let done = false;
      queue.serve(own, 1);
      const finish = () => {
        if (done) return;
        done = true;
        leftover.push(...current);
        current = [];
        queue.serve(own, -1);
        resolveWorker();
      };
      const next = () => {
        current = queue.take(own);
        if (current.length === 0) {
          void worker.terminate();
          finish();
          return;
        }
        const prepared = current.map(toWorkerItem);
        worker.postMessage(
          prepared.map((p) => p.message),
          prepared.flatMap((p) => p.transfer),
        );
      };
      worker.on("message", (batch: FileOutcome[]) => {
        if (done) return; // after an error its batch is already the main thread's
        outcomes.push(...batch);
        onOutcomes?.(outcomes.length);
        current = [];
        next();
      });
      worker.on("error", finish);
      worker.on("exit", finish);
      next();
    });
  // Alternate the favoured parser so both lanes have a worker from the start.
  await Promise.all(Array.from({ length: Math.max(1, threads) }, (_, i) => runOne(HEAVY[i % HEAVY.length]!)));
  return { outcomes, leftover: [...leftover, ...queue.drain()] };
}
