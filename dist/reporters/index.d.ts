import type { ScanResult } from "../engine/types.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";
export declare const FORMATS: readonly ["pretty", "json", "sarif", "github", "markdown"];
export type Format = (typeof FORMATS)[number];
export interface ReportOptions {
    color: boolean;
    quiet?: boolean;
    docsBaseUrl?: string;
}
export declare function formatReport(result: ScanResult, format: Format, options: ReportOptions): string;
export { formatGithub, formatJson, formatMarkdown, formatPretty, formatSarif };
