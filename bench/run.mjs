#!/usr/bin/env node
// npm run bench: carbon-secret-lint against secretlint (recommended preset) and ripgrep running
// our own detector regexes, on the same files, interleaved, several runs each; then the
// --staged start-up path and --history. Prints a table and writes bench/RESULTS.md.
//
//   node bench/run.mjs [--runs 3] [--only deps,monorepo,shared,kubeflow,helm] [--skip-history] [--repos <clones folder>]
//
// kubeflow/pipelines and helm/charts are real repositories at pinned commits: fetch them
// (`fetch github:kubeflow/pipelines`, `fetch github:helm/charts`) and check them out with
// `MIRROR=<snapshots folder> ../shared/eval/clone-snapshots.sh <clones folder> --bench` (default
// folder /work/bench-repos, or BENCH_REPOS); a corpus that is not there is skipped, and said so.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { ripgrepPatterns } from "./export-patterns.mjs";
import { generateMonorepo } from "./generate-monorepo.mjs";

const root = resolve(new URL("..", import.meta.url).pathname);
const work = join(root, "bench/.corpora");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg("runs", "3"));
const SLOW_SECONDS = 60;
const only = arg("only", "deps,monorepo,shared,kubeflow,helm").split(",");
const reposDir = resolve(arg("repos", process.env.BENCH_REPOS ?? "/work/bench-repos"));
// The commits the issue measured at (../shared/eval/clone-snapshots.sh --bench checks them out).
const PINNED = { kubeflow: ["kubeflow+pipelines", "7b70c7b95f6832772efd6fd0029a4024491a0f44"], helm: ["helm+charts", "390ee6614b4bb0da96b397f9b382e3ddca9f59a4"] };
const cli = join(root, "dist/bin.js");
const GIT = ["-c", "user.email=bench@example.invalid", "-c", "user.name=bench", "-c", "commit.gpgsign=false"];

if (!existsSync(cli)) throw new Error("build first: npm run build");
mkdirSync(work, { recursive: true });

function git(cwd, ...args) {
  return execFileSync("git", [...GIT, ...args], { cwd, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 1 << 30 }).toString();
}

function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes("/.git")) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

// Corpora --------------------------------------------------------------------------------
function depsCorpus() {
  const dir = join(work, "deps");
  if (!existsSync(dir)) {
    cpSync(join(root, "node_modules"), dir, { recursive: true, dereference: false, verbatimSymlinks: true });
    // Nested node_modules folders would be skipped by us but read by the others: rename them.
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory() && entry.name === "node_modules") renameSync(join(entry.parentPath, entry.name), join(entry.parentPath, "nm"));
    }
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isSymbolicLink()) rmSync(join(entry.parentPath, entry.name));
  }
  return dir;
}

function monorepoCorpus(services = 250) {
  const dir = join(work, services === 250 ? "monorepo" : `monorepo-${services}`);
  if (!existsSync(join(dir, ".git"))) {
    rmSync(dir, { recursive: true, force: true });
    generateMonorepo(dir, { services });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "monorepo");
    git(dir, "gc", "-q"); // packed, as a clone is
  }
  return dir;
}

function sharedCorpus() {
  const source = resolve(root, "../shared/corpus");
  if (!existsSync(source)) return null;
  const dir = join(work, "shared");
  if (!existsSync(dir)) cpSync(source, dir, { recursive: true });
  return dir;
}

/** A real repository's clone at its pinned commit, or null (with a message) when it is not there. */
function pinnedRepository(name) {
  const [folder, commit] = PINNED[name];
  const dir = join(reposDir, folder);
  if (!existsSync(join(dir, ".git"))) {
    console.error(`${name}: skipped, no clone at ${dir} (see the header of bench/run.mjs)`);
    return null;
  }
  const head = git(dir, "rev-parse", "HEAD").trim();
  if (head !== commit) console.error(`${name}: ${dir} is at ${head.slice(0, 10)}, not the pinned ${commit.slice(0, 10)}; measuring it as it is`);
  return dir;
}

// Measurement ------------------------------------------------------------------------------
function timed(command, args, cwd, env = {}) {
  const run = spawnSync("/usr/bin/time", ["-f", "\n__TIME__ %e %M", command, ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 30 });
  const match = /__TIME__ ([\d.]+) (\d+)\s*$/.exec(run.stderr);
  if (!match) throw new Error(`could not time ${command} ${args.join(" ")}: ${run.stderr.slice(-300)}`);
  return { seconds: Number(match[1]), rssMb: Number(match[2]) / 1024, status: run.status, stdout: run.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const secretlintRc = join(work, ".secretlintrc.json");
writeFileSync(secretlintRc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
const patternsFile = join(work, "patterns.txt");
const { accepted, refused } = ripgrepPatterns();
writeFileSync(patternsFile, accepted.join("\n") + "\n");

const TOOLS = {
  "carbon-secret-lint": (dir) => [process.execPath, [cli, "--format", "json", "--fail-on", "none", dir]],
  // Relative globs (secretlint resolves them from its working directory, the corpus); `**/.*` adds dot files.
  // `!**/.git/**`: a corpus that is a git repository is scanned as its files, not its object store.
  secretlint: () => [join(root, "node_modules/.bin/secretlint"), ["--secretlintrc", secretlintRc, "--format", "json", "--no-maskSecrets", "**/*", "**/.*", "**/.*/**", "!**/.git/**"]],
  "ripgrep (our regexes)": (dir) => ["rg", ["-P", "-c", "--no-messages", "--hidden", "--no-ignore", "-f", patternsFile, dir]],
};

const results = [];
const corpora = [
  ["deps", "the project's node_modules (third-party JS/TS/JSON/Markdown)", depsCorpus],
  ["monorepo", "generated platform monorepo (Python/TS/YAML/Helm/.env, planted secrets)", monorepoCorpus],
  ["shared", "../shared/corpus (leaky-repo)", sharedCorpus],
  ["kubeflow", "kubeflow/pipelines at 7b70c7b9 (Go, Python SDK, TS frontend, manifests, compiled-pipeline test data)", () => pinnedRepository("kubeflow")],
  ["helm", "helm/charts at 390ee661 (3,800 chart templates and values files)", () => pinnedRepository("helm")],
].filter(([name]) => only.includes(name));

for (const [name, description, prepare] of corpora) {
  const dir = prepare();
  if (!dir) continue;
  const size = sizeOf(dir);
  const samples = Object.fromEntries(Object.keys(TOOLS).map((tool) => [tool, []]));
  for (let i = 0; i < runs; i++) {
    for (const [tool, make] of Object.entries(TOOLS)) {
      // A tool whose run takes minutes (secretlint on the large corpora) runs once.
      if (i > 0 && samples[tool][0].seconds > SLOW_SECONDS) continue;
      const [command, args] = make(dir);
      samples[tool].push(timed(command, args, dir));
    }
  }
  for (const [tool, list] of Object.entries(samples)) {
    const seconds = median(list.map((s) => s.seconds));
    const stats = tool === "carbon-secret-lint" ? JSON.parse(list[0].stdout).stats : undefined;
    results.push({ corpus: name, description, tool, seconds, threads: stats?.threads, parsed: stats?.parsed, runs: list.length, rssMb: Math.max(...list.map((s) => s.rssMb)), files: size.files, mb: size.bytes / 1e6 });
  }
  console.error(`${name}: done`);
}

// --staged with 10 changed files in the 5,000-file monorepo --------------------------------
let staged = null;
if (only.includes("monorepo")) {
  const dir = monorepoCorpus();
  staged = {};
  for (const [language, extension, comment] of [["Python", ".py", "#"], ["TypeScript", ".ts", "//"]]) {
    const changed = git(dir, "ls-files").split("\n").filter((p) => p.endsWith(extension)).slice(0, 10);
    for (const path of changed) writeFileSync(join(dir, path), `${readFile(join(dir, path))}\n${comment} touched\n`);
    git(dir, "add", ...changed);
    const list = Array.from({ length: Math.max(runs, 9) }, () => timed(process.execPath, [cli, "--staged", "--format", "json", "--fail-on", "none"], dir).seconds);
    git(dir, "reset", "-q", "--hard");
    staged[language] = { files: changed.length, seconds: median(list), runs: list.length };
  }
}

// A pull request on kubeflow/pipelines: --diff of a 10-file change, and --staged of 10 files --------
let pullRequest = null;
const kubeflow = only.includes("kubeflow") ? pinnedRepository("kubeflow") : null;
if (kubeflow) {
  const dir = join(work, "kubeflow-change");
  rmSync(dir, { recursive: true, force: true });
  execFileSync("git", ["clone", "-q", "--shared", kubeflow, dir]);
  const base = git(dir, "rev-parse", "HEAD").trim();
  git(dir, "checkout", "-q", "-b", "change");
  const files = git(dir, "ls-files").split("\n");
  const changed = [
    ...files.filter((p) => p.endsWith(".py") && p.startsWith("sdk/")).slice(0, 4),
    ...files.filter((p) => p.endsWith(".ts") && p.startsWith("frontend/src/")).slice(0, 3),
    ...files.filter((p) => p.endsWith(".yaml") && p.startsWith("manifests/")).slice(0, 3),
  ];
  const touch = (path) => writeFileSync(join(dir, path), `${readFile(join(dir, path))}\n${path.endsWith(".ts") ? "//" : "#"} touched\n`);
  for (const path of changed) touch(path);
  git(dir, "add", ...changed);
  const stagedRuns = Array.from({ length: Math.max(runs, 5) }, () => timed(process.execPath, [cli, "--staged", "--format", "json", "--fail-on", "none"], dir));
  git(dir, "commit", "-q", "--no-verify", "-m", "a 10-file change");
  const diffRuns = Array.from({ length: runs }, () => timed(process.execPath, [cli, "--diff", base, "--format", "json", "--fail-on", "none", "."], dir));
  const diffStats = JSON.parse(diffRuns[0].stdout).stats;
  // With --cache: the first run fills it, the next ones read only what the change touches.
  const cacheFile = join(dir, ".git", "carbon-secret-lint", "results.json");
  rmSync(cacheFile, { force: true });
  const cachedDiff = Array.from({ length: runs + 1 }, () => timed(process.execPath, [cli, "--diff", base, "--cache", "--format", "json", "--fail-on", "none", "."], dir)).slice(1);
  rmSync(cacheFile, { force: true });
  const cachedTree = Array.from({ length: runs + 1 }, () => timed(process.execPath, [cli, "--cache", "--format", "json", "--fail-on", "none", "."], dir));
  const cachedStats = JSON.parse(cachedTree[cachedTree.length - 1].stdout).stats;
  pullRequest = {
    files: changed.length,
    staged: median(stagedRuns.map((r) => r.seconds)),
    stagedRuns: stagedRuns.length,
    diff: median(diffRuns.map((r) => r.seconds)),
    diffRuns: diffRuns.length,
    diffRss: Math.max(...diffRuns.map((r) => r.rssMb)),
    diffParsed: diffStats.parsed,
    cachedDiff: median(cachedDiff.map((r) => r.seconds)),
    fillCache: cachedTree[0].seconds,
    cachedTree: median(cachedTree.slice(1).map((r) => r.seconds)),
    cachedTreeRss: Math.max(...cachedTree.slice(1).map((r) => r.rssMb)),
    cachedFiles: `${cachedStats.cached} of ${cachedStats.files}`,
  };
}

// Memory against the repository's size: the same monorepo at twice the services.
let scaling = null;
if (only.includes("monorepo")) {
  scaling = [250, 500].map((services) => {
    const dir = monorepoCorpus(services);
    const list = Array.from({ length: runs }, () => timed(process.execPath, [cli, "--format", "json", "--fail-on", "none", dir], dir));
    return { services, files: sizeOf(dir).files, seconds: median(list.map((r) => r.seconds)), rssMb: Math.max(...list.map((r) => r.rssMb)) };
  });
}

function readFile(path) {
  return execFileSync("cat", [path]).toString();
}

// --history over 5,000 commits -------------------------------------------------------------
let history = null;
if (!process.argv.includes("--skip-history")) {
  const dir = join(work, "history");
  if (!existsSync(join(dir, ".git"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    git(dir, "init", "-q", "-b", "main");
    // git fast-import: 5,000 commits, each changing one of 200 files; a few carry planted values.
    const lines = [];
    for (let c = 1; c <= 5000; c++) {
      const path = `services/svc-${c % 200}/settings_${c % 7}.py`;
      const planted = c % 500 === 0 ? `CLICKHOUSE_PASSWORD = "pw-${c}-Qx7Lm2Zr"\n` : "";
      const body = `import os\n\n# revision ${c}\nBATCH = ${c}\nREDIS_URL = os.environ["REDIS_URL"]\n${planted}`;
      const message = `revision ${c}`;
      lines.push("commit refs/heads/main", `committer bench <bench@example.invalid> ${1700000000 + c * 60} +0000`, `data ${message.length}`, message);
      lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(body)}`, body);
    }
    execFileSync("git", ["fast-import", "--quiet"], { cwd: dir, input: lines.join("\n") + "\n" });
    git(dir, "checkout", "-q", "-f", "main");
  }
  const blobs = Number(git(dir, "rev-list", "--objects", "--all").split("\n").filter((l) => l.includes(" ")).length);
  const historyRun = timed(process.execPath, [cli, "--history", "--format", "json", "--fail-on", "none", "."], dir);
  const treeRun = timed(process.execPath, [cli, "--format", "json", "--fail-on", "none", "."], dir);
  const found = JSON.parse(historyRun.stdout).stats.files;
  history = { commits: 5000, blobs, scanned: found, seconds: historyRun.seconds, blobsPerSecond: found / historyRun.seconds, treeSeconds: treeRun.seconds, rssMb: historyRun.rssMb };
}

// Report ------------------------------------------------------------------------------------
const row = (cells) => `| ${cells.join(" | ")} |`;
const out = [];
out.push("# Benchmark results", "");
out.push(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ripgrep ${execFileSync("rg", ["--version"]).toString().split("\n")[0].split(" ")[1]}.`);
out.push(`Command: \`node bench/run.mjs ${process.argv.slice(2).join(" ") || `--runs ${runs}`}\`; medians of ${runs} interleaved runs (a tool whose run takes over ${SLOW_SECONDS} s runs once; the runs column says how many); peak RSS is the maximum.`);
out.push(`ripgrep runs ${accepted.length} of our ${accepted.length + refused} detector regexes (${refused} use lookbehind PCRE2 refuses) with \`-P\` on every file, both cores.`, "");
out.push(row(["corpus", "tool", "runs", "wall s", "MB/s", "files/s", "peak RSS MB", "vs secretlint", "vs ripgrep"]), row(Array(9).fill("---")));
for (const r of results) {
  const base = results.find((x) => x.corpus === r.corpus && x.tool === "secretlint");
  const rg = results.find((x) => x.corpus === r.corpus && x.tool.startsWith("ripgrep"));
  out.push(
    row([
      `${r.corpus} (${r.files} files, ${r.mb.toFixed(1)} MB)`,
      r.tool,
      String(r.runs),
      r.seconds.toFixed(2),
      (r.mb / r.seconds).toFixed(1),
      (r.files / r.seconds).toFixed(0),
      r.rssMb.toFixed(0),
      base ? `${(r.seconds / base.seconds).toFixed(2)}×` : "",
      rg ? `${(r.seconds / rg.seconds).toFixed(2)}×` : "",
    ]),
  );
}
out.push("");
for (const [name, description] of corpora) {
  const ours = results.find((r) => r.corpus === name && r.tool === "carbon-secret-lint");
  const parsed = ours?.parsed ? Object.entries(ours.parsed).map(([view, count]) => `${view} ${count}`).join(", ") : "";
  out.push(`- ${name}: ${description}${ours ? `; carbon-secret-lint's file pass ran on ${ours.threads} thread${ours.threads === 1 ? "" : "s"}` : ""}${parsed ? `; files parsed: ${parsed}` : ""}`);
}
if (pullRequest) {
  const parsed = Object.entries(pullRequest.diffParsed ?? {}).map(([view, count]) => `${view} ${count}`).join(", ") || "nothing";
  out.push(
    "",
    `A pull request on kubeflow/pipelines (${pullRequest.files} files changed: Python, TypeScript, YAML): \`--diff <base>\` ${pullRequest.diff.toFixed(2)} s wall (median of ${pullRequest.diffRuns}, peak RSS ${pullRequest.diffRss.toFixed(0)} MB; ` +
      `project rules still read the unchanged files for their facts, parsing ${parsed}); \`--staged\` with the ${pullRequest.files} files staged ${pullRequest.staged.toFixed(2)} s (median of ${pullRequest.stagedRuns}).`,
    "",
    `With \`--cache\` on the same tree: filling it ${pullRequest.fillCache.toFixed(2)} s; a re-scan of the unchanged tree ${pullRequest.cachedTree.toFixed(2)} s (median of ${runs}, peak RSS ${pullRequest.cachedTreeRss.toFixed(0)} MB, ${pullRequest.cachedFiles} files from the cache); ` +
      `\`--diff <base>\` of the 10-file change with a warm cache ${pullRequest.cachedDiff.toFixed(2)} s (median of ${runs}).`,
  );
}
if (staged) {
  out.push("");
  for (const [language, run] of Object.entries(staged)) {
    out.push(`--staged with ${run.files} changed ${language} files in the 5,002-file monorepo: ${run.seconds.toFixed(2)} s wall (median of ${run.runs}, Node start-up included).`);
  }
}
if (scaling) {
  out.push(
    "",
    "Memory against size (carbon-secret-lint alone): " +
      scaling.map((r) => `${r.files} files ${r.seconds.toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB`).join("; ") +
      ".",
  );
}
if (history) {
  out.push(
    "",
    `--history over ${history.commits} commits (${history.blobs} objects): ${history.scanned} blobs scanned in ${history.seconds.toFixed(2)} s ` +
      `(${history.blobsPerSecond.toFixed(0)} blobs/s, peak RSS ${history.rssMb.toFixed(0)} MB); the working-tree scan of the final tree takes ${history.treeSeconds.toFixed(2)} s ` +
      `(history/tree = ${(history.seconds / history.treeSeconds).toFixed(1)}×).`,
  );
}
const report = out.join("\n") + "\n";
// The written analysis below the marker is the team's, not the script's: keep it.
const ANALYSIS = "<!-- analysis: kept by bench/run.mjs -->";
const resultsPath = join(root, "bench/RESULTS.md");
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "";
const analysis = previous.includes(ANALYSIS) ? previous.slice(previous.indexOf(ANALYSIS)) : `${ANALYSIS}\n`;
writeFileSync(resultsPath, `${report}\n${analysis}`);
process.stdout.write(report);
