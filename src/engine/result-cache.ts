// A cache of each file's outcome (what the file rules reported, the facts it gave project rules),
// keyed by the file's content, the tool's build and the configuration, so a re-scan of an
// unchanged tree reads only what changed. Project rules and the clean-up after them always run.
//
// Nothing secret is written to it: a report's value is kept as where it sits in the file and its
// SHA-256, and read back from the file on a hit (a file whose value is not in its text as written,
// a decoded one, is simply not cached). A fact that carries a file's value keeps that file out of the cache too.

import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { decode } from "../core/decode.js";
import { sha256 } from "../core/redact.js";
import type { FileOutcome, ResolvedReport } from "./file-pass.js";

const FORMAT = 1;

/** Where a report's value sits in its file's decoded text, and what it hashes to. */
interface SealedSecret {
  start: number;
  length: number;
  sha256: string;
}

type SealedReport = Omit<ResolvedReport, "descriptor"> & {
  descriptor: Omit<ResolvedReport["descriptor"], "secret"> & { sealed?: SealedSecret };
};

type SealedOutcome = Omit<FileOutcome, "index" | "reports"> & { reports: SealedReport[] };

interface Entry {
  /** The content: a git object id, or `sha1:` of the bytes. */
  id: string;
  size: number;
  /** For a file in the working tree: its modification time, so an unchanged file is not even read. */
  mtimeMs?: number;
  outcome: SealedOutcome;
}

interface CacheFile {
  format: number;
  identity: string;
  entries: Record<string, Entry>;
}

/** What the scan knows of a file before reading it. */
export interface CacheProbe {
  key: string;
  size: number;
  blob?: string;
  absolutePath?: string;
  read(): Buffer;
}


/** A stable name for what decides a file's outcome besides its content: the tool's build, the config, the rules. */
export function cacheIdentity(parts: readonly unknown[]): string {
  return sha256(JSON.stringify(parts));
}

/**
 * Where --cache keeps its file: in the repository's own .git folder (git never checks it out, so
 * the cache stays out of commits and out of the scan), else under the user's cache folder, named
 * by the scanned path. The Action can keep either with actions/cache.
 */
export function defaultCacheLocation(root: string): string {
  const gitDir = join(root, ".git");
  try {
    if (lstatSync(gitDir).isDirectory()) return join(gitDir, "carbon-secret-lint", "results.json");
  } catch {
    // not a repository's top folder, or .git is a file (a worktree): the user's cache folder
  }
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "carbon-secret-lint", `${sha256(root).slice(0, 16)}.json`);
}

export class ResultCache {
  private readonly previous: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};
  hits = 0;
  misses = 0;
  /** Why the file on disk was not used (unreadable, another version): said once, as a notice. */
  readonly problem: string | null;

  private constructor(private readonly path: string, private readonly identity: string, previous: Record<string, Entry>, problem: string | null) {
    this.previous = previous;
    this.problem = problem;
  }

  static open(path: string, identity: string): ResultCache {
    let raw: string;
    try {
      raw = readFileSync(path, "utf8");
    } catch {
      return new ResultCache(path, identity, {}, null); // no cache yet
    }
    try {
      const data = JSON.parse(raw) as Partial<CacheFile>;
      if (data.format !== FORMAT || typeof data.entries !== "object" || data.entries === null) {
        return new ResultCache(path, identity, {}, `the result cache ${path} is not one this version reads; it is rebuilt`);
      }
      // Another build or configuration: every outcome may differ, so none is reused.
      return new ResultCache(path, identity, data.identity === identity ? data.entries : {}, null);
    } catch {
      return new ResultCache(path, identity, {}, `the result cache ${path} does not parse; it is rebuilt`);
    }
  }

  /**
   * The cached outcome of a file whose content is unchanged, with its reports' values read back
   * from the file; null when the file must be scanned. `remember` says what to store after the scan.
   */
  lookup(probe: CacheProbe, index: number): { outcome: FileOutcome | null; remember: { id: string; mtimeMs?: number } | null } {
    const entry = this.previous[probe.key];
    const mtimeMs = probe.absolutePath ? mtimeOf(probe.absolutePath) : undefined;
    let bytes: Buffer | undefined;
    let id = probe.blob;
    const readBytes = (): Buffer => (bytes ??= probe.read());
    if (entry && entry.size === probe.size) {
      const unchanged =
        (id !== undefined && entry.id === id) ||
        (id === undefined && mtimeMs !== undefined && entry.mtimeMs === mtimeMs) ||
        (id === undefined && entry.id === `sha1:${sha1(readBytes())}`);
      if (unchanged) {
        const outcome = unseal(entry.outcome, index, () => decodedText(readBytes()));
        if (outcome) {
          this.hits++;
          this.next[probe.key] = mtimeMs === undefined ? entry : { ...entry, mtimeMs };
          return { outcome, remember: null };
        }
      }
    }
    this.misses++;
    try {
      id ??= `sha1:${sha1(readBytes())}`;
    } catch {
      return { outcome: null, remember: null }; // unreadable: the scan says so
    }
    return { outcome: null, remember: { id, ...(mtimeMs !== undefined ? { mtimeMs } : {}) } };
  }

  /** Keeps a freshly scanned file's outcome, sealed; a file whose values cannot be sealed is left out. */
  store(probe: CacheProbe, remember: { id: string; mtimeMs?: number }, outcome: FileOutcome): void {
    const sealed = seal(outcome);
    if (sealed) this.next[probe.key] = { id: remember.id, size: probe.size, ...(remember.mtimeMs !== undefined ? { mtimeMs: remember.mtimeMs } : {}), outcome: sealed };
  }

  /** Writes what this scan saw (files gone since are dropped); a failure is returned, not thrown. */
  save(): string | null {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      // A folder of the path that is a symbolic link (a crafted .git/carbon-secret-lint) is not followed.
      if (lstatSync(dirname(this.path)).isSymbolicLink()) return `the result cache was not written: ${dirname(this.path)} is a symbolic link`;
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, identity: this.identity, entries: this.next } satisfies CacheFile));
      renameSync(temporary, this.path);
      return null;
    } catch (error) {
      return `the result cache could not be written to ${this.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function sha1(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

function decodedText(bytes: Buffer): string {
  const decoded = decode(bytes);
  return "skipped" in decoded ? "" : decoded.text;
}

/** The outcome with each report's value replaced by where it sits in the text; null if one is not in the text as written. */
function seal(outcome: FileOutcome): SealedOutcome | null {
  const values: string[] = [];
  const reports: SealedReport[] = [];
  for (const { secretAt, ...report } of outcome.reports) {
    const { secret, ...descriptor } = report.descriptor;
    if (secret === undefined) {
      reports.push({ ...report, descriptor });
      continue;
    }
    if (secretAt === undefined || secretAt < 0) return null;
    values.push(secret);
    reports.push({ ...report, descriptor: { ...descriptor, sealed: { start: secretAt, length: secret.length, sha256: sha256(secret) } } });
  }
  const { index: _index, reports: _reports, ...rest } = outcome;
  const sealed: SealedOutcome = { ...rest, reports };
  // A fact or a notice that carries a value would write it to disk: such a file is scanned every time.
  if (values.length > 0) {
    const serialized = JSON.stringify(sealed);
    if (values.some((value) => value.length >= 4 && serialized.includes(JSON.stringify(value).slice(1, -1)))) return null;
  }
  return sealed;
}

function unseal(sealed: SealedOutcome, index: number, text: () => string): FileOutcome | null {
  const reports: ResolvedReport[] = [];
  for (const report of sealed.reports) {
    const { sealed: where, ...descriptor } = report.descriptor;
    if (!where) {
      reports.push({ ...report, descriptor });
      continue;
    }
    const secret = text().slice(where.start, where.start + where.length);
    if (secret.length !== where.length || sha256(secret) !== where.sha256) return null;
    reports.push({ ...report, descriptor: { ...descriptor, secret } });
  }
  return { ...sealed, index, reports };
}
