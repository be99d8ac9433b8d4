/** Builds the line index once; positions are 1-based lines and UTF-16 columns. */
export function createSourceFile(init) {
    const { text } = init;
    let lineStarts;
    const starts = () => {
        if (!lineStarts) {
            lineStarts = [0];
            for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
                lineStarts.push(i + 1);
        }
        return lineStarts;
    };
    const cache = new Map();
    const notices = [];
    return {
        ...init,
        positionAt(offset) {
            const s = starts();
            const clamped = Math.max(0, Math.min(offset, text.length));
            let lo = 0;
            let hi = s.length - 1;
            while (lo < hi) {
                const mid = (lo + hi + 1) >> 1;
                if (s[mid] <= clamped)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            return { line: lo + 1, column: clamped - s[lo] + 1 };
        },
        offsetAt(line, column = 1) {
            const s = starts();
            const start = s[Math.max(0, Math.min(line - 1, s.length - 1))];
            return Math.min(text.length, start + column - 1);
        },
        lineCount: () => starts().length,
        lineText(line) {
            const s = starts();
            if (line < 1 || line > s.length)
                return "";
            const end = line < s.length ? s[line] - 1 : text.length;
            return text.slice(s[line - 1], end).replace(/\r$/, "");
        },
        cached(key, compute) {
            if (!cache.has(key))
                cache.set(key, compute());
            return cache.get(key);
        },
        notices,
        notice(message) {
            if (!notices.includes(message))
                notices.push(message);
        },
        dispose() {
            for (const value of cache.values()) {
                if (value && typeof value.dispose === "function")
                    value.dispose();
            }
            cache.clear();
        },
    };
}
