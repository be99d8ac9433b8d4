// A worker thread of the file pass: it builds the same rules from the registry and the same
// config, then scans the files it is sent. Only plain data crosses the thread boundary.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { RULES } from "../rules/index.js";
import { FilePass, unreadableOutcome } from "./file-pass.js";
import { deserializeConfig } from "./pool.js";
const init = workerData;
const config = deserializeConfig(init.config);
const byId = new Map(RULES.map((r) => [r.meta.id, r]));
const pass = new FilePass(init.rules.flatMap(({ id, severity }) => (byId.has(id) ? [{ rule: byId.get(id), severity }] : [])), config);
parentPort.on("message", async (items) => {
    const outcomes = [];
    for (const item of items) {
        const task = item.task;
        let bytes;
        try {
            if (item.bytes)
                bytes = Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength);
            else if (item.absolutePath)
                bytes = readFileSync(item.absolutePath);
            else
                throw new Error(item.unreadable ?? "no bytes");
        }
        catch (error) {
            outcomes.push(unreadableOutcome(task, error));
            continue;
        }
        outcomes.push(await pass.process(task, bytes));
    }
    parentPort.postMessage(outcomes);
});
