import { type ArgumentWord } from "./arguments.js";
import { type Assignment, type LiteralSpan } from "./binding.js";
type Quote = "" | "'" | '"' | "$'";
export interface ShellWordPart {
    start: number;
    end: number;
    innerStart: number;
    innerEnd: number;
    value: string;
    quote: Quote;
    templated: boolean;
}
export interface ShellWord extends ArgumentWord {
    start: number;
    end: number;
    raw: string;
    parts: ShellWordPart[];
}
export interface ShellScript {
    /** Simple commands in order; each is its words. Separators: newline ; & | ( ). */
    commands: ShellWord[][];
    /** Heredoc bodies (between the line after `<<EOF` and the closing `EOF`), not tokenized. */
    heredocs: {
        start: number;
        end: number;
    }[];
}
export interface ShellTokenizeOptions {
    /** false reads ; & | ( ) as word characters, as Dockerfile ENV values do. */
    operators?: boolean;
}
export declare function tokenizeShell(text: string, start?: number, end?: number, options?: ShellTokenizeOptions): ShellScript;
/** Assignments and flags of a shell script or a region of one (a YAML `run:` block, a Dockerfile RUN). */
export declare function shellAssignments(text: string, start?: number, end?: number): Assignment[];
/**
 * A command given as a list of arguments (YAML `args: [...]`, a Dockerfile `CMD ["…"]`): flags pair
 * across items, and an item that is itself a script (`sh -c "…"`) is read as one.
 */
export declare function argumentListAssignments(text: string, items: readonly LiteralSpan[]): Assignment[];
export {};
