import type { IgnoreVerdict } from "./types.js";
/**
 * git's ignore semantics over a tree's .gitignore files: the deepest file with a matching
 * pattern decides, the last matching line of a file wins, `!` re-includes, and nothing
 * inside an ignored directory can be re-included.
 */
export declare class IgnoreRules {
    private readonly levels;
    add(gitignorePath: string, text: string): void;
    get files(): string[];
    isIgnored(path: string): IgnoreVerdict;
    /** The verdict of the deepest .gitignore with a matching line, for one path (dirs end in "/"). */
    private decide;
}
