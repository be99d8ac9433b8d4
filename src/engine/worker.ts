// A worker thread of the file pass: it creates the same rules from the registry, once, with the
// same config, then scans the files it is sent. Only plain data crosses the thread boundary.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { RULES } from "../rules/index.js";
import { FilePass, unreadableOutcome, type FileTask } from "./file-pass.js";
import { deserializeConfig, type WorkerInit, type WorkerItem, type WorkerMessage } from "./pool.js";
import { RuleInstance } from "./rule-instance.js";

const init = workerData as WorkerInit;
const config = deserializeConfig(init.config);
const byId = new Map(RULES.map((r) => [r.meta.id, r]));
const pass = new FilePass(init.rules.flatMap(({ id, severity }) => (byId.has(id) ? [new RuleInstance(byId.get(id)!, severity, config)] : [])));

// Each file is announced before it starts and returned when it ends, so the pool knows which file
// a worker is on when it must stop it (too slow, out of memory).
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

parentPort!.on("message", async (items: WorkerItem[]) => {
  for (const item of items) {
    const task: FileTask = item.task;
    post({ started: task.index });
    let bytes: Buffer;
    try {
      if (item.bytes) bytes = Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength);
      else if (item.absolutePath) bytes = readFileSync(item.absolutePath);
      else throw new Error(item.unreadable ?? "no bytes");
    } catch (error) {
      post({ outcome: unreadableOutcome(task, error) });
      continue;
    }
    post({ outcome: await pass.process(task, bytes) });
  }
  post({ batchDone: true });
});
