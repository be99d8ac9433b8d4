/** Compiles a custom pattern; throws an Error naming the pattern when its regex is invalid. */
export function createCustomDetector(custom) {
    let pattern;
    try {
        pattern = new RegExp(custom.pattern);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`customPatterns "${custom.id}": the pattern is not a valid regular expression (${reason}). Fix or remove it.`);
    }
    return {
        id: custom.id,
        description: custom.description ?? `Custom pattern ${custom.id}`,
        source: "configuration (customPatterns)",
        keywords: (custom.keywords ?? []).map((keyword) => keyword.toLowerCase()),
        pattern,
        confidence: "high",
        ...(custom.severity !== undefined ? { severity: custom.severity } : {}),
        samples: { truePositives: [], falsePositives: [] },
    };
}
