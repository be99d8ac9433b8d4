import { spawn, spawnSync } from "node:child_process";

/**
 * Every git call goes through here. A scanned repository is untrusted: nothing its config
 * names may run (fsmonitor, hooks, diff and textconv drivers, pagers, credential helpers).
 * Command-line `-c` wins over the repository's own config.
 */
const HARDENED_CONFIG = [
  "core.fsmonitor=false",
  "core.hooksPath=/dev/null",
  "core.pager=cat",
  "core.untrackedCache=false",
  "core.sshCommand=false",
  "credential.helper=",
  "diff.external=",
  "diff.noprefix=false",
  "protocol.allow=never",
  "uploadpack.packObjectsHook=",
];

const HARDENED_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0",
  GIT_PAGER: "cat",
  PAGER: "cat",
  GIT_EXTERNAL_DIFF: "",
  GIT_ASKPASS: "",
  SSH_ASKPASS: "",
  GIT_CONFIG_NOSYSTEM: "1",
  LC_ALL: "C",
};

export function gitArgs(args: readonly string[]): string[] {
  return ["--no-pager", ...HARDENED_CONFIG.flatMap((c) => ["-c", c]), ...args];
}

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...HARDENED_ENV };
  // Variables that would point git at another repository or run a program. GIT_INDEX_FILE
  // stays: inside a pre-commit hook of `git commit -a`, it names the index about to be committed.
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_EDITOR", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_PROXY_COMMAND"]) delete env[name];
  return env;
}

export class GitError extends Error {
  constructor(message: string, readonly stderr: string) {
    super(message);
  }
}

export interface GitOutput {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git synchronously with a bounded output buffer; never throws for a non-zero exit. */
export function runGit(cwd: string, args: readonly string[], input?: string | Buffer): GitOutput {
  const result = spawnSync("git", gitArgs(args), {
    cwd,
    env: gitEnv(),
    input,
    maxBuffer: 1 << 30,
    stdio: ["pipe", "pipe", "pipe"],
    windowsHide: true,
  });
  if (result.error) throw new GitError(`could not run git: ${result.error.message}`, "");
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

export function gitText(cwd: string, args: readonly string[]): string {
  const out = runGit(cwd, args);
  if (out.status !== 0) throw new GitError(`git ${args[0]} failed: ${out.stderr.trim().split("\n")[0] ?? ""}`, out.stderr);
  return out.stdout.toString("utf8");
}

/** Splits NUL-separated git output (`-z`), the only form safe for any file name. */
export function splitNul(buffer: Buffer): string[] {
  const text = buffer.toString("utf8");
  return text.split("\0").filter((s) => s.length > 0);
}

export function spawnGit(cwd: string, args: readonly string[]) {
  return spawn("git", gitArgs(args), { cwd, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
}

export type RepositoryProbe =
  | { kind: "repository"; top: string; prefix: string }
  | { kind: "none" }
  | { kind: "untrusted"; message: string };

/** Is `dir` inside a git work tree? `prefix` is dir relative to the top, with a trailing slash or empty. */
export function probeRepository(dir: string): RepositoryProbe {
  let out: GitOutput;
  try {
    out = runGit(dir, ["rev-parse", "--show-toplevel", "--show-prefix"]);
  } catch {
    return { kind: "none" };
  }
  if (out.status !== 0) {
    if (/dubious ownership|safe\.directory/i.test(out.stderr)) {
      return {
        kind: "untrusted",
        message:
          `git refuses to read ${dir}: it is owned by another user (safe.directory). ` +
          `Scanned as plain files instead; to scan it as a repository, run: git config --global --add safe.directory '${dir}'`,
      };
    }
    return { kind: "none" };
  }
  const [top = dir, prefix = ""] = out.stdout.toString("utf8").split("\n");
  return { kind: "repository", top, prefix };
}
