import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const created: string[] = [];

export function tempDir(prefix = "csl-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

const GIT_IDENTITY = ["-c", "user.email=test@example.invalid", "-c", "user.name=test", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", [...GIT_IDENTITY, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

/** A real git repository with the files committed (`-f`, so an ignored `.env` can be tracked). */
export function makeRepo(files: Record<string, string | Buffer>, options: { commit?: boolean } = {}): string {
  const dir = tempDir("csl-repo-");
  git(dir, "init", "-q");
  writeFiles(dir, files);
  if (options.commit !== false && Object.keys(files).length > 0) {
    git(dir, "add", "-A", "-f");
    git(dir, "commit", "-q", "-m", "initial");
  }
  return dir;
}
