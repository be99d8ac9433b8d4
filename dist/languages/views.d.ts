import type { FileKind, SourceFile } from "../engine/types.js";
import { type DotenvEntry } from "./dotenv.js";
import { type ParsedPython } from "./python.js";
import { type ParsedTypeScript } from "./typescript.js";
import { type ParsedYaml } from "./yaml.js";
export declare function yamlView(file: SourceFile): ParsedYaml;
export declare function dotenvView(file: SourceFile): readonly DotenvEntry[];
/** Larger code files are bundles or generated: parsing them costs seconds and finds nothing a person wrote. */
export declare const MAX_PARSE_BYTES = 256000;
/** Minified or generated code: few, very long lines. The text rules still read it. */
export declare function isMinified(text: string): boolean;
/**
 * Starts loading the parsers the files about to be scanned need, given how many of each kind
 * there are. The Python grammar compiles on a background thread, so starting it before the first
 * file is read overlaps it with reading the blobs; a failure here surfaces again, as a notice,
 * when a file asks for the view.
 */
export declare function preloadParsers(counts: ReadonlyMap<FileKind, number>): void;
export declare function pythonView(file: SourceFile): Promise<ParsedPython>;
export declare function typescriptView(file: SourceFile): Promise<ParsedTypeScript>;
