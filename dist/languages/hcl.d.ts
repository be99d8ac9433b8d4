import { type Assignment } from "./binding.js";
export declare function hclAssignments(text: string): Assignment[];
