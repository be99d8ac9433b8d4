import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { generateMonorepo } from "../bench/generate-monorepo.mjs";
import { CLI } from "./helpers/cli.js";
import { removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

function scanWith(threads: string, root: string) {
  const run = spawnSync(process.execPath, [CLI, "--format", "json", root], { encoding: "utf8", env: { ...process.env, CSL_THREADS: threads }, maxBuffer: 1 << 28 });
  expect([0, 1]).toContain(run.status);
  const report = JSON.parse(run.stdout);
  return { findings: report.findings, checklist: report.checklist, files: report.stats.files, threads: report.stats.threads, notices: report.notices };
}

// Worker threads change where the file pass runs, never what it finds.
describe("the file pass on worker threads", () => {
  it("finds exactly what the in-process pass finds", () => {
    const root = tempDir("csl-workers-");
    generateMonorepo(root, { services: 24 });
    const inProcess = scanWith("0", root);
    const threaded = scanWith("2", root);
    expect(inProcess.threads).toBe(1);
    expect(threaded.threads).toBe(2);
    expect(threaded.notices.filter((n: { message: string }) => /worker/.test(n.message))).toEqual([]); // none fell back to the main thread
    expect(threaded.files).toBe(inProcess.files);
    expect(threaded.findings).toEqual(inProcess.findings);
    expect(threaded.checklist).toEqual(inProcess.checklist);
    expect(inProcess.files).toBeGreaterThan(400);
  }, 120_000);
});
