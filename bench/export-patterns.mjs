#!/usr/bin/env node
// Exports the detector catalog's regexes as a ripgrep (PCRE2) pattern file, so the benchmark
// can compare our whole scan with ripgrep running our own detectors: the regex floor.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { DETECTORS } from "../dist/index.js";

export function detectorPatterns() {
  return DETECTORS.map((d, i) => {
    const flags = `${d.pattern.flags.includes("i") ? "i" : ""}${d.pattern.flags.includes("s") ? "s" : ""}${d.pattern.flags.includes("m") ? "m" : ""}`;
    // ripgrep joins the patterns into one regex: group names must be unique across them.
    const source = d.pattern.source.replace(/\(\?<([A-Za-z]\w*)>/g, `(?<$1_${i}>`).replace(/\\k<([A-Za-z]\w*)>/g, `\\k<$1_${i}>`);
    return (flags ? `(?${flags})` : "") + source.replace(/\{(\d+),(\d{6,})\}/g, (_, min) => `{${min},65535}`);
  });
}

/** The patterns PCRE2 accepts (it refuses variable-length lookbehind), and how many it refused. */
export function ripgrepPatterns() {
  const all = detectorPatterns();
  const accepted = all.filter((p) => !/error/i.test(spawnSync("rg", ["-P", "-q", "-e", p, "/dev/null"], { encoding: "utf8" }).stderr));
  return { accepted, refused: all.length - accepted.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? "patterns.txt";
  const { accepted, refused } = ripgrepPatterns();
  writeFileSync(out, accepted.join("\n") + "\n");
  console.error(`wrote ${accepted.length} patterns to ${out} (${refused} refused by PCRE2)`);
}
