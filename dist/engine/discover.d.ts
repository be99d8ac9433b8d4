import { IgnoreRules } from "./ignore-rules.js";
import type { Notice } from "./types.js";
/** A file the scan may read: where it is, whether git tracks it, and how to get its bytes. */
export interface Candidate {
    path: string;
    tracked: boolean;
    size: number;
    read(): Buffer;
    /** Set for files in the working tree, so a worker thread can read them itself. */
    absolutePath?: string;
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
export declare function discoverWorktree(root: string): Discovery;
