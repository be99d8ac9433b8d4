import { type ParsedYaml } from "./yaml.js";
export declare function parseJson(text: string): ParsedYaml;
