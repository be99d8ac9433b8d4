import type { ScanResult } from "../engine/types.js";
import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";
export declare const FORMATS: readonly ["pretty", "json"];
export type Format = (typeof FORMATS)[number];
export interface ReportOptions {
    color: boolean;
    quiet?: boolean;
}
export declare function formatReport(result: ScanResult, format: Format, options: ReportOptions): string;
export { formatJson, formatPretty };
