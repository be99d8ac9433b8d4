import { type Assignment } from "./binding.js";
export interface CodeLineStyle {
    hashComments: boolean;
    slashComments: boolean;
    stringPrefixes: boolean;
    annotations: boolean;
    fatArrow: boolean;
}
export declare const PYTHON_STYLE: CodeLineStyle;
export declare const JAVASCRIPT_STYLE: CodeLineStyle;
export declare const TEXT_STYLE: CodeLineStyle;
export declare function codeLineAssignments(text: string, style: CodeLineStyle, start?: number, end?: number): Assignment[];
