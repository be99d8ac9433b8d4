// Provider-format tokens, each in a different file kind. They are built at test time from parts
// (src/detectors/samples.ts), so no token sits in the repository for push protection to block,
// and written into a temporary git repository that scan() reads as a user's would be read.

import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { DETECTORS } from "../src/detectors/index.js";
import { BASE62, BASE64URL, DIGITS, LETTERS, UPPER_ALNUM, fake, fakeJwt } from "../src/detectors/samples.js";
import { scan } from "../src/engine/scan.js";
import hardcodedSecret from "../src/rules/hardcoded-secret.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

interface TokenCase {
  name: string;
  detector: string; // the detector that must name the finding
  path: string;
  token: string;
  /** The file, with `@TOKEN@` where the token goes; the finding must be on the line holding it. */
  file: string;
}

const slackDigits = (seed: string) => fake("1", 11, DIGITS, seed);

const CASES: TokenCase[] = [
  {
    name: "GitHub classic token in a workflow's env (YAML)",
    detector: "github-pat-classic",
    path: ".github/workflows/release.yml",
    token: fake("gh" + "p_", 36, BASE62, "tokens-ghp"),
    file: "name: release\non: [push]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: @TOKEN@\n    steps:\n      - run: gh release create v1\n",
  },
  {
    name: "GitHub fine-grained token in a clone URL (shell)",
    detector: "github-pat-fine-grained",
    path: "scripts/clone.sh",
    token: `${fake("github" + "_pat_", 22, BASE62, "tokens-fg1")}_${fake("", 59, BASE62, "tokens-fg2")}`,
    file: "#!/bin/sh\nset -e\ngit clone https://x-access-token:@TOKEN@@github.com/carbon/ingest.git\n",
  },
  {
    name: "GitLab access token in a TOML config",
    detector: "gitlab-pat",
    path: "ci/release.toml",
    token: fake("gl" + "pat-", 20, BASE64URL, "tokens-glpat"),
    file: '[gitlab]\nurl = "https://gitlab.internal"\ntoken = "@TOKEN@"\n',
  },
  {
    name: "Slack bot token in Python settings",
    detector: "slack-bot-token",
    path: "services/notify/settings.py",
    token: `${"xox" + "b-"}${slackDigits("tokens-sb1")}-${slackDigits("tokens-sb2")}-${fake("", 24, BASE62, "tokens-sb3")}`,
    file: 'import os\n\nCHANNEL = "#deploys"\nSLACK_BOT_TOKEN = "@TOKEN@"\n',
  },
  {
    name: "Slack incoming webhook in TypeScript",
    detector: "slack-webhook-url",
    path: "services/notify/src/hooks.ts",
    token: `https://${"hooks.slack" + ".com"}/services/${fake("T", 10, UPPER_ALNUM, "tokens-sw1")}/${fake("B", 10, UPPER_ALNUM, "tokens-sw2")}/${fake("", 24, BASE62, "tokens-sw3")}`,
    file: 'export const channels = {\n  deploys: "@TOKEN@",\n};\n',
  },
  {
    name: "Stripe live secret key in JSON",
    detector: "stripe-secret-key",
    path: "config/payments.json",
    token: fake("sk_" + "live_", 24, BASE62, "tokens-stripe"),
    file: '{\n  "currency": "eur",\n  "stripe": {\n    "secretKey": "@TOKEN@"\n  }\n}\n',
  },
  {
    name: "OpenAI project key in a .env file",
    detector: "openai-project-api-key",
    path: ".env",
    token: `${"sk-" + "proj-"}${fake("", 74, BASE64URL, "tokens-oa1")}${"T3Blbk" + "FJ"}${fake("", 74, BASE64URL, "tokens-oa2")}`,
    file: "LOG_LEVEL=info\nOPENAI_API_KEY=@TOKEN@\n",
  },
  {
    name: "Anthropic key in a Markdown runbook",
    detector: "anthropic-api-key",
    path: "docs/runbooks/llm-gateway.md",
    token: fake("sk-ant-" + "api03-", 93, BASE64URL, "tokens-anthropic") + "AA",
    file: "# LLM gateway\n\nIf the gateway loses its key, restart it with:\n\n```bash\nexport ANTHROPIC_API_KEY=@TOKEN@\n./gateway restart\n```\n",
  },
  {
    name: "Hugging Face token in a Dockerfile ENV",
    detector: "huggingface-access-token",
    path: "services/embedder/Dockerfile",
    token: fake("h" + "f_", 34, LETTERS, "tokens-hf"),
    file: "FROM python:3.12-slim\nENV HF_TOKEN=@TOKEN@\nRUN pip install transformers\n",
  },
  {
    name: "Vault service token in Terraform",
    detector: "vault-service-token",
    path: "infra/vault.tf",
    token: fake("hv" + "s.", 91, BASE64URL, "tokens-hvs"),
    file: 'provider "vault" {\n  address = "https://vault.internal:8200"\n  token   = "@TOKEN@"\n}\n',
  },
  {
    name: "npm token in a PowerShell script (plain text)",
    detector: "npm-access-token",
    path: "scripts/publish.ps1",
    token: fake("npm" + "_", 36, BASE62, "tokens-npm-ps"),
    file: '$ErrorActionPreference = "Stop"\n$env:NPM_TOKEN = "@TOKEN@"\nnpm publish --access public\n',
  },
  {
    // .npmrc's own detector names the finding there: a registry credential, whatever its format
    name: "npm token in .npmrc (INI)",
    detector: "npmrc-auth-token",
    path: ".npmrc",
    token: fake("npm" + "_", 36, BASE62, "tokens-npm"),
    file: "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=@TOKEN@\n",
  },
  {
    name: "JWT in an XML config",
    detector: "jwt",
    path: "src/Api/web.config",
    token: fakeJwt({ sub: "svc-reports", scope: "reports:read", iat: 1_700_000_000, exp: 1_900_000_000 }, "tokens-jwt", { alg: "RS256", typ: "JWT" }),
    file: '<?xml version="1.0"?>\n<configuration>\n  <appSettings>\n    <add key="ServiceToken" value="@TOKEN@" />\n  </appSettings>\n</configuration>\n',
  },
];

describe("provider tokens, each in a different file kind", () => {
  it("covers a dozen formats, and each case's detector exists", () => {
    expect(new Set(CASES.map((c) => c.path.split(".").pop())).size).toBeGreaterThanOrEqual(10);
    for (const c of CASES) expect(DETECTORS.some((d) => d.id === c.detector), c.detector).toBe(true);
  });

  it.each(CASES)("$name", async ({ detector, path, token, file }) => {
    const text = file.replace("@TOKEN@", token);
    const line = text.slice(0, text.indexOf(token)).split("\n").length;
    const root = makeRepo({ [path]: text });
    const config = defaultConfig();
    for (const setting of config.rules.values()) setting.severity = "off";
    const result = await scan({ root, config, rules: [hardcodedSecret], ruleOverrides: { "hardcoded-secret": "error" } });
    const findings = result.findings.filter((f) => f.ruleId === "hardcoded-secret");
    expect(findings.map((f) => [f.path, f.line, f.severity])).toEqual([[path, line, "error"]]);
    const description = DETECTORS.find((d) => d.id === detector)!.description;
    expect(findings[0]!.message).toContain(description);
    // Never the value whole, anywhere in the result.
    expect(JSON.stringify(result)).not.toContain(token);
  });
});

describe("a provider's format filled with one repeated character is a placeholder", () => {
  // Docs and templates write `ghp_AAAA…`, `sk_live_0000…`: the format, with nothing in it.
  const FILLED: { name: string; path: string; text: string }[] = [
    { name: "GitHub classic token of A's", path: ".github/workflows/ci.yml", text: `env:\n  GH_TOKEN: ${"gh" + "p_"}${"A".repeat(36)}\n` },
    { name: "Stripe live key of zeros", path: "config/payments.json", text: `{"stripe": {"secretKey": "${"sk_" + "live_"}${"0".repeat(24)}"}}\n` },
    { name: "Slack bot token of ones and x's", path: "settings.py", text: `SLACK_BOT_TOKEN = "${"xox" + "b-"}${"1".repeat(12)}-${"1".repeat(12)}-${"x".repeat(24)}"\n` },
    { name: "AWS access key id of X's", path: ".env.production", text: `AWS_ACCESS_KEY_ID=AKIA${"X".repeat(16)}\nAWS_SECRET_ACCESS_KEY=${"x".repeat(40)}\n` },
  ];

  it.each(FILLED)("$name", async ({ path, text }) => {
    const root = makeRepo({ [path]: text, ".gitignore": ".env*\n" });
    const config = defaultConfig();
    for (const setting of config.rules.values()) setting.severity = "off";
    const result = await scan({ root, config, rules: [hardcodedSecret], ruleOverrides: { "hardcoded-secret": "error" } });
    expect(result.findings.filter((f) => f.ruleId === "hardcoded-secret").map((f) => `${f.path}:${f.line} ${f.message}`)).toEqual([]);
  });
});
