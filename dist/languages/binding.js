// What every extractor returns: a key bound to a literal value, with exact offsets.
export function bind(key, keyPath, literal, source) {
    const assignment = {
        key,
        keyPath: [...keyPath],
        value: literal.value,
        valueStart: literal.valueStart,
        valueEnd: literal.valueEnd,
        quoted: literal.quoted,
        source,
    };
    if (literal.templated)
        assignment.templated = true;
    return assignment;
}
/** Moves assignments found in a slice of a file (a Markdown fence, a block scalar) back into the file's offsets. */
export function shiftAssignments(assignments, offset) {
    return assignments.map((a) => ({ ...a, valueStart: a.valueStart + offset, valueEnd: a.valueEnd + offset }));
}
