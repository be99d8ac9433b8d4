// A scanned repository's own git config must neither run a program nor change what our git
// commands print. Each test arms a repository, proves that plain git would fall for it, and then
// scans every scope.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scan } from "../src/engine/scan.js";
import type { Finding } from "../src/core/types.js";
import { git, makeRepo, removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

const SCOPES = [{ kind: "worktree" }, { kind: "staged" }, { kind: "diff", base: "main" }, { kind: "history" }] as const;

// A value the generic pass reports in every scope (committed on the feature branch).
const LEAK = 'DB_PASSWORD = "Vq7pLx2Rt9mZ"\n';

/** A commit carrying a PGP signature header, made without gpg: `git log --show-signature` verifies it. */
function commitSigned(repo: string, message: string): void {
  const tree = git(repo, "write-tree").trim();
  const parent = git(repo, "rev-parse", "HEAD").trim();
  const body = [
    `tree ${tree}`,
    `parent ${parent}`,
    "author test <test@example.invalid> 1700000000 +0000",
    "committer test <test@example.invalid> 1700000000 +0000",
    "gpgsig -----BEGIN PGP SIGNATURE-----",
    " ",
    " iQEzBAABCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmVVVVUACgkQAAAAAAAAAAA=",
    " -----END PGP SIGNATURE-----",
    "",
    message,
    "",
  ].join("\n");
  const sha = execFileSync("git", ["hash-object", "-t", "commit", "-w", "--stdin"], { cwd: repo, input: body, encoding: "utf8" }).trim();
  git(repo, "update-ref", "HEAD", sha);
}

function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.path}:${f.line} ${f.fingerprint}`).sort();
}

async function scanAll(repo: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const scope of SCOPES) out[scope.kind] = findingKeys((await scan({ root: repo, scope })).findings);
  return out;
}

function armedRepository() {
  const repo = makeRepo({ "notes.txt": "base\n", "app.py": LEAK.replace("DB_", "ROOT_"), ".gitattributes": "*.txt diff=evil filter=evil merge=evil\n" });
  git(repo, "checkout", "-q", "-b", "feature");
  writeFileSync(join(repo, "settings.py"), LEAK);
  writeFileSync(join(repo, "notes.txt"), "changed\n");
  git(repo, "add", ".");
  commitSigned(repo, "signed change");
  writeFileSync(join(repo, "staged.py"), LEAK.replace("DB_", "API_"));
  git(repo, "add", "staged.py");
  const marker = join(tempDir("csl-marker-"), "ran");
  const script = join(tempDir("csl-payload-"), "payload.sh");
  writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat >/dev/null 2>&1\nexit 0\n`);
  chmodSync(script, 0o755);
  return { repo, marker, script };
}

describe("git hardening: nothing the scanned repository configures runs", () => {
  it("runs no program a repository key names, in any scope (gpg for signed commits, drivers, filters, hooks, pagers, helpers)", async () => {
    const { repo, marker, script } = armedRepository();
    const before = await scanAll(repo);
    expect(before.history!.length, "the planted secret is found before arming").toBeGreaterThan(0);
    for (const [key, value] of [
      ["log.showSignature", "true"],
      ["gpg.program", script],
      ["gpg.openpgp.program", script],
      ["core.fsmonitor", script],
      ["core.hooksPath", join(repo, "evil-hooks")],
      ["core.pager", script],
      ["pager.log", script],
      ["core.editor", script],
      ["core.askPass", script],
      ["diff.external", script],
      ["diff.evil.command", script],
      ["diff.evil.textconv", script],
      ["filter.evil.clean", script],
      ["filter.evil.smudge", script],
      ["filter.evil.process", script],
      ["merge.evil.driver", script],
      ["credential.helper", `!${script}`],
      ["hook.evil.command", script],
      ["hook.evil.event", "pre-auto-gc"],
    ]) git(repo, "config", key!, value!);
    // The arming works: plain git runs the gpg program for the signed commit.
    spawnSync("git", ["log", "-1", "--format=%H"], { cwd: repo });
    expect(existsSync(marker), "plain git log runs gpg.program when log.showSignature is set").toBe(true);
    rmSync(marker);
    const after = await scanAll(repo);
    expect(existsSync(marker), "a program the repository configures ran during a scan").toBe(false);
    expect(after).toEqual(before);
  });

  it("keys that change git's output do not change what a scan reads", async () => {
    const { repo } = armedRepository();
    const before = await scanAll(repo);
    for (const [key, value] of [
      ["log.showRoot", "false"],
      ["core.abbrev", "7"],
      ["color.ui", "always"],
      ["color.diff", "always"],
      ["diff.noprefix", "true"],
      ["diff.mnemonicPrefix", "true"],
      ["diff.relative", "true"],
      ["diff.renames", "copies"],
      ["diff.algorithm", "patience"],
      ["diff.context", "5"],
      ["diff.orderFile", "/dev/null"],
      ["log.decorate", "full"],
      ["format.pretty", "oneline"],
      ["log.mailmap", "true"],
      ["core.quotePath", "false"],
    ]) git(repo, "config", key!, value!);
    // The root commit holds app.py (a leak): with log.showRoot=false plain git log --raw omits its files.
    const plain = spawnSync("git", ["log", "--raw", "--format=%H"], { cwd: repo, encoding: "utf8" }).stdout;
    expect(plain).not.toContain("app.py");
    expect(await scanAll(repo)).toEqual(before);
  });
});
