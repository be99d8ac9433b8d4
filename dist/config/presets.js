/** recommended: the rules marked recommended, at their default severity. strict: every rule, and warnings fail. */
export function preset(name, rules) {
    if (name === "strict")
        return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])), failOn: "warning" };
    return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.recommended ? r.meta.severity : "off"])) };
}
