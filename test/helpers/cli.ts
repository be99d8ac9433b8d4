import { spawnSync } from "node:child_process";

// The bundled entry the package's bin runs: what npx and the pre-commit hook execute.
export const CLI = new URL("../../dist/bin.js", import.meta.url).pathname;

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in a child process. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...options.env },
    maxBuffer: 1 << 28,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function runJson(args: string[], cwd: string) {
  const run = runCli(["--format", "json", ...args], { cwd });
  return { ...run, report: JSON.parse(run.stdout) as import("../../src/core/types.js").ScanResult };
}
