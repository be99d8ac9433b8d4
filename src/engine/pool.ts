// Spreads the file pass over worker threads. Each worker favours one heavy parser (the
// TypeScript parser or the Python grammar) so each isolate warms up one of them, not both;
// light files go to whoever is free; a worker takes from another parser's lane only when
// that lane is long enough to pay for the warm-up, or nobody else serves it. Outcomes come
// back as plain data in any order. Each file's work is bounded: a worker that spends longer than
// the time limit on one file, or runs out of its heap, is stopped; that file is skipped with a
// notice and the rest of its batch goes to a fresh worker, so one crafted file never costs the scan.
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

/** What a worker says: a file started, a file's outcome, or its batch is done. */
export type WorkerMessage = { started: number } | { outcome: FileOutcome } | { batchDone: true };

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
const BOUNDED_FILE_BYTES = 1024 * 1024;
// Warming up a parser in another isolate costs about as much as a few hundred small files.
const STEAL_MIN = 150;
// Per worker: a runaway stops its worker, not the machine. Parsing a dense 250 KB TS file (the
// largest we parse) peaks near 150 MB, so the limit leaves room; lower limits were measured to
// save no peak RSS (bench/RESULTS.md) and to cost time.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };
// One file's time in a worker: generous for the largest file we parse (about 2 s), short of a
// CI job's patience. CSL_FILE_TIME_LIMIT_MS overrides it.
const FILE_TIME_LIMIT_MS = 30_000;
// Workers replaced after a stop, per thread, before the rest goes to the main thread.
const RESTARTS_PER_THREAD = 8;

function fileTimeLimit(): number {
  const forced = process.env.CSL_FILE_TIME_LIMIT_MS;
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : FILE_TIME_LIMIT_MS;
}

/**
 * How many worker threads to use for this much work: CSL_THREADS overrides; 0 or 1 means
 * in-process. A file of a megabyte or more always goes to a worker, where its time and memory are bounded.
 */
export function threadsFor(files: number, bytes: number, largest = 0): number {
  const forced = process.env.CSL_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (files < MIN_FILES && bytes < MIN_BYTES && largest < BOUNDED_FILE_BYTES) return 0;
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, 8) : 0;
}

export function workerScript(): string | null {
  const path = fileURLToPath(new URL("./worker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

export type Lane = "javascript" | "python" | "light";
const HEAVY: readonly Lane[] = ["javascript", "python"];

function laneOf(kind: FileKind): Lane {
  if (kind === "javascript") return "javascript"; // TS and JS alike
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

  /** Puts back, at the front of their lanes, the files of a batch a stopped worker did not finish. */
  putBack(items: readonly PoolItem[]): void {
    for (const item of [...items].reverse()) this.lanes.get(item.read ? "light" : laneOf(item.task.kind))!.unshift(item);
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

/** The outcome of a file a worker was stopped on. */
function stoppedOutcome(task: FileTask, reason: string): FileOutcome {
  return { index: task.index, path: task.path, skipped: reason, reports: [], shared: [], evidence: [], notices: [], directives: [] };
}

/**
 * Runs the items on `threads` workers. A file that exceeds its time or memory is skipped with
 * the reason; the rest of its batch is put back for a fresh worker. Items left when workers keep
 * failing (the script itself broken) are returned in `leftover` for the caller to run in-process.
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
  const timeLimit = fileTimeLimit();
  let restarts = Math.max(1, threads) * RESTARTS_PER_THREAD;
  const runOne = (own: Lane) =>
    new Promise<void>((resolveWorker) => {
      const worker = new Worker(script, { workerData: init, resourceLimits: WORKER_LIMITS });
      // The batch the worker holds, the files of it not yet returned, and the one it is on.
      let pending = new Map<number, PoolItem>();
      let running: { item: PoolItem; since: number } | null = null;
      let stopping: string | null = null;
      let done = false;
      queue.serve(own, 1);
      const watchdog = setInterval(() => {
        if (running && !stopping && Date.now() - running.since > timeLimit) {
          stopping = `scanning it took longer than ${Math.round(timeLimit / 1000)} s (the limit per file); skipped`;
          void worker.terminate();
        }
      }, Math.min(1000, Math.max(10, timeLimit / 4)));
      const finish = (error?: Error) => {
        if (done) return;
        done = true;
        clearInterval(watchdog);
        queue.serve(own, -1);
        const unfinished = [...pending.values()];
        pending = new Map();
        const culprit = running?.item;
        if (culprit) {
          const reason = stopping ?? (isOutOfMemory(error) ? `scanning it needed more memory than a worker may use (${WORKER_LIMITS.maxOldGenerationSizeMb} MB); skipped` : `the worker scanning it stopped (${error?.message ?? "it exited"}); skipped`);
          outcomes.push(stoppedOutcome(culprit.task, reason));
          onOutcomes?.(outcomes.length);
        }
        const rest = unfinished.filter((item) => item !== culprit);
        if (rest.length + (culprit ? 1 : 0) > 0 && restarts > 0) {
          // A fresh worker takes the rest of the batch first.
          restarts--;
          queue.putBack(rest);
          void runOne(own).then(resolveWorker);
          return;
        }
        leftover.push(...rest);
        resolveWorker();
      };
      const next = () => {
        const batch = queue.take(own);
        if (batch.length === 0) {
          void worker.terminate();
          finish();
          return;
        }
        pending = new Map(batch.map((item) => [item.task.index, item]));
        const prepared = batch.map(toWorkerItem);
        worker.postMessage(
          prepared.map((p) => p.message),
          prepared.flatMap((p) => p.transfer),
        );
      };
      worker.on("message", (message: WorkerMessage) => {
        if (done) return;
        if ("started" in message) {
          const item = pending.get(message.started);
          running = item ? { item, since: Date.now() } : null;
        } else if ("outcome" in message) {
          pending.delete(message.outcome.index);
          running = null;
          outcomes.push(message.outcome);
          onOutcomes?.(outcomes.length);
        } else next();
      });
      worker.on("error", (error) => finish(error));
      worker.on("exit", () => finish());
      next();
    });
  // Alternate the favoured parser so both lanes have a worker from the start.
  await Promise.all(Array.from({ length: Math.max(1, threads) }, (_, i) => runOne(HEAVY[i % HEAVY.length]!)));
  return { outcomes, leftover: [...leftover, ...queue.drain()] };
}

function isOutOfMemory(error: Error | undefined): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
}
