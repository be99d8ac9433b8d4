import { escapeRegExp, token } from "../patterns.js";
export function prefixedToken(spec) {
    const { id, prefix, sample, variable } = spec;
    return {
        id,
        description: spec.description,
        source: spec.source,
        keywords: spec.keywords ?? [prefix.toLowerCase()],
        pattern: new RegExp(token(escapeRegExp(prefix) + spec.body)),
        entropy: spec.entropy ?? 3.5,
        confidence: spec.confidence ?? "high",
        get samples() {
            const bodyLength = sample(`${id}-length`).length - prefix.length;
            return {
                truePositives: [`${variable}=${sample(`${id}-1`)}`, `{"${variable.toLowerCase()}": "${sample(`${id}-2`)}"}`, ...(spec.truePositives ?? [])],
                falsePositives: [
                    { text: `${variable}=${prefix}${"x".repeat(bodyLength)}`, why: "a placeholder of xs" },
                    { text: `${variable}=${prefix}...`, why: "an elided example" },
                    { text: `${variable}=${sample(`${id}-short`).slice(0, prefix.length + 6)}`, why: "too short for a token" },
                    ...(spec.falsePositives ?? []),
                ],
            };
        },
    };
}
