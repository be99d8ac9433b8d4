import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  FilePass,
  RULES,
  RuleInstance,
  deserializeConfig,
  unreadableOutcome
} from "./chunk-GHR2IQ3I.js";
import "./chunk-K5PXIU67.js";

// src/engine/worker.ts
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
var init = workerData;
var config = deserializeConfig(init.config);
var byId = new Map(RULES.map((r) => [r.meta.id, r]));
var pass = new FilePass(init.rules.flatMap(({ id, severity }) => byId.has(id) ? [new RuleInstance(byId.get(id), severity, config)] : []));
var post = (message) => parentPort.postMessage(message);
parentPort.on("message", async (items) => {
  for (const item of items) {
    const task = item.task;
    post({ started: task.index });
    let bytes;
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
