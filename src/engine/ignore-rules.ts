import ignore, { type Ignore } from "ignore";
import { dirname } from "../core/file-kinds.js";
import type { IgnoreVerdict } from "../core/types.js";
import { lineTexts } from "../languages/lines.js";

interface IgnoreLevel {
  dir: string; // "" for the root, else "a/b"
  file: string;
  matcher: Ignore;
  lines: string[];
}

/**
 * git's ignore semantics over a tree's .gitignore files: the deepest file with a matching
 * pattern decides, the last matching line of a file wins, `!` re-includes, and nothing
 * inside an ignored directory can be re-included.
 */
export class IgnoreRules {
  private readonly levels = new Map<string, IgnoreLevel>();

  add(gitignorePath: string, text: string): void {
    const dir = dirname(gitignorePath);
    const lines = lineTexts(text);
    this.levels.set(dir, { dir, file: gitignorePath, matcher: ignore({ allowRelativePaths: true }).add(text), lines });
  }

  get files(): string[] {
    return [...this.levels.values()].map((l) => l.file).sort();
  }

  isIgnored(path: string): IgnoreVerdict {
    const parts = path.split("/");
    // A parent directory that is ignored hides everything below it.
    for (let depth = 1; depth < parts.length; depth++) {
      const verdict = this.decide(parts.slice(0, depth).join("/") + "/");
      if (verdict?.ignored) return verdict;
    }
    return this.decide(path) ?? { ignored: false };
  }

  /** The verdict of the deepest .gitignore with a matching line, for one path (dirs end in "/"). */
  private decide(path: string): IgnoreVerdict | undefined {
    const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
    const dirs = [""];
    const segments = trimmed.split("/");
    for (let i = 1; i < segments.length; i++) dirs.push(segments.slice(0, i).join("/"));
    for (let i = dirs.length - 1; i >= 0; i--) {
      const level = this.levels.get(dirs[i]!);
      if (!level) continue;
      const relative = level.dir ? path.slice(level.dir.length + 1) : path;
      const result = level.matcher.checkIgnore(relative);
      if (result.ignored || result.unignored) {
        const rule = result.rule ?? findNegation(level, relative);
        return {
          ignored: result.ignored,
          ...(rule ? { source: { path: level.file, line: lineOf(level, rule.pattern), pattern: rule.pattern, negative: rule.negative } } : {}),
        };
      }
    }
    return undefined;
  }
}

function lineOf(level: IgnoreLevel, pattern: string): number {
  const index = level.lines.findLastIndex((l) => l.trim() === pattern.trim());
  return index === -1 ? 1 : index + 1;
}

// `ignore` names the rule only for ignored paths; find the re-including line ourselves.
function findNegation(level: IgnoreLevel, relative: string): { pattern: string; negative: boolean } | undefined {
  for (let i = level.lines.length - 1; i >= 0; i--) {
    const line = level.lines[i]!.trim();
    if (!line.startsWith("!")) continue;
    const probe = ignore({ allowRelativePaths: true }).add(line.slice(1));
    if (probe.ignores(relative)) return { pattern: line, negative: true };
  }
  return undefined;
}
