import type { ScanResult } from "../core/types.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";

export const FORMATS = ["pretty", "json", "sarif", "github", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  color: boolean;
  quiet?: boolean;
  docsBaseUrl?: string;
}

export function formatReport(result: ScanResult, format: Format, options: ReportOptions): string {
  switch (format) {
    case "json":
      return formatJson(result);
    case "pretty":
      return formatPretty(result, options);
    case "sarif":
      return formatSarif(result, options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {});
    case "github":
      return formatGithub(result);
    case "markdown":
      return formatMarkdown(result);
  }
}

export { formatGithub, formatJson, formatMarkdown, formatPretty, formatSarif };
