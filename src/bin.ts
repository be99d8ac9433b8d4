#!/usr/bin/env node
// The package's bin: runs the command line and prints what it returns. Everything else is in cli.ts.
import { run } from "./cli.js";

const result = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  progress: (text) => process.stderr.write(text),
});
process.stderr.write(result.stderr);
process.stdout.write(result.stdout);
process.exitCode = result.exitCode;
