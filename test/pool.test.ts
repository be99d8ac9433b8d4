import { describe, expect, it } from "vitest";
import { LaneQueue, type PoolItem } from "../src/engine/pool.js";
import type { FileKind } from "../src/core/types.js";

function items(kind: FileKind, count: number, from = 0): PoolItem[] {
  return Array.from({ length: count }, (_, i) => ({ task: { index: from + i, path: `f${from + i}`, kind, role: "deployable", size: 1, tracked: true } }));
}

const kinds = (batch: PoolItem[]) => [...new Set(batch.map((i) => i.task.kind))];

// Each worker favours one heavy parser, so each isolate warms up one parser, not both.
describe("the worker pool's lanes", () => {
  it("gives a worker its own parser's files first, then light files", () => {
    const queue = new LaneQueue([...items("python", 20), ...items("javascript", 20, 20), ...items("yaml", 20, 40)]);
    queue.serve("javascript", 1);
    queue.serve("python", 1);
    expect(kinds(queue.take("javascript"))).toEqual(["javascript"]);
    expect(kinds(queue.take("python"))).toEqual(["python"]);
    expect(kinds(queue.take("javascript"))).toEqual(["javascript"]);
    expect(kinds(queue.take("javascript"))).toEqual(["yaml"]);
  });

  it("leaves a short lane to the worker that serves it, and takes a long one or an unserved one", () => {
    const short = new LaneQueue(items("python", 40));
    short.serve("javascript", 1);
    short.serve("python", 1);
    expect(short.take("javascript")).toEqual([]); // 40 files do not pay for warming the Python grammar up
    short.serve("python", -1); // its worker stopped
    expect(kinds(short.take("javascript"))).toEqual(["python"]);

    const long = new LaneQueue(items("python", 400));
    long.serve("javascript", 1);
    long.serve("python", 1);
    expect(kinds(long.take("javascript"))).toEqual(["python"]);
  });

  it("keeps blobs read from git in their order, in one lane, so a fetched batch is consumed before the next", () => {
    const blobs: PoolItem[] = [...items("python", 3), ...items("javascript", 3, 3), ...items("yaml", 3, 6)].map((item) => ({ ...item, read: () => new Uint8Array() }));
    const queue = new LaneQueue(blobs);
    queue.serve("javascript", 1);
    queue.serve("python", 1);
    expect(queue.take("javascript").map((i) => i.task.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("hands back whatever nobody took, so nothing is lost", () => {
    const queue = new LaneQueue([...items("python", 3), ...items("javascript", 2, 3), ...items("markdown", 1, 5)]);
    expect(queue.drain().map((i) => i.task.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(queue.drain()).toEqual([]);
  });
});
