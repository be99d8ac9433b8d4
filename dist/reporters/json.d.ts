import type { ScanResult } from "../engine/types.js";
/** DESIGN.md's JSON contract, version 1: other tools parse this, so fields are only ever added. */
export declare function formatJson(result: ScanResult): string;
