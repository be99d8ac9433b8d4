// JSON (and JSONC: tsconfig, VS Code settings) read through the YAML parser, which gives ranges:
// JSON is YAML 1.2. Comments are blanked first, offset for offset.

import { parseMasked, type ParsedYaml } from "./yaml.js";

export function parseJson(text: string): ParsedYaml {
  return parseMasked(text.includes("/") ? blankComments(text) : text, []);
}

/** `// …` and `/* … *\/` outside strings become spaces (newlines kept). */
function blankComments(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      i = stringEnd(text, i);
    } else if (c === "/" && (text.charAt(i + 1) === "/" || text.charAt(i + 1) === "*")) {
      const block = text.charAt(i + 1) === "*";
      const close = block ? text.indexOf("*/", i + 2) : text.indexOf("\n", i);
      const end = close === -1 ? text.length : block ? close + 2 : close;
      pieces.push(text.slice(copied, i), text.slice(i, end).replace(/[^\r\n]/g, " "));
      copied = end;
      i = end;
    } else {
      i += 1;
    }
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}

// the offset after the string opened at `open` (or the end of its line when it is not closed)
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === "\\") i += 1;
    else if (c === '"' || c === "\n") return i + 1;
  }
  return text.length;
}
