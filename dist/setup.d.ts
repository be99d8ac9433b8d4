export declare const HOOK_MARKER = "# carbon-secret-lint pre-commit hook";
export declare const ACTION_REF = "254carbon/carbon-secret-lint@v0";
export declare class SetupError extends Error {
    name: string;
}
/** A plain git pre-commit hook, for teams without the pre-commit framework. */
export declare function installHook(root: string, force: boolean): string;
export interface InitResult {
    written: string[];
    kept: string[];
}
/** Writes a starter config, the pre-commit config and the workflow; an existing file is kept. */
export declare function init(root: string): InitResult;
