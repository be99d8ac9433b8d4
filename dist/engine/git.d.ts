export declare function gitArgs(args: readonly string[]): string[];
export declare class GitError extends Error {
    readonly stderr: string;
    constructor(message: string, stderr: string);
}
export interface GitOutput {
    status: number;
    stdout: Buffer;
    stderr: string;
}
/** Runs git synchronously with a bounded output buffer; never throws for a non-zero exit. */
export declare function runGit(cwd: string, args: readonly string[], input?: string | Buffer): GitOutput;
export declare function gitText(cwd: string, args: readonly string[]): string;
/** Splits NUL-separated git output (`-z`), the only form safe for any file name. */
export declare function splitNul(buffer: Buffer): string[];
export declare function spawnGit(cwd: string, args: readonly string[]): import("child_process").ChildProcessWithoutNullStreams;
export type RepositoryProbe = {
    kind: "repository";
    top: string;
    prefix: string;
} | {
    kind: "none";
} | {
    kind: "untrusted";
    message: string;
};
/** Is `dir` inside a git work tree? `prefix` is dir relative to the top, with a trailing slash or empty. */
export declare function probeRepository(dir: string): RepositoryProbe;
