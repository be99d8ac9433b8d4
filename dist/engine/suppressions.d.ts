import type { FileKind } from "./types.js";
/**
 * Inline suppressions, in any comment syntax, shaped like
 *   (comment marker) carbon-secret-lint-disable-next-line hardcoded-secret -- test fixture, not a real key
 *   password = "x"  (comment marker) carbon-secret-lint-disable-line hardcoded-secret -- documented default
 * The directive must follow a comment marker (#, //, /*, <!--, --, ;, %, {#) that starts the
 * line or follows white space, so prose and string literals that mention it do not count.
 */
export declare const SUPPRESSION_MARKER = "carbon-secret-lint-disable";
export interface SuppressionDirective {
    line: number;
    targetLine: number;
    ruleIds: string[];
    reason: string | null;
    used: boolean;
}
export declare function parseSuppressions(text: string, kind?: FileKind): SuppressionDirective[];
