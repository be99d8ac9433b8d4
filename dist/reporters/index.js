import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";
export const FORMATS = ["pretty", "json"];
export function formatReport(result, format, options) {
    switch (format) {
        case "json":
            return formatJson(result);
        case "pretty":
            return formatPretty(result, options);
    }
}
export { formatJson, formatPretty };
