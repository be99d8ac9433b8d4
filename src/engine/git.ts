import { spawn, spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";

/**
 * Every git call goes through here. A scanned repository is untrusted: nothing its config
 * names may run, and nothing it sets may change what our commands print. Command-line `-c`
 * wins over the repository's own config, so each key below is pinned on every call.
 *
 * Audited against git-config(1) (git 2.39-2.47) for the commands we run (rev-parse, ls-files,
 * ls-tree, cat-file --batch, diff, log --raw, merge-base, config --get):
 * - keys that run a program: core.fsmonitor, core.hooksPath (hooks), core.pager and pager.<cmd>,
 *   core.editor, sequence.editor, core.askPass, core.sshCommand, core.gitProxy,
 *   core.alternateRefsCommand, credential.helper, diff.external, gpg.program and
 *   gpg.<format>.program, gpg.ssh.defaultKeyCommand, log.showSignature (runs the gpg program on
 *   every signed commit), uploadpack.packObjectsHook, and the per-name ones repositoryKeys()
 *   finds: diff.<driver>.command/textconv, filter.<driver>.*, merge.<driver>.driver,
 *   hook.<name>.command, credential.<url>.helper, remote.<name>.uploadpack/receivepack/vcs,
 *   difftool/mergetool/browser/man.<tool>.cmd/path;
 * - keys that change output we parse: log.showRoot (false hides the root commit's files from
 *   --history), core.abbrev, diff.renames, diff.relative, diff.noprefix, diff.mnemonicPrefix,
 *   diff.srcPrefix/dstPrefix, diff.orderFile, diff.algorithm, diff.indentHeuristic, diff.context,
 *   diff.interHunkContext, diff.suppressBlankEmpty, color.*, core.quotePath, log.mailmap,
 *   i18n.logOutputEncoding.
 * Each command also passes the flags that pin its output (--no-ext-diff, --no-textconv,
 * --no-show-signature, --no-color, --no-abbrev, --format=…), so a key we missed cannot reach it.
 */
const HARDENED_CONFIG = [
  "core.fsmonitor=false",
  "core.hooksPath=/dev/null",
  "core.pager=cat",
  "core.editor=false",
  "sequence.editor=false",
  "core.askPass=",
  "core.untrackedCache=false",
  "core.sshCommand=false",
  "core.gitProxy=",
  "core.alternateRefsCommand=",
  "core.quotePath=true",
  "core.abbrev=40",
  "credential.helper=",
  "diff.external=",
  "diff.noprefix=false",
  "diff.mnemonicPrefix=false",
  "diff.srcPrefix=a/",
  "diff.dstPrefix=b/",
  "diff.relative=false",
  "diff.renames=false",
  "diff.orderFile=/dev/null",
  "diff.algorithm=myers",
  "diff.indentHeuristic=false",
  "diff.interHunkContext=0",
  "diff.suppressBlankEmpty=false",
  "color.ui=false",
  "gpg.program=false",
  "gpg.openpgp.program=false",
  "gpg.x509.program=false",
  "gpg.ssh.program=false",
  "gpg.ssh.defaultKeyCommand=",
  "log.showSignature=false",
  "log.showRoot=true",
  "log.mailmap=false",
  "i18n.logOutputEncoding=UTF-8",
  "protocol.allow=never",
  "uploadpack.packObjectsHook=",
];

/** Keys with a name of the repository's choosing that run a program (`diff.<driver>.command`). */
const PROGRAM_KEY = /^(?:diff\.[^\n]+\.(?:command|textconv)|filter\.[^\n]+\.(?:clean|smudge|process)|merge\.[^\n]+\.driver|hook\.[^\n]+\.command|credential\.[^\n]+\.helper|remote\.[^\n]+\.(?:uploadpack|receivepack|vcs)|(?:difftool|mergetool|browser|man)\.[^\n]+\.(?:cmd|path)|pager\.[^\n]+|gpg\.[^\n]+\.program|alias\.[^\n]+)$/i;

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

export function gitArgs(args: readonly string[], neutralised: readonly string[] = []): string[] {
  return ["--no-pager", ...[...HARDENED_CONFIG, ...neutralised].flatMap((c) => ["-c", c]), ...args];
}

/**
 * The program-running keys of the repository's own choosing, each pinned empty. Reading config
 * runs nothing. The list is read again whenever a config file it came from changes (size,
 * mtime, inode of the repository's, the user's and the system's config), so a config changed
 * between two calls is never missed, and a scan's dozens of git calls read it once.
 */
function repositoryKeys(cwd: string): string[] {
  const stamp = configStamp(cwd);
  const cached = stamp === null ? undefined : keysCache.get(cwd);
  if (cached && cached.stamp === stamp) return cached.keys;
  const listed = spawnSync("git", gitArgs(["config", "--list", "--name-only", "-z"]), { cwd, env: gitEnv(), maxBuffer: 1 << 24, windowsHide: true });
  const names = listed.status === 0 ? listed.stdout.toString("utf8").split("\0").filter(Boolean) : [];
  const keys = [...new Set(names.filter((name) => PROGRAM_KEY.test(name)))].map((name) => `${name}=`);
  if (stamp !== null) keysCache.set(cwd, { stamp, keys });
  return keys;
}

const keysCache = new Map<string, { stamp: string; keys: string[] }>();

/** What the config files of `cwd` look like on disk now; null when its git directory cannot be found by reading (then nothing is cached). */
function configStamp(cwd: string): string | null {
  const gitDir = findGitDir(resolve(cwd));
  if (gitDir === null) return null;
  const files = [join(gitDir, "config"), join(gitDir, "config.worktree"), join(homedir(), ".gitconfig"), join(process.env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "git", "config"), "/etc/gitconfig"];
  // An environment that names other config files, or includes we cannot see, is read every time.
  if (process.env.GIT_CONFIG_GLOBAL || process.env.GIT_CONFIG_SYSTEM || process.env.GIT_CONFIG_COUNT) return null;
  return files.map((file) => fileStamp(file)).join("|");
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "-";
  }
}

/** The git directory above `dir`: a `.git` folder, or the folder a `.git` file points to (a worktree, a submodule). */
function findGitDir(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, ".git");
    try {
      const s = statSync(candidate);
      if (s.isDirectory()) return candidate;
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(candidate, "utf8"));
      return pointer ? resolve(current, pointer[1]!.trim()) : null;
    } catch {
      // no .git here: look further up
    }
    if (dirname(current) === current) return null;
  }
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
  const result = spawnSync("git", gitArgs(args, repositoryKeys(cwd)), {
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
  return spawn("git", gitArgs(args, repositoryKeys(cwd)), { cwd, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
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
