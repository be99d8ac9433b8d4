#!/usr/bin/env node
// Scores secretlint (recommended preset) on a corpus with the same formula as
// ../shared/eval/score-counts.mjs, so the two tools' figures can be compared.
//   node bench/score-secretlint.mjs --corpus ../shared/corpus/leaky-repo --truth ../shared/corpus/leaky-repo.truth.tsv
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const arg = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const corpus = resolve(arg("corpus"));
const truth = new Map(
  readFileSync(resolve(arg("truth")), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#") && !l.startsWith("file\t"))
    .map((l) => {
      const [file, risk, , expected] = l.split("\t");
      return [file, { risk: +risk, expected: +expected }];
    }),
);
const rc = join(tmpdir(), "secretlintrc.json");
writeFileSync(rc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
const bin = new URL("../node_modules/.bin/secretlint", import.meta.url).pathname;
// secretlint wants its globs relative to its working directory; dot files are not matched by `**/*`.
const run = spawnSync(bin, ["--secretlintrc", rc, "--format", "json", "--no-maskSecrets", "**/*", "**/.*", "**/.*/**"], { cwd: corpus, encoding: "utf8", maxBuffer: 1 << 28 });
const lines = new Map();
for (const file of JSON.parse(run.stdout || "[]")) {
  const path = relative(corpus, resolve(corpus, file.filePath));
  for (const m of file.messages ?? []) {
    if (!lines.has(path)) lines.set(path, new Set());
    lines.get(path).add(m.loc?.start?.line ?? 0);
  }
}
let risk = 0, riskHit = 0, excess = 0, reported = 0;
for (const [file, t] of truth) {
  const n = lines.get(file)?.size ?? 0;
  risk += t.risk;
  riskHit += Math.min(n, t.risk);
  excess += Math.max(0, n - t.expected);
}
for (const [file, set] of lines) {
  reported += set.size;
  if (!truth.has(file)) excess += set.size;
}
console.log(`secretlint: recall_risk=${(riskHit / risk).toFixed(3)} (${riskHit}/${risk}) precision=${reported ? (1 - excess / reported).toFixed(3) : "n/a"} reported_lines=${reported}`);
