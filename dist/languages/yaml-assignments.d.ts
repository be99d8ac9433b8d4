import { type Assignment } from "./binding.js";
import type { ParsedYaml } from "./yaml.js";
export interface YamlAssignmentOptions {
    source: "yaml" | "json";
    /**
     * Assignments of a file held in a block scalar, named by its key
     * (a ConfigMap's `application.properties: |`), or null when the name says nothing.
     */
    embedded?: (name: string, text: string) => Assignment[] | null;
}
export declare function yamlAssignments(parsed: ParsedYaml, text: string, options: YamlAssignmentOptions): Assignment[];
