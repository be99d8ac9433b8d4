import type { ScanResult } from "../engine/types.js";
/** Rows of findings a summary shows before it says how many more there are (GitHub caps a job summary at 1 MiB). */
export declare const MAX_FINDING_ROWS = 200;
/**
 * The scan as GitHub-flavoured Markdown for a job summary: a heading, a one-line total, the
 * checklist as a table, and the findings grouped by file. Values arrive already redacted; the
 * text of every cell is escaped so a message cannot break the table or inject markup.
 */
export declare function formatMarkdown(result: ScanResult): string;
/**
 * Text for a table cell. Outside code spans: HTML-escaped (GitHub renders inline HTML) and
 * newlines as `<br>`. Inside code spans, which show their text literally, entities would show
 * as `&lt;`, so only newlines change (to spaces). Pipes are escaped everywhere: GFM splits
 * table cells on `|` before it reads code spans.
 */
export declare function cell(text: string): string;
