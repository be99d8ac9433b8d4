import type { FileKind } from "../engine/types.js";
import { type Assignment } from "./binding.js";
import { type DotenvEntry } from "./dotenv.js";
import type { ParsedPython } from "./python.js";
import type { ParsedTypeScript } from "./typescript.js";
import { type ParsedYaml } from "./yaml.js";
export type { Assignment, AssignmentSource, LiteralSpan } from "./binding.js";
export interface AssignmentFile {
    path: string;
    kind: FileKind;
    text: string;
}
/**
 * Parses the caller already holds (from the file's cache), so nothing is parsed twice. Python and
 * TS/JS are read from their trees only when given one; without it (or when the file did not parse)
 * a line reader stands in.
 */
export interface ParsedViews {
    yaml?: ParsedYaml;
    json?: ParsedYaml;
    dotenv?: readonly DotenvEntry[];
    python?: ParsedPython;
    typescript?: ParsedTypeScript;
}
export declare function extractAssignments(file: AssignmentFile, parsed?: ParsedViews): Assignment[];
