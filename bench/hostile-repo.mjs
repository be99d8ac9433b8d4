#!/usr/bin/env node
// Issue 17's hostile repository, all of it in one: builds it in a temporary folder, scans it in
// every format (and --history), and reports the wall time, the peak memory, the exit codes, and
// whether any planted value or program ran or leaked. Run after `npm run build`:
//   node bench/hostile-repo.mjs            prints the figures as JSON
// Exits 1 when a promise is broken (an exit code other than 0/1, a leak, a program that ran).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const cli = process.env.CSL_CLI ?? join(root, "dist/bin.js");
const dir = mkdtempSync(join(tmpdir(), "csl-hostile-"));
const outside = mkdtempSync(join(tmpdir(), "csl-hostile-outside-"));
const planted = [];
const token = (length) => randomBytes(length).toString("base64").replace(/[+/=]/g, "").slice(0, length);
const secret = (length = 24) => {
  const value = token(length);
  planted.push(value);
  return value;
};
const write = (path, content) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
};

// 1, 11: files that made the scan hang, and 20,000 findings across 100 files.
write("crafted/keys.json", "{" + '"password":'.repeat(200_000) + '"x"}');
write("crafted/app.properties", Array.from({ length: 150_000 }, () => `password=${token(20)}\n`).join(""));
write("crafted/quotes.yaml", "key: value\n" + '"'.repeat(1_000_000) + "\n");
write("crafted/after-shell.yaml", "export X=1\n" + '"'.repeat(4_000_000) + "\n");
// (Each value starts with k: the custom pattern `.*.*.*.*=x` below would claim `…=x` as its own.)
for (let i = 0; i < 100; i++) write(`many/env-${i}.properties`, Array.from({ length: 200 }, (_, j) => `service_${j}.password=k${secret(17)}\n`).join(""));
// 2: a base64 PEM key on a long line, and one followed by 4 MB of base64.
const pem = Buffer.from(`-----BEGIN RSA PRIVATE KEY-----\n${randomBytes(1200).toString("base64").replace(/.{64}/g, "$&\n")}\n-----END RSA PRIVATE KEY-----\n`).toString("base64");
planted.push(pem.slice(40, 80));
write("deploy/values.yaml", `tls_key: ${pem}\n`);
write("certs/key.b64", pem + randomBytes(3_000_000).toString("base64") + "\n");
// 3, 13: custom patterns that backtrack on a crafted line, and a suppression without a reason.
write(".carbon-secret-lint.yaml", ["patterns:", "  - id: acme-token", "    pattern: 'acme_(a|aa)+$'", "  - id: acme-alt", "    pattern: '(?:a|ab|b)*c'", "  - id: acme-dots", "    pattern: '.*.*.*.*=x'", ""].join("\n"));
write("crafted/backtrack.txt", `acme_${"a".repeat(46)}!\n${"ab".repeat(5000)}\n${"=".repeat(5000)}\n`);
write("src/config.py", `# carbon-secret-lint-disable-next-line hardcoded-secret\nAPI_TOKEN = "${secret(32)}"\n`);
// 8: values parsers quote in their errors, a shell line above a YAML key, a TS octal.
write("config/block.yaml", `password: |${secret(30)}\nother: 1\n`);
write("config/shell.yaml", `export DB_PASSWORD="${secret(24)}"\npassword: ${secret(16)}\n`);
write("src/octal.ts", `const password = 0${"7".repeat(30)};\n`);
// 9, 10: links out of the root, a link loop, names and lines with terminal escapes and workflow commands.
symlinkSync("/etc/passwd", join(dir, "escape"));
mkdirSync(join(dir, "loop"));
symlinkSync("..", join(dir, "loop", "again"));
writeFileSync(join(outside, "victim"), "precious\n");
symlinkSync(join(outside, "victim"), join(dir, "report.json"));
write("names/\u001b]52;c;aGVsbG8=\u0007clip.env", `TOKEN=${secret(20)}\n`);
write("names/x.py", `# \u001b[2J\u001b[H\n::error file=README.md::forged\nAPI_KEY = "${secret(28)}"\n`);
write(".env", `DB_PASSWORD=${secret(20)}\n`);

// 7: a repository config that would run a program on `git log` of a signed commit.
const marker = join(outside, "gpg-ran");
const gpg = join(outside, "gpg.sh");
writeFileSync(gpg, `#!/bin/sh\ntouch ${marker}\n`);
chmodSync(gpg, 0o755);
const git = (...args) => execFileSync("git", ["-c", "user.email=a@b.invalid", "-c", "user.name=a", "-c", "commit.gpgsign=false", ...args], { cwd: dir, stdio: "pipe" });
git("init", "-q");
git("add", "-A", "-f");
git("commit", "-q", "-m", "hostile");
const files = git("ls-files", "-z").toString().split("\0").filter(Boolean).length;
// From here on only the tool runs git in this repository: these keys would run gpg.sh.
git("config", "log.showSignature", "true");
git("config", "gpg.program", gpg);
git("config", "core.fsmonitor", gpg);
git("config", "diff.evil.textconv", gpg);
write(".gitattributes", "* diff=evil\n");

function run(args) {
  const started = performance.now();
  const out = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, "--no-color", ...args, "."], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  const wallMs = Math.round(performance.now() - started);
  const rssLine = out.stderr.trim().split("\n").at(-1) ?? "";
  return { args: args.join(" "), exit: out.status, wallMs, peakRssMb: Math.round(Number(rssLine) / 1024), text: out.stdout + out.stderr };
}

const runs = [...["json", "pretty", "sarif", "markdown", "github"].map((format) => run(["--debug", "--format", format])), run(["--format", "json", "--history"])];
// Any 12 characters from inside a planted value, found in an output, is a leak.
const insides = new Map(planted.map((value) => [value.slice(4, 16), value]));
const leaks = runs.flatMap((r) => {
  const found = new Set();
  for (let i = 0; i + 12 <= r.text.length; i++) if (insides.has(r.text.slice(i, i + 12))) found.add(r.text.slice(i, i + 12));
  if (found.size > 0 && process.env.CSL_SHOW_LEAKS) for (const part of [...found].slice(0, 3)) console.error(r.text.split("\n").filter((l) => l.includes(part)).slice(0, 2).join("\n"));
  return found.size > 0 ? [`${r.args}: ${found.size} value(s)`] : [];
});
const report = {
  files,
  runs: runs.map(({ args, exit, wallMs, peakRssMb }) => ({ args, exit, wallMs, peakRssMb })),
  maxWallMs: Math.max(...runs.map((r) => r.wallMs)),
  maxPeakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
  leaks: [...new Set(leaks)],
  programRan: existsSync(marker),
  victimIntact: execFileSync("cat", [join(outside, "victim")]).toString() === "precious\n",
};
console.log(JSON.stringify(report, null, 2));
rmSync(dir, { recursive: true, force: true });
rmSync(outside, { recursive: true, force: true });
const broken = report.runs.some((r) => r.exit !== 0 && r.exit !== 1) || report.leaks.length > 0 || report.programRan || !report.victimIntact;
process.exitCode = broken ? 1 : 0;
