// Reading and writing the tool's own files (config, baseline, reports, the files `init` writes)
// in a folder a stranger may have prepared: a symbolic link planted in a pull request must not
// lead a read or a write outside the folder it belongs to, and a write is all or nothing.
import { lstatSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";

/** A file of ours that cannot be read or written as asked; the message says why, never what it holds. */
export class OwnFileError extends Error {
  override name = "OwnFileError";
}

/** Is `path` inside `folder` (or the folder itself), comparing resolved real paths? */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Reads a file of ours. With `within`, a path inside that folder (a repository) must stay inside
 * it once links are resolved: `.carbon-secret-lint.yaml -> /proc/self/environ` is refused.
 */
export function readOwnFile(path: string, what: string, options: { within?: string } = {}): string {
  const absolute = resolve(path);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    throw new OwnFileError(`cannot read the ${what} ${path}: ${errorCode(error)}`);
  }
  if (options.within && isInside(resolve(options.within), absolute) && !isInside(realFolder(options.within), real)) {
    throw new OwnFileError(`the ${what} ${path} is a symbolic link that leads outside ${options.within}; refusing to read it`);
  }
  if (!statSync(real).isFile()) throw new OwnFileError(`the ${what} ${path} is not a regular file`);
  try {
    return readFileSync(real, "utf8");
  } catch (error) {
    throw new OwnFileError(`cannot read the ${what} ${path}: ${errorCode(error)}`);
  }
}

/**
 * Writes a file of ours all at once: to a temporary file beside it, then renamed over it, so an
 * interrupted write (kill, full disk, file-size limit) leaves the old file whole, and a symbolic
 * link at the path is replaced rather than followed. With `within`, a path inside that folder
 * must not reach outside it through a linked parent folder.
 */
export function writeOwnFile(path: string, data: string, what: string, options: { within?: string } = {}): void {
  const absolute = resolve(path);
  const folder = dirname(absolute);
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new OwnFileError(`cannot write the ${what} ${path}: the folder ${dirname(path)} does not exist`);
  }
  if (!folderStat.isDirectory()) throw new OwnFileError(`cannot write the ${what} ${path}: ${dirname(path)} is not a folder`);
  const existing = statOrNull(absolute);
  if (existing?.isDirectory()) throw new OwnFileError(`cannot write the ${what} ${path}: it is a folder; give a file name`);
  if (options.within && isInside(resolve(options.within), absolute) && !isInside(realFolder(options.within), realFolder(folder))) {
    throw new OwnFileError(`cannot write the ${what} ${path}: its folder is a symbolic link that leads outside ${options.within}`);
  }
  const temporary = resolve(folder, `.${basename(absolute)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: "wx", mode: existing ? existing.mode & 0o777 : 0o644 });
    renameSync(temporary, absolute);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new OwnFileError(`cannot write the ${what} ${path}: ${errorCode(error)}`);
  }
}

function statOrNull(path: string) {
  try {
    const link = lstatSync(path);
    return link.isSymbolicLink() ? null : link;
  } catch {
    return null;
  }
}

/** The error's code and its plain meaning, without any path or content the error may quote. */
function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const meaning: Record<string, string> = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "not permitted",
    ENOSPC: "no space left on the device",
    EFBIG: "the file is larger than the system allows",
    EDQUOT: "disk quota exceeded",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    ELOOP: "too many symbolic links",
    EROFS: "the file system is read-only",
  };
  return code ? `${meaning[code] ?? "failed"} (${code})` : "failed";
}
