import { type Assignment } from "./binding.js";
export declare function propertiesAssignments(text: string): Assignment[];
