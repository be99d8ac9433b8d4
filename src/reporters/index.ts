import type { ScanResult } from "../engine/types.js";
import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";

export const FORMATS = ["pretty", "json"] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  color: boolean;
  quiet?: boolean;
}

export function formatReport(result: ScanResult, format: Format, options: ReportOptions): string {
  switch (format) {
    case "json":
      return formatJson(result);
    case "pretty":
      return formatPretty(result, options);
  }
}

export { formatJson, formatPretty };
