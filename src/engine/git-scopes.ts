// What a scan reads besides the working tree: the index (--staged), what a branch adds
// (--diff), and every blob ever committed (--history). Blobs come from one `git cat-file`
// process per batch, never from the working tree.
import { basename } from "../core/file-kinds.js";
import type { Candidate, Discovery } from "./discover.js";
import { GitError, probeRepository, runGit, splitNul } from "./git.js";
import { IgnoreRules } from "./ignore-rules.js";
import type { Notice } from "../core/types.js";

export class ScopeError extends Error {
  override name = "ScopeError";
}

const BATCH_BYTES = 64 * 1024 * 1024;

/** Sizes of blobs, from one `git cat-file --batch-check`. */
function blobSizes(cwd: string, shas: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  if (shas.length === 0) return sizes;
  const out = runGit(cwd, ["cat-file", "--batch-check=%(objectname) %(objectsize)"], shas.join("\n") + "\n");
  for (const line of out.stdout.toString("utf8").split("\n")) {
    const [sha, size] = line.split(" ");
    if (sha && size && /^\d+$/.test(size)) sizes.set(sha, Number(size));
  }
  return sizes;
}

/**
 * Reads blobs lazily in batches: the first read of any blob in a batch fetches the whole
 * batch with one `git cat-file --batch`, so N files cost N/batch processes, not N.
 */
export class BlobReader {
  private readonly cache = new Map<string, Buffer>();
  private readonly batchOf = new Map<string, string[]>();

  /**
   * `shas` in the order they will likely be read. `sizes` marks the blobs sure to be read: they
   * are batched apart from the rest, so a hook reading 10 staged files never fetches 2,000.
   */
  constructor(private readonly cwd: string, shas: readonly string[], sizes: Map<string, number>) {
    const unique = [...new Set(shas)];
    this.group(unique.filter((sha) => sizes.has(sha)), sizes);
    this.group(unique.filter((sha) => !sizes.has(sha)), sizes);
  }

  private group(shas: readonly string[], sizes: Map<string, number>): void {
    let batch: string[] = [];
    let bytes = 0;
    for (const sha of shas) {
      batch.push(sha);
      this.batchOf.set(sha, batch);
      bytes += sizes.get(sha) ?? 0;
      if (bytes >= BATCH_BYTES || batch.length >= 2000) {
        batch = [];
        bytes = 0;
      }
    }
  }

  read(sha: string): Buffer {
    const cached = this.cache.get(sha);
    if (cached) {
      this.cache.delete(sha); // each blob is scanned once; do not hold the repository in memory
      return cached;
    }
    const batch = this.batchOf.get(sha) ?? [sha];
    const out = runGit(this.cwd, ["cat-file", "--batch"], batch.join("\n") + "\n");
    if (out.status !== 0) throw new GitError(`git cat-file failed: ${out.stderr.trim()}`, out.stderr);
    const data = out.stdout;
    let offset = 0;
    while (offset < data.length) {
      const headerEnd = data.indexOf(0x0a, offset);
      if (headerEnd === -1) break;
      const [objectSha, , size] = data.subarray(offset, headerEnd).toString("utf8").split(" ");
      if (!size || !/^\d+$/.test(size)) {
        offset = headerEnd + 1; // "<sha> missing"
        continue;
      }
      const start = headerEnd + 1;
      const end = start + Number(size);
      if (objectSha) this.cache.set(objectSha, data.subarray(start, end));
      offset = end + 1;
    }
    for (const other of batch) this.batchOf.delete(other);
    const blob = this.cache.get(sha);
    this.cache.delete(sha);
    if (!blob) throw new GitError(`blob ${sha} is missing from the repository`, "");
    return blob;
  }
}

function requireRepository(root: string, flag: string): void {
  const probe = probeRepository(root);
  if (probe.kind === "untrusted") throw new ScopeError(probe.message);
  if (probe.kind !== "repository") throw new ScopeError(`${flag} needs a git repository, and ${root} is not inside one`);
}

interface IndexEntry {
  path: string;
  sha: string;
  mode: string;
}

function indexEntries(root: string): IndexEntry[] {
  // "<mode> <sha> <stage>\t<path>", paths relative to the root
  const out = runGit(root, ["ls-files", "-z", "-s", "--", "."]);
  if (out.status !== 0) throw new GitError(`git ls-files failed: ${out.stderr.trim()}`, out.stderr);
  const entries = new Map<string, IndexEntry>();
  for (const record of splitNul(out.stdout)) {
    const tab = record.indexOf("\t");
    const [mode = "", sha = ""] = record.slice(0, tab).split(" ");
    entries.set(record.slice(tab + 1), { path: record.slice(tab + 1), sha, mode });
  }
  return [...entries.values()];
}

function treeEntries(root: string, treeish: string): IndexEntry[] {
  const out = runGit(root, ["ls-tree", "-r", "-z", "--full-tree", treeish, "--", "."]);
  if (out.status !== 0) throw new GitError(`git ls-tree failed: ${out.stderr.trim()}`, out.stderr);
  const prefix = runGit(root, ["rev-parse", "--show-prefix"]).stdout.toString("utf8").trim();
  const entries: IndexEntry[] = [];
  for (const record of splitNul(out.stdout)) {
    const tab = record.indexOf("\t");
    const [mode = "", type = "", sha = ""] = record.slice(0, tab).split(" ");
    const full = record.slice(tab + 1);
    if (type !== "blob" || (prefix && !full.startsWith(prefix))) continue;
    entries.push({ path: full.slice(prefix.length), sha, mode });
  }
  return entries;
}

/** Candidates read from blobs; symlinks (mode 120000) and submodules (160000) are not files to scan. */
function blobDiscovery(root: string, entries: IndexEntry[], notices: Notice[], needed?: ReadonlySet<string>): Discovery {
  const files = entries.filter((e) => {
    if (e.mode === "120000") notices.push({ path: e.path, message: "symbolic link not followed" });
    if (e.mode === "160000") notices.push({ path: e.path, message: "submodule not scanned" });
    return e.mode.startsWith("100");
  });
  // Only the files that will be read need their sizes (a pre-commit hook reads a handful of thousands).
  const sizes = blobSizes(root, files.filter((f) => !needed || needed.has(f.path) || basename(f.path) === ".gitignore").map((f) => f.sha));
  const reader = new BlobReader(root, files.map((f) => f.sha), sizes);
  const ignoreRules = new IgnoreRules();
  const candidates: Candidate[] = files.map((f) => ({ path: f.path, tracked: true, size: sizes.get(f.sha) ?? 0, read: () => reader.read(f.sha), blob: f.sha }));
  for (const c of candidates) {
    if (basename(c.path) === ".gitignore") ignoreRules.add(c.path, c.read().toString("utf8"));
  }
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inGit: true, candidates, ignoreRules, notices };
}

export interface ScopedDiscovery extends Discovery {
  /** File rules run only on these paths. */
  selected: Set<string>;
  /** With --diff: findings are kept only on these lines (added by the change). */
  addedLines?: Map<string, Set<number>>;
}

/** --staged: the index as it will be committed; file rules see only what differs from HEAD. */
export function discoverStaged(root: string): ScopedDiscovery {
  requireRepository(root, "--staged");
  const notices: Notice[] = [];
  const entries = indexEntries(root);
  const diff = runGit(root, ["diff", "--cached", "--name-only", "--no-ext-diff", "--no-textconv", "--relative", "-z", "--no-renames", "--diff-filter=ACMRT", "HEAD", "--", "."]);
  let changed: Set<string>;
  if (diff.status === 0) changed = new Set(splitNul(diff.stdout));
  // Without a first commit there is no HEAD to compare with: everything staged is new.
  else if (runGit(root, ["rev-parse", "--verify", "-q", "HEAD"]).status !== 0) changed = new Set(entries.map((e) => e.path));
  else throw new GitError(`git diff --cached failed: ${diff.stderr.trim()}`, diff.stderr);
  return { ...blobDiscovery(root, entries, notices, changed), selected: changed };
}

/** A base commit must be in the repository: a shallow checkout often lacks it. `what` says what needed it. */
function requireBase(root: string, base: string, what: string): void {
  if (runGit(root, ["rev-parse", "--verify", "-q", `${base}^{commit}`]).status === 0) return;
  const shallow = runGit(root, ["rev-parse", "--is-shallow-repository"]).stdout.toString("utf8").trim() === "true";
  throw new ScopeError(
    `${what}: the base "${base}" is not in this repository${shallow ? " (it is a shallow clone)" : ""}. ` +
      "Fetch it first: in GitHub Actions, check out with `fetch-depth: 0`, or run `git fetch origin <base>`.",
  );
}

/**
 * A file as a base commit holds it (the path relative to the root), or null when the commit has
 * no such file. Only a regular file is read: a symbolic link is refused, not followed.
 */
export function readAtBase(root: string, base: string, path: string): Buffer | null {
  requireRepository(root, `reading ${path} at the base`);
  requireBase(root, base, `reading ${path} at the base`);
  // "<mode> <type> <sha>\t<path>"; literal, so a name with `*` or `:` is only itself
  const listed = runGit(root, ["--literal-pathspecs", "ls-tree", "-z", base, "--", path]);
  if (listed.status !== 0) throw new GitError(`git ls-tree failed: ${listed.stderr.trim()}`, listed.stderr);
  const [entry] = splitNul(listed.stdout);
  if (!entry) return null;
  const [mode = "", , sha = ""] = entry.slice(0, entry.indexOf("\t")).split(" ");
  if (!mode.startsWith("100")) throw new ScopeError(`${path} at the base ${base} is not a regular file${mode === "120000" ? " but a symbolic link, which is not followed" : ""}`);
  const blob = runGit(root, ["cat-file", "blob", sha]);
  if (blob.status !== 0) throw new GitError(`git cat-file failed: ${blob.stderr.trim()}`, blob.stderr);
  return blob.stdout;
}

/** --diff <base>: HEAD's tree; findings only on lines added since the merge base of base and HEAD. */
export function discoverDiff(root: string, base: string): ScopedDiscovery {
  requireRepository(root, "--diff");
  requireBase(root, base, "--diff");
  const mergeBase = runGit(root, ["merge-base", base, "HEAD"]);
  if (mergeBase.status !== 0) {
    throw new ScopeError(`--diff: "${base}" and HEAD share no history here (a shallow clone?). Check out with \`fetch-depth: 0\` or fetch the base branch.`);
  }
  const from = mergeBase.stdout.toString("utf8").trim();
  const notices: Notice[] = [];
  const discovery = blobDiscovery(root, treeEntries(root, "HEAD"), notices);
  const diff = runGit(root, ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--diff-algorithm=myers", "--no-indent-heuristic", "--inter-hunk-context=0", "-O/dev/null", "--relative", "--no-renames", "--diff-filter=ACMRT", from, "HEAD", "--", "."]);
  if (diff.status !== 0) throw new GitError(`git diff failed: ${diff.stderr.trim()}`, diff.stderr);
  const addedLines = parseAddedLines(diff.stdout.toString("utf8"));
  return { ...discovery, selected: new Set(addedLines.keys()), addedLines };
}

/** Lines each file gains in a unified diff with zero context (`@@ -a,b +c,d @@`). */
export function parseAddedLines(diff: string): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  let current: Set<number> | null = null;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const target = line.slice(4);
      current = target === "/dev/null" ? null : new Set();
      if (current) added.set(unquotePath(target).replace(/^b\//, ""), current);
    } else if (line.startsWith("@@") && current) {
      const match = /\+(\d+)(?:,(\d+))?/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return added;
}

// git quotes paths with unusual characters: "b/caf\303\251.txt"
function unquotePath(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, "\\": 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}

export interface HistoryDiscovery extends Discovery {
  /** The commit and date that first introduced each blob, by candidate path@sha. */
  introducedBy: Map<Candidate, { commit: string; date: string }>;
}

/** --history [range]: every blob ever committed in the range, each once, with the first commit that added it. */
export function discoverHistory(root: string, range?: string): HistoryDiscovery {
  requireRepository(root, "--history");
  // Oldest first, so the first commit to show a blob is the one that introduced it.
  const args = ["log", "--reverse", "--no-show-signature", "--no-color", "--no-mailmap", "--root", "--format=%x00commit %H %cI", "--raw", "--no-abbrev", "--no-renames", "--relative", "-z", "--diff-filter=AM"];
  const out = runGit(root, [...args, ...(range ? [range] : ["--all"]), "--", "."]);
  if (out.status !== 0) {
    throw new ScopeError(`--history: git log failed for ${range ?? "--all"}: ${out.stderr.trim().split("\n")[0] ?? ""}`);
  }
  const seen = new Map<string, { path: string; commit: string; date: string }>();
  const fields = out.stdout.toString("utf8").split("\0");
  let commit = "";
  let date = "";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!.replace(/^\n/, "");
    if (field.startsWith("commit ")) {
      [, commit = "", date = ""] = field.split(" ");
    } else if (field.startsWith(":")) {
      // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path in the next field
      const [, newMode = "", , newSha = ""] = field.slice(1).split(" ");
      const path = fields[++i] ?? "";
      if (newMode.startsWith("100") && !seen.has(newSha)) seen.set(newSha, { path, commit, date });
    }
  }
  const shas = [...seen.keys()];
  const sizes = blobSizes(root, shas);
  const reader = new BlobReader(root, shas, sizes);
  const introducedBy = new Map<Candidate, { commit: string; date: string }>();
  const candidates: Candidate[] = [];
  for (const [sha, where] of seen) {
    const candidate: Candidate = { path: where.path, tracked: true, size: sizes.get(sha) ?? 0, read: () => reader.read(sha) };
    candidates.push(candidate);
    introducedBy.set(candidate, { commit: where.commit, date: where.date });
  }
  return { inGit: true, candidates, ignoreRules: new IgnoreRules(), notices: [], introducedBy };
}
