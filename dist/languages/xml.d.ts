import { type Assignment } from "./binding.js";
export declare function xmlAssignments(text: string): Assignment[];
