import { type Assignment } from "./binding.js";
/** Assignments of a code block's text, by its fence's language ("bash", "yaml", "" when none). */
export type CodeBlockReader = (language: string, text: string) => Assignment[];
export declare function markdownAssignments(text: string, readBlock: CodeBlockReader): Assignment[];
