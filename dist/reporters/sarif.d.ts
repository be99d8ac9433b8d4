import type { ScanResult } from "../engine/types.js";
export interface SarifOptions {
    /** Where the rules' docs pages live (…/docs/rules/); each rule's helpUri is <base><id>.md. */
    docsBaseUrl?: string;
}
/** SARIF 2.1.0 for GitHub code scanning: one reportingDescriptor per rule that ran, the checklist as run properties. */
export declare function formatSarif(result: ScanResult, options?: SarifOptions): string;
