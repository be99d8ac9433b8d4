import type { ScanResult } from "../engine/types.js";
export interface PrettyOptions {
    color: boolean;
    quiet?: boolean;
}
/** The terminal report: findings grouped by file with a masked code frame, the checklist, one summary line. */
export declare function formatPretty(result: ScanResult, options: PrettyOptions): string;
