export type AssignmentSource = "dotenv" | "yaml" | "json" | "toml" | "ini" | "properties" | "xml" | "dockerfile" | "shell" | "hcl" | "python" | "javascript" | "argument" | "text";
/** A literal value as found in the text: offsets cover the value as written, inside any quotes. */
export interface LiteralSpan {
    value: string;
    valueStart: number;
    valueEnd: number;
    quoted: boolean;
    templated?: boolean;
}
export interface Assignment {
    /** The name as written: "DB_PASSWORD", "password", "spring.datasource.password", "--requirepass". */
    key: string;
    /** Enclosing keys for nested formats, ending with the key: ["services","db","environment","POSTGRES_PASSWORD"]. */
    keyPath: string[];
    value: string;
    valueStart: number;
    valueEnd: number;
    quoted: boolean;
    /** The value is (or holds) a template or reference expression the parser recognised. */
    templated?: boolean;
    source: AssignmentSource;
}
export declare function bind(key: string, keyPath: readonly string[], literal: LiteralSpan, source: AssignmentSource): Assignment;
/** Moves assignments found in a slice of a file (a Markdown fence, a block scalar) back into the file's offsets. */
export declare function shiftAssignments(assignments: readonly Assignment[], offset: number): Assignment[];
