// What every extractor returns: a key bound to a literal value, with exact offsets.

import type { FileKind } from "../core/file-kinds.js";

/** Which reader found a binding: a file kind's own, or a command-line argument (`--requirepass x`). */
export type AssignmentSource = Exclude<FileKind, "markdown" | "gitignore"> | "argument";

/** A literal value as found in the text: offsets cover the value as written, inside any quotes. */
export interface LiteralSpan {
  value: string; // unquoted and unescaped
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
  /** `if token == "…"`: the name is compared with the literal, not set to it. */
  compared?: boolean;
  source: AssignmentSource;
}

export function bind(key: string, keyPath: readonly string[], literal: LiteralSpan, source: AssignmentSource): Assignment {
  const assignment: Assignment = {
    key,
    keyPath: [...keyPath],
    value: literal.value,
    valueStart: literal.valueStart,
    valueEnd: literal.valueEnd,
    quoted: literal.quoted,
    source,
  };
  if (literal.templated) assignment.templated = true;
  return assignment;
}

/** A comparison of a name with a literal (`if token == "…"`), as a binding marked compared. */
export function bindComparison(key: string, keyPath: readonly string[], literal: LiteralSpan, source: AssignmentSource): Assignment {
  return { ...bind(key, keyPath, literal, source), compared: true };
}

/** Moves assignments found in a slice of a file (a Markdown fence, a block scalar) back into the file's offsets. */
export function shiftAssignments(assignments: readonly Assignment[], offset: number): Assignment[] {
  return assignments.map((a) => ({ ...a, valueStart: a.valueStart + offset, valueEnd: a.valueEnd + offset }));
}
