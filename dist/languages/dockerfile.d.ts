import { type Assignment } from "./binding.js";
export declare function dockerfileAssignments(text: string): Assignment[];
