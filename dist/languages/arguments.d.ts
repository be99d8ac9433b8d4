import { type Assignment, type LiteralSpan } from "./binding.js";
/** One argument of a command, however it was written (a shell word, a YAML or JSON array item). */
export interface ArgumentWord {
    value: string;
    /** The rest of the value after its first `length` characters ("--password=" cut off), with its span. */
    tail(length: number): LiteralSpan;
}
/**
 * A word that is one literal (a YAML scalar, a JSON string item). Offsets past the cut are exact
 * when the word is written without escapes, which flags are.
 */
export declare function literalWord(literal: LiteralSpan): ArgumentWord;
/** Flag-value pairs of one command; a flag's key is the flag as written ("--requirepass"). */
export declare function argumentAssignments(words: readonly ArgumentWord[]): Assignment[];
