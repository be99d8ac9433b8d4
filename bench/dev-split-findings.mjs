#!/usr/bin/env node
// Each finding of the built CLI on the 254CARBON dev split, classified the way
// ../shared/eval/score-real.mjs counts it (good, weak, false, unlabelled), with its severity and
// the truth row's note: the list to work from when a figure of score-real moves.
//   node bench/dev-split-findings.mjs <clones folder> [truth.tsv] [--only weak|false|good|unlabelled]
// With --misses: the sure and likely rows no finding matched instead (what recall counts).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const repos = process.argv[2] ?? "/work/repos";
const truthFile = process.argv[3] && !process.argv[3].startsWith("--") ? process.argv[3] : join(root, "../shared/corpus/254carbon-dev.truth.tsv");
const misses = process.argv.includes("--misses");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const SECRET_RULES = ["hardcoded-secret", "k8s-literal-secret-env", "k8s-plaintext-secret", "committed-env-file"];
const CATEGORY = {
  "hardcoded-secret": { rules: SECRET_RULES, slack: 2 },
  "k8s-plaintext-secret": { rules: ["k8s-plaintext-secret", "hardcoded-secret", "k8s-literal-secret-env"], slack: 40 },
  "k8s-literal-secret-env": { rules: SECRET_RULES, slack: 2 },
  "secret-logged": { rules: ["secret-in-log"], slack: 2 },
  "no-startup-validation": { rules: ["missing-startup-validation"], slack: Infinity },
  "gitignore-missing": { rules: ["env-not-gitignored"], slack: Infinity, anyPath: true },
  "committed-env-file": { rules: ["committed-env-file"], slack: Infinity },
  other: { rules: null, slack: 2 },
};
const categoryOf = (c) => CATEGORY[c] ?? (c && c !== "other" ? { rules: [c], slack: c === "missing-startup-validation" ? Infinity : 2 } : CATEGORY.other);
const truth = readFileSync(truthFile, "utf8").split("\n").slice(1).filter(Boolean).map((l) => {
  const [repo, path, line, category, conf, note = ""] = l.split("\t");
  return { repo, path, line: Number(line), category, confidence: category === "negative" ? "negative" : conf, note };
});
const matches = (r, f) => {
  const c = categoryOf(r.category);
  return (c.anyPath || r.path === f.path) && (c.slack === Infinity || Math.abs(r.line - f.line) <= c.slack) && (!c.rules || c.rules.includes(f.ruleId));
};
for (const repo of [...new Set(truth.map((t) => t.repo))]) {
  const rows = truth.filter((t) => t.repo === repo);
  const run = spawnSync(process.execPath, [join(root, "dist/bin.js"), "--format", "json", "."], { cwd: join(repos, repo.replace("/", "+")), encoding: "utf8", maxBuffer: 1 << 30 });
  for (const f of JSON.parse(run.stdout).findings) {
    const hits = rows.filter((r) => r.confidence !== "negative" && matches(r, f));
    const neg = rows.find((r) => r.confidence === "negative" && r.path === f.path && Math.abs(r.line - f.line) <= 1);
    const kind = hits.some((r) => r.confidence === "sure" || r.confidence === "likely") ? "good" : hits.length ? "weak" : neg ? "false" : "unlabelled";
    for (const r of hits) r.hit = true;
    if (misses || (only && kind !== only)) continue;
    const note = (hits[0] ?? neg)?.note ?? "";
    console.log([kind, f.severity, f.ruleId, `${repo.split("/")[1]}:${f.path}:${f.line}`, note.slice(0, 110)].join("\t"));
  }
}
if (misses) for (const r of truth.filter((t) => !t.hit && (t.confidence === "sure" || t.confidence === "likely"))) console.log(["missed", r.confidence, r.category, `${r.repo.split("/")[1]}:${r.path}:${r.line}`, r.note.slice(0, 130)].join("\t"));
