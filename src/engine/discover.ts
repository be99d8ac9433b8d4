import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { basename } from "../core/file-kinds.js";
import { probeRepository, runGit, splitNul } from "./git.js";
import { IgnoreRules } from "./ignore-rules.js";
import type { Notice } from "../core/types.js";

/** A file the scan may read: where it is, whether git tracks it, and how to get its bytes. */
export interface Candidate {
  path: string; // relative to the scan root, forward slashes
  tracked: boolean;
  size: number;
  read(): Buffer;
  /** Set for files in the working tree, so a worker thread can read them itself. */
  absolutePath?: string;
  /** The git object id, for a file read from git (--staged, --diff): its content, named. */
  blob?: string;
}

export interface Discovery {
  inGit: boolean;
  candidates: Candidate[];
  ignoreRules: IgnoreRules;
  notices: Notice[];
}

/**
 * The working tree: in a repository, tracked files plus untracked files that are not
 * ignored (a tracked file is scanned even when a later .gitignore matches it); elsewhere,
 * every file under the root that the tree's .gitignore files do not exclude.
 */
export function discoverWorktree(root: string): Discovery {
  const notices: Notice[] = [];
  const probe = probeRepository(root);
  if (probe.kind === "untrusted") notices.push({ message: probe.message });
  let listed = probe.kind === "repository" ? listFromGit(root) : listFromFilesystem(root, notices);
  let inGit = probe.kind === "repository";
  if (inGit && listed.length === 0) {
    // A directory the enclosing repository ignores (a build or corpus folder): git lists nothing.
    const files = listFromFilesystem(root, notices);
    if (files.length > 0) {
      notices.push({ message: "the directory is ignored by the enclosing git repository; scanned as plain files" });
      listed = files;
      inGit = false;
    }
  }
  const ignoreRules = new IgnoreRules();
  const candidates: Candidate[] = [];
  for (const { path, tracked } of listed) {
    const full = join(root, path);
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      continue; // tracked but deleted in the working tree: nothing to read
    }
    if (stat.isSymbolicLink()) {
      notices.push({ path, message: "symbolic link not followed" });
      continue;
    }
    if (!stat.isFile()) {
      if (stat.isDirectory()) notices.push({ path, message: "submodule or nested repository not scanned" });
      else notices.push({ path, message: "not a regular file (a FIFO, socket or device); not read" });
      continue;
    }
    candidates.push({ path, tracked, size: stat.size, read: () => readFileSync(full), absolutePath: full });
    if (basename(path) === ".gitignore") {
      try {
        ignoreRules.add(path, readFileSync(full, "utf8"));
      } catch (error) {
        notices.push({ path, message: `could not read: ${(error as Error).message}` });
      }
    }
  }
  const kept = inGit ? candidates : candidates.filter((c) => !ignoreRules.isIgnored(c.path).ignored);
  kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inGit, candidates: kept, ignoreRules, notices };
}

function listFromGit(root: string): { path: string; tracked: boolean }[] {
  // -t tags each path: "H " cached (tracked), "? " untracked and not ignored.
  const out = runGit(root, ["ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--", "."]);
  if (out.status !== 0) throw new Error(`git ls-files failed in ${root}: ${out.stderr.trim()}`);
  const seen = new Map<string, boolean>();
  for (const entry of splitNul(out.stdout)) {
    const tag = entry.slice(0, 1);
    const path = entry.slice(2);
    seen.set(path, (seen.get(path) ?? false) || tag !== "?");
  }
  return [...seen].map(([path, tracked]) => ({ path, tracked }));
}

// Never descended into outside git; inside git, git's own ignore rules decide.
const ALWAYS_SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/**
 * Every entry under the root, without following symbolic links (they are listed, then noticed
 * and skipped). A directory that cannot be read is named in a notice, not silently dropped.
 */
function listFromFilesystem(root: string, notices: Notice[]): { path: string; tracked: boolean }[] {
  const found: { path: string; tracked: boolean }[] = [];
  const pending = [""];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir ? join(root, dir) : root, { withFileTypes: true });
    } catch (error) {
      notices.push({ path: dir || ".", message: `directory could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its files were not scanned` });
      continue;
    }
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      } else found.push({ path, tracked: false });
    }
  }
  return found;
}
