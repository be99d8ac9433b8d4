import { type Assignment } from "./binding.js";
export declare function tomlAssignments(text: string): Assignment[];
