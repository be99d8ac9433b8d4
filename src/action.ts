// The GitHub Action: inputs -> scan() -> annotations, job summary, SARIF file, outputs, exit.
// Everything it decides comes from the runner's environment; no logic of its own beyond that.
import * as core from "@actions/core";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { loadConfig, type FailOn } from "./config/load.js";
import { loadBaseline } from "./engine/baseline.js";
import { scan, type ScanOptions } from "./engine/scan.js";
import { SEVERITY_RANK, type ScanResult } from "./core/types.js";
import { formatGithub } from "./reporters/github.js";
import { formatMarkdown } from "./reporters/markdown.js";
import { formatSarif } from "./reporters/sarif.js";

const ZERO_SHA = /^0+$/;

interface EventPayload {
  pull_request?: { base?: { sha?: string; ref?: string } };
  before?: string;
}

/** `auto`: a pull request is diffed against its base, a push against what it replaced, anything else scanned whole. */
export function scopeFor(scopeInput: string, eventName: string, payload: EventPayload, baseInput: string): ScanOptions["scope"] {
  switch (scopeInput) {
    case "worktree":
    case "full":
      return { kind: "worktree" };
    case "history":
      return { kind: "history" };
    case "staged":
      return { kind: "staged" };
    case "diff":
      if (!baseInput) throw new Error("scope: diff needs the `base` input");
      return { kind: "diff", base: baseInput };
    case "auto": {
      if (baseInput) return { kind: "diff", base: baseInput };
      const prBase = payload.pull_request?.base?.sha;
      if ((eventName === "pull_request" || eventName === "pull_request_target") && prBase) return { kind: "diff", base: prBase };
      if (eventName === "push" && payload.before && !ZERO_SHA.test(payload.before)) return { kind: "diff", base: payload.before };
      return { kind: "worktree" };
    }
    default:
      throw new Error(`scope must be auto, worktree, diff, staged or history (got "${scopeInput}")`);
  }
}

function readEvent(): EventPayload {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as EventPayload;
  } catch {
    return {};
  }
}

function checklistSummary(result: ScanResult): string {
  const count = (status: string) => result.checklist.filter((c) => c.status === status).length;
  return `pass=${count("pass")} fail=${count("fail")} unknown=${count("unknown")} not-applicable=${count("not-applicable")}`;
}

export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const path = core.getInput("path") || ".";
  const root = isAbsolute(path) ? path : resolve(workspace, path);
  const failOn = (core.getInput("fail-on") || "error") as FailOn;
  if (!["error", "warning", "info", "none"].includes(failOn)) throw new Error(`fail-on must be error, warning, info or none (got "${failOn}")`);
  const scope = scopeFor(core.getInput("scope") || "auto", process.env.GITHUB_EVENT_NAME ?? "", readEvent(), core.getInput("base"));
  const configInput = core.getInput("config");
  const config = loadConfig(root, configInput ? resolve(workspace, configInput) : undefined);
  const baselineInput = core.getInput("baseline");
  const baseline = baselineInput ? loadBaseline(resolve(workspace, baselineInput)) : undefined;

  core.info(`carbon-secret-lint: scanning ${root} (${scope?.kind === "diff" ? `changes since ${scope.base}` : scope?.kind})`);
  const result = await scan({ root, config, ...(scope ? { scope } : {}), ...(baseline ? { baseline } : {}) });

  if (core.getInput("annotations") !== "false") process.stdout.write(formatGithub(result));
  // Outside the workspace by default, so a later scan of the workspace does not read it.
  const sarifFile = core.getInput("sarif-file") || join(process.env.RUNNER_TEMP ?? workspace, "carbon-secret-lint.sarif");
  const sarifPath = isAbsolute(sarifFile) ? sarifFile : join(workspace, sarifFile);
  writeFileSync(sarifPath, formatSarif(result));
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && core.getInput("summary") !== "false") appendFileSync(summaryFile, formatMarkdown(result));

  const failing = failOn === "none" ? [] : result.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  core.setOutput("findings", String(result.findings.length));
  core.setOutput("failing", String(failing.length));
  core.setOutput("sarif-file", sarifPath);
  core.setOutput("checklist", checklistSummary(result));
  if (failing.length > 0) core.setFailed(`carbon-secret-lint: ${failing.length} finding${failing.length === 1 ? "" : "s"} at or above ${failOn}`);
}

run().catch((error: unknown) => core.setFailed(`carbon-secret-lint: ${error instanceof Error ? error.message : String(error)}`));
