import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./repo.js";

/**
 * Runs an Action bundle as the runner does: inputs as INPUT_* variables, the event payload in a
 * file, and the summary and outputs files the Action appends to.
 */
export function runActionBundle(bundle: string, repo: string, inputs: Record<string, string>, event: { name: string; payload: unknown }) {
  const runner = tempDir("csl-runner-");
  const files = { event: join(runner, "event.json"), summary: join(runner, "summary.md"), output: join(runner, "output.txt") };
  writeFileSync(files.event, JSON.stringify(event.payload));
  writeFileSync(files.summary, "");
  writeFileSync(files.output, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    RUNNER_TEMP: runner,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [bundle], { cwd: repo, env, encoding: "utf8" });
  return { ...run, summary: readFileSync(files.summary, "utf8"), outputs: readFileSync(files.output, "utf8") };
}
