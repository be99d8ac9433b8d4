import { type Assignment } from "./binding.js";
export declare function iniAssignments(text: string): Assignment[];
