import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";
export const FORMATS = ["pretty", "json", "sarif", "github"];
export function formatReport(result, format, options) {
    switch (format) {
        case "json":
            return formatJson(result);
        case "pretty":
            return formatPretty(result, options);
        case "sarif":
            return formatSarif(result, options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {});
        case "github":
            return formatGithub(result);
    }
}
export { formatGithub, formatJson, formatPretty, formatSarif };
