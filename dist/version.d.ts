export declare const TOOL_NAME = "carbon-secret-lint";
export declare const TOOL_VERSION: string;
