import type { Candidate, Discovery } from "./discover.js";
export declare class ScopeError extends Error {
    name: string;
}
/**
 * Reads blobs lazily in batches: the first read of any blob in a batch fetches the whole
 * batch with one `git cat-file --batch`, so N files cost N/batch processes, not N.
 */
export declare class BlobReader {
    private readonly cwd;
    private readonly cache;
    private readonly batchOf;
    /**
     * `shas` in the order they will likely be read. `sizes` marks the blobs sure to be read: they
     * are batched apart from the rest, so a hook reading 10 staged files never fetches 2,000.
     */
    constructor(cwd: string, shas: readonly string[], sizes: Map<string, number>);
    private group;
    read(sha: string): Buffer;
}
export interface ScopedDiscovery extends Discovery {
    /** File rules run only on these paths. */
    selected: Set<string>;
    /** With --diff: findings are kept only on these lines (added by the change). */
    addedLines?: Map<string, Set<number>>;
}
/** --staged: the index as it will be committed; file rules see only what differs from HEAD. */
export declare function discoverStaged(root: string): ScopedDiscovery;
/** --diff <base>: HEAD's tree; findings only on lines added since the merge base of base and HEAD. */
export declare function discoverDiff(root: string, base: string): ScopedDiscovery;
/** Lines each file gains in a unified diff with zero context (`@@ -a,b +c,d @@`). */
export declare function parseAddedLines(diff: string): Map<string, Set<number>>;
export interface HistoryDiscovery extends Discovery {
    /** The commit and date that first introduced each blob, by candidate path@sha. */
    introducedBy: Map<Candidate, {
        commit: string;
        date: string;
    }>;
}
/** --history [range]: every blob ever committed in the range, each once, with the first commit that added it. */
export declare function discoverHistory(root: string, range?: string): HistoryDiscovery;
