import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // One test file per core (vitest's default leaves one core idle: on 2 cores the files ran one at a time).
    maxWorkers: availableParallelism(),
    hookTimeout: 120_000,
    globalSetup: ["test/global-setup.ts"],
  },
});
