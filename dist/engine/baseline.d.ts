import type { ScanResult } from "./types.js";
/** A baseline holds fingerprints (rule, path, hash of the value) and where they were: never a value. */
export interface BaselineFile {
    version: 1;
    tool: "carbon-secret-lint";
    findings: {
        fingerprint: string;
        ruleId: string;
        path: string;
        line: number;
    }[];
}
export declare class BaselineError extends Error {
    name: string;
}
export declare function loadBaseline(path: string): Set<string>;
export declare function formatBaseline(result: ScanResult): string;
export declare function writeBaseline(path: string, result: ScanResult): void;
