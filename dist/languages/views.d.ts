import type { SourceFile } from "../engine/types.js";
import { type DotenvEntry } from "./dotenv.js";
import { type ParsedPython } from "./python.js";
import { type ParsedTypeScript } from "./typescript.js";
import { type ParsedYaml } from "./yaml.js";
export declare function yamlView(file: SourceFile): ParsedYaml;
export declare function dotenvView(file: SourceFile): readonly DotenvEntry[];
export declare function pythonView(file: SourceFile): Promise<ParsedPython>;
export declare function typescriptView(file: SourceFile): Promise<ParsedTypeScript>;
