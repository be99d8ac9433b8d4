import { lineIndexAt, lineStarts } from "./line-index.js";
import { roleOfPath, type Role } from "./roles.js";
import type { FileKind, Position, SourceFile } from "./types.js";

/** Builds the line index once; positions are 1-based lines and UTF-16 columns. */
/** `role` defaults to what the path says (core/roles.ts); the engine passes the config's answer. */
export function createSourceFile(init: { path: string; kind: FileKind; text: string; size: number; tracked: boolean; role?: Role }): SourceFile {
  const { text } = init;
  let index: number[] | undefined;
  const starts = (): number[] => (index ??= lineStarts(text));
  const cache = new Map<string, unknown>();
  const notices: string[] = [];
  return {
    ...init,
    role: init.role ?? roleOfPath(init.path),
    positionAt(offset: number): Position {
      const s = starts();
      const clamped = Math.max(0, Math.min(offset, text.length));
      const line = lineIndexAt(s, clamped);
      return { line: line + 1, column: clamped - s[line]! + 1 };
    },
    offsetAt(line: number, column = 1): number {
      const s = starts();
      const start = s[Math.max(0, Math.min(line - 1, s.length - 1))]!;
      return Math.min(text.length, start + column - 1);
    },
    lineCount: () => starts().length,
    lineText(line: number): string {
      const s = starts();
      if (line < 1 || line > s.length) return "";
      const end = line < s.length ? s[line]! - 1 : text.length;
      return text.slice(s[line - 1]!, end).replace(/\r$/, "");
    },
    cached<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
    cachedViews: () => [...cache.keys()],
    notices,
    notice(message: string) {
      if (!notices.includes(message)) notices.push(message);
    },
    dispose() {
      for (const value of cache.values()) {
        if (value && typeof (value as { dispose?: unknown }).dispose === "function") (value as { dispose(): void }).dispose();
      }
      cache.clear();
    },
  };
}
