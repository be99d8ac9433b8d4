import type { FileKind } from "./types.js";
/** A `.env`-family name: `.env`, `.env.local`, `prod.env`, `env.example`. */
export declare function isDotenvName(name: string): boolean;
/** Templates that document the variables and are meant to be committed. */
export declare function isEnvTemplateName(name: string): boolean;
export declare function basename(path: string): string;
export declare function dirname(path: string): string;
export declare function classify(path: string): FileKind;
/**
 * A file whose name says nothing (`config`, `.tugboat`, `hub`) is read by its content:
 * JSON, an INI file with sections, a YAML mapping, or `KEY=value` lines. Cheap line tests
 * only; the parsers decide later.
 */
export declare function sniffKind(text: string): FileKind;
