import fg from "fast-glob";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { basename } from "./classify.js";
import { probeRepository, runGit, splitNul } from "./git.js";
import { IgnoreRules } from "./ignore-rules.js";
// Never descended into outside git; inside git, git's own ignore rules decide.
const ALWAYS_EXCLUDED = ["**/.git/**", "**/node_modules/**"];
/**
 * The working tree: in a repository, tracked files plus untracked files that are not
 * ignored (a tracked file is scanned even when a later .gitignore matches it); elsewhere,
 * every file under the root that the tree's .gitignore files do not exclude.
 */
export function discoverWorktree(root) {
    const notices = [];
    const probe = probeRepository(root);
    if (probe.kind === "untrusted")
        notices.push({ message: probe.message });
    let listed = probe.kind === "repository" ? listFromGit(root) : listFromFilesystem(root);
    let inGit = probe.kind === "repository";
    if (inGit && listed.length === 0) {
        // A directory the enclosing repository ignores (a build or corpus folder): git lists nothing.
        const files = listFromFilesystem(root);
        if (files.length > 0) {
            notices.push({ message: "the directory is ignored by the enclosing git repository; scanned as plain files" });
            listed = files;
            inGit = false;
        }
    }
    const ignoreRules = new IgnoreRules();
    const candidates = [];
    for (const { path, tracked } of listed) {
        const full = join(root, path);
        let stat;
        try {
            stat = lstatSync(full);
        }
        catch {
            continue; // tracked but deleted in the working tree: nothing to read
        }
        if (stat.isSymbolicLink()) {
            notices.push({ path, message: "symbolic link not followed" });
            continue;
        }
        if (!stat.isFile()) {
            if (stat.isDirectory())
                notices.push({ path, message: "submodule or nested repository not scanned" });
            continue;
        }
        candidates.push({ path, tracked, size: stat.size, read: () => readFileSync(full), absolutePath: full });
        if (basename(path) === ".gitignore") {
            try {
                ignoreRules.add(path, readFileSync(full, "utf8"));
            }
            catch (error) {
                notices.push({ path, message: `could not read: ${error.message}` });
            }
        }
    }
    const kept = inGit ? candidates : candidates.filter((c) => !ignoreRules.isIgnored(c.path).ignored);
    kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { inGit, candidates: kept, ignoreRules, notices };
}
function listFromGit(root) {
    // -t tags each path: "H " cached (tracked), "? " untracked and not ignored.
    const out = runGit(root, ["ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--", "."]);
    if (out.status !== 0)
        throw new Error(`git ls-files failed in ${root}: ${out.stderr.trim()}`);
    const seen = new Map();
    for (const entry of splitNul(out.stdout)) {
        const tag = entry.slice(0, 1);
        const path = entry.slice(2);
        seen.set(path, (seen.get(path) ?? false) || tag !== "?");
    }
    return [...seen].map(([path, tracked]) => ({ path, tracked }));
}
function listFromFilesystem(root) {
    const entries = fg.sync("**/*", {
        cwd: root,
        dot: true,
        onlyFiles: false,
        followSymbolicLinks: false,
        ignore: ALWAYS_EXCLUDED,
        suppressErrors: true,
        unique: true,
        markDirectories: true,
    });
    return entries.filter((p) => !p.endsWith("/")).map((path) => ({ path, tracked: false }));
}
