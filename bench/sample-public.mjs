#!/usr/bin/env node
// A fixed-seed, rule-stratified random sample of what the CLI reports on the two public
// benchmark repositories (kubeflow/pipelines, helm/charts), to label by hand in
// bench/public-labels.tsv and score with ../shared/eval/score-real.mjs.
//
//   node bench/sample-public.mjs [--cli <bin.js>] [--repos <clones folder>] [--n 60] [--per-rule 5] [--seed 13]
//
// <clones folder> holds owner+name work trees (clone-snapshots.sh <dir> --bench); default
// /work/bench-repos. Per repository: findings are sorted (path, line, ruleId) so the draw does
// not depend on scan order, then up to --per-rule findings of every rule are drawn at random,
// then the sample is filled at random to --n (or all findings, if fewer). Prints TSV rows:
//   repo <TAB> path <TAB> line <TAB> ruleId <TAB> severity <TAB> role <TAB> message
// With --labels <tsv> (bench/public-labels.tsv), each sampled finding is joined to its label
// (a row with category = its ruleId at its path and line, else a `negative` row there) and a
// summary goes to stderr: per repository and per rule, sure+likely / weak / negative /
// unlabelled and precision = (sure+likely+weak) / labelled, the sample's own figures.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] ?? d : d; };
const here = new URL(".", import.meta.url).pathname;
const cli = resolve(arg("cli", join(here, "../dist/bin.js")));
const reposDir = resolve(arg("repos", "/work/bench-repos"));
const n = Number(arg("n", 60));
const perRule = Number(arg("per-rule", 5));
const seed = Number(arg("seed", 13));
const labelsFile = arg("labels", null);
const REPOS = ["kubeflow/pipelines", "helm/charts"];
const labels = labelsFile ? readFileSync(labelsFile, "utf8").split("\n").slice(1).filter(Boolean).map((l) => {
  const [repo, path, line, category, confidence, note = ""] = l.split("\t");
  return { repo, path, line: Number(line), category, confidence, note };
}) : [];
const labelOf = (repo, f) => {
  const here = labels.filter((r) => r.repo === repo && r.path === f.path && r.line === f.line);
  const r = here.find((x) => x.category === f.ruleId) ?? here.find((x) => x.category === "negative" && x.note.includes(`${f.ruleId}:`)) ?? here.find((x) => x.category === "negative");
  return !r ? "unlabelled" : r.category === "negative" ? "negative" : r.confidence === "weak" ? "weak" : "good";
};
const tally = new Map();
const population = new Map(); // repo -> ruleId -> findings

const count = (key, kind) => { const t = tally.get(key) ?? { good: 0, weak: 0, negative: 0, unlabelled: 0 }; t[kind]++; tally.set(key, t); };

// mulberry32: a small seeded PRNG, so the same findings give the same sample.
const mulberry32 = (a) => () => {
  a |= 0; a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffle = (xs, rnd) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
};
const clean = (s) => String(s ?? "").replace(/[\t\r\n]+/g, " ");

if (!existsSync(cli)) { console.error(`CLI not found: ${cli}`); process.exit(2); }
process.stdout.write("repo\tpath\tline\truleId\tseverity\trole\tmessage\n");
for (const repo of REPOS) {
  const dir = join(reposDir, repo.replace("/", "+"));
  if (!existsSync(dir)) { console.error(`missing clone ${dir}`); process.exitCode = 1; continue; }
  const run = spawnSync(process.execPath, [cli, "--format", "json", "."], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) { console.error(`${repo}: CLI exited ${run.status}: ${(run.stderr || "").slice(0, 300)}`); process.exitCode = 1; continue; }
  const findings = (JSON.parse(run.stdout).findings ?? []).slice().sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const rnd = mulberry32(seed);
  const picked = new Set();
  for (const rule of [...new Set(findings.map((f) => f.ruleId))].sort()) {
    for (const f of shuffle(findings.filter((x) => x.ruleId === rule), rnd).slice(0, perRule)) picked.add(f);
  }
  for (const f of shuffle(findings.filter((x) => !picked.has(x)), rnd)) { if (picked.size >= n) break; picked.add(f); }
  const sample = findings.filter((f) => picked.has(f));
  console.error(`${repo}: ${findings.length} findings, ${sample.length} sampled, ${new Set(findings.map((f) => f.ruleId)).size} rules`);
  for (const f of sample) process.stdout.write([repo, f.path, f.line, f.ruleId, f.severity, f.role ?? "", clean(f.message)].join("\t") + "\n");
  population.set(repo, findings.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map()));
  if (labelsFile) for (const f of sample) {
    const kind = labelOf(repo, f);
    if (kind === "unlabelled") console.error(`unlabelled\t${repo}\t${f.path}\t${f.line}\t${f.ruleId}\t${f.severity}\t${f.role ?? ""}`);
    for (const key of [`${repo}\t(all)`, `${repo}\t${f.ruleId}`, `${repo}\tseverity=${f.severity}`, `${repo}\trole=${f.role ?? ""}`, `(both)\t(all)`, `(both)\t${f.ruleId}`]) count(key, kind);
  }
}
if (labelsFile) {
  console.error("\nrepo\tgroup\tsampled\tsure+likely\tweak\tnegative\tunlabelled\tprecision");
  const order = (k) => [k.startsWith("(both)") ? 1 : 0, k.split("\t")[0], k.includes("(all)") ? 0 : k.includes("severity=") ? 1 : k.includes("role=") ? 2 : 3, k];
  const keys = [...tally.keys()].sort((a, b) => { const x = order(a), y = order(b); for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1; return 0; });
  const prec = (t) => { const l = t.good + t.weak + t.negative; return l ? (t.good + t.weak) / l : null; };
  for (const key of keys) {
    const t = tally.get(key), p = prec(t);
    console.error([key, t.good + t.weak + t.negative + t.unlabelled, t.good, t.weak, t.negative, t.unlabelled, p === null ? "-" : p.toFixed(3)].join("\t"));
  }
  // The sample over-represents rare rules; weighting each rule's precision by its share of all
  // findings estimates the precision of everything the repository gets.
  for (const [repo, byRule] of population) {
    let num = 0, den = 0;
    for (const [rule, c] of byRule) { const t = tally.get(`${repo}\t${rule}`); const p = t && prec(t); if (p !== null && p !== undefined) { num += p * c; den += c; } }
    console.error(`${repo}\tweighted precision over ${den} findings: ${den ? (num / den).toFixed(3) : "-"}`);
  }
}
