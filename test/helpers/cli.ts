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

/** Runs the CLI's run() in this process: what the bin would print, without a child process. */
export async function cli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const { run } = await import("../../src/cli.js");
  const result = await run(args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...options.env } });
  return { status: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

export async function cliJson(args: string[], cwd: string) {
  const run = await cli(["--format", "json", ...args], { cwd });
  return { ...run, report: JSON.parse(run.stdout) as import("../../src/core/types.js").ScanResult };
}
