import { type Document } from "yaml";
export interface TextSpan {
    start: number;
    end: number;
}
export interface ParseError {
    message: string;
    line: number;
}
export interface ParsedYaml {
    documents: Document.Parsed[];
    errors: ParseError[];
    /** `{{ … }}` spans masked before parsing (offsets in the original text); values over them are templated. */
    templates: TextSpan[];
}
/** Parses every document; errors are returned with their line, never thrown. */
export declare function parseYaml(text: string): ParsedYaml;
/** The parse for a text whose offsets already match the original (a masked template, JSON without comments). */
export declare function parseMasked(source: string, templates: TextSpan[]): ParsedYaml;
/** `{{ … }}` spans, in order; an unclosed `{{` ends the search. */
export declare function findTemplates(text: string): TextSpan[];
/**
 * Replaces each template with filler of the same length:
 *   {{- if .Values.enabled }}          (alone on its line)  -> spaces: the line disappears
 *   password: {{ .Values.password }}   (inside YAML)        -> underscores: a plain scalar
 * Newlines inside a template are kept so line numbers stay right.
 */
export declare function maskTemplates(text: string, templates: readonly TextSpan[]): string;
