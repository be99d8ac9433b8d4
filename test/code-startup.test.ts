// missing-startup-validation across a repository: what the project handler decides from the files'
// facts, for what fixtures cannot say (configured services, options, evidence wording).

import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig, defaultOptions } from "../src/config/load.js";
import { scan } from "../src/engine/scan.js";
import type { ScanSettings } from "../src/core/types.js";
import rule from "../src/rules/missing-startup-validation.js";
import { makeRepo, removeTempDirs } from "./helpers/repo.js";

afterAll(removeTempDirs);

async function run(files: Record<string, string>, settings: Partial<ScanSettings> = {}, options: Record<string, unknown> = {}) {
  const root = makeRepo(files);
  const config = defaultConfig();
  for (const setting of config.rules.values()) setting.severity = "off";
  config.rules.set(rule.meta.id, { severity: "error", options: { ...defaultOptions(rule), ...options } });
  Object.assign(config.settings, settings);
  const result = await scan({ root, config, rules: [rule] });
  expect(result.notices.filter((n) => n.message.includes("failed"))).toEqual([]);
  const item = result.checklist.find((c) => c.id === "startup-validation")!;
  return { findings: result.findings.map((f) => ({ path: f.path, line: f.line, message: f.message })), status: item.status, evidence: item.evidence };
}

const FASTAPI = (body: string) => `import os\nimport uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\n${body}\nif __name__ == "__main__":\n    uvicorn.run(app)\n`;

describe("missing-startup-validation", () => {
  it("reports once per service, at the first unvalidated read, naming every unvalidated secret", async () => {
    const { findings, status } = await run({
      "svc/requirements.txt": "fastapi\n",
      "svc/b.py": 'import os\nTOKEN = os.getenv("SLACK_TOKEN")\n',
      "svc/main.py": FASTAPI('KEY = os.getenv("CAISO_API_KEY")\nPW = os.getenv("CLICKHOUSE_PASSWORD")\nKEY2 = os.getenv("CAISO_API_KEY")\n'),
    });
    expect(status).toBe("fail");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "svc/b.py", line: 2 });
    expect(findings[0]!.message).toContain("`SLACK_TOKEN`, `CAISO_API_KEY` and `CLICKHOUSE_PASSWORD`");
    expect(findings[0]!.message).toContain("entry: svc/main.py:5, FastAPI()");
  });

  it("passes with evidence naming the services and what validates them", async () => {
    const { findings, status, evidence } = await run({
      "api/package.json": '{ "name": "api", "main": "server.js" }\n',
      "api/server.js": 'if (!process.env.API_TOKEN) throw new Error("API_TOKEN");\nrequire("express")().listen(8080);\n',
      "ingest/requirements.txt": "fastapi\n",
      "ingest/main.py": FASTAPI('KEY = os.environ["CAISO_API_KEY"]\n'),
    });
    expect(findings).toEqual([]);
    expect(status).toBe("pass");
    expect(evidence.join("\n")).toMatch(/`api` \(the check at line 1 in api\/server\.js\).*`ingest` \(os\.environ\[\] in ingest\/main\.py\)/);
  });

  it("is not applicable without a service, and says what a service is", async () => {
    const { status, evidence } = await run({ "lib/vault.py": 'import os\nTOKEN = os.getenv("VAULT_TOKEN")\n' });
    expect(status).toBe("not-applicable");
    expect(evidence[0]).toContain("no service");
  });

  it("takes configured services instead of discovered ones, with their required secrets", async () => {
    const { findings } = await run(
      {
        "exporter/main.py": "import boto3\n\ns3 = boto3.client('s3')\n",
        "other/main.py": FASTAPI('KEY = os.getenv("CAISO_API_KEY")\n'),
      },
      { services: [{ path: "./exporter/", entry: "main.py", required: ["AWS_SECRET_ACCESS_KEY"] }] },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "exporter/main.py", line: 1 });
    expect(findings[0]!.message).toContain("`AWS_SECRET_ACCESS_KEY`");
  });

  it("treats the configured requiredSecrets as secrets", async () => {
    const files = { "svc/requirements.txt": "fastapi\n", "svc/main.py": FASTAPI('BROKERS = os.getenv("MQ_BROKERS")\n') };
    expect((await run(files)).findings).toEqual([]);
    expect((await run(files, { requiredSecrets: ["MQ_BROKERS"] })).findings).toHaveLength(1);
  });

  it("options: environ mappings, fallbacks, external validators", async () => {
    const environ = { "svc/requirements.txt": "fastapi\n", "svc/main.py": FASTAPI('KEY = os.environ["CAISO_API_KEY"]\n') };
    expect((await run(environ)).findings).toEqual([]);
    expect((await run(environ, {}, { environMappingValidates: false })).findings).toHaveLength(1);

    const fallback = { "svc/requirements.txt": "fastapi\n", "svc/main.py": FASTAPI('PW = os.getenv("REDIS_PASSWORD", "changeme")\n') };
    expect((await run(fallback)).findings[0]!.message).toContain("falls back to a default credential");
    expect((await run(fallback, {}, { fallbacks: false })).findings[0]!.message).toContain("reads `REDIS_PASSWORD`");

    const external = {
      "svc/requirements.txt": "fastapi\n",
      "svc/main.py": FASTAPI('from carbon_common.env import require_secrets\nrequire_secrets()\nKEY = os.getenv("CAISO_API_KEY")\n'),
    };
    expect((await run(external)).findings).toHaveLength(1);
    expect((await run(external, {}, { validators: ["require_secrets"] })).findings).toEqual([]);
  });

  it("stays silent on a service with a file that does not parse", async () => {
    const { findings, status } = await run({
      "api/package.json": '{ "name": "api", "main": "server.js" }\n',
      "api/server.js": 'const key = process.env.API_TOKEN;\nrequire("express")().listen(8080);\n',
      "api/env.js": "export function validate( {\n",
    });
    expect(findings).toEqual([]);
    expect(status).toBe("unknown");
  });

  it("ignores tests, and files outside every service", async () => {
    const { findings } = await run({
      "svc/requirements.txt": "fastapi\n",
      "svc/main.py": FASTAPI(""),
      "svc/tests/test_live.py": 'import os\nKEY = os.getenv("CAISO_API_KEY")\n',
      "libs/common/vault.py": 'import os\nTOKEN = os.getenv("VAULT_TOKEN")\n',
    });
    expect(findings).toEqual([]);
  });

  it("assigns each file to the deepest service that holds it", async () => {
    const { findings } = await run({
      "package.json": '{ "name": "monorepo", "scripts": { "start": "turbo run start" } }\n',
      "tools/seed.js": "const key = process.env.SEED_API_KEY;\n",
      "services/api/package.json": '{ "name": "api", "main": "server.js" }\n',
      "services/api/server.js": 'if (!process.env.API_TOKEN) throw new Error("API_TOKEN");\nconst t = process.env.API_TOKEN;\n',
    });
    expect(findings.map((f) => f.path)).toEqual(["tools/seed.js"]);
    expect(findings[0]!.message).toContain("The service `.`");
  });
});

describe("missing-startup-validation: how loud a fallback is", () => {
  it("a secret's default credential is an error; a required setting's default value (a broker address) a warning", async () => {
    const root = makeRepo({
      "svc/requirements.txt": "fastapi\n",
      "svc/main.py": FASTAPI('BROKERS = os.getenv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")\nPW = os.getenv("CLICKHOUSE_PASSWORD", "changeme")\n'),
    });
    const config = defaultConfig();
    for (const setting of config.rules.values()) setting.severity = "off";
    config.rules.set(rule.meta.id, { severity: "error", options: defaultOptions(rule) });
    const result = await scan({ root, config, rules: [rule] });
    const fallbacks = result.findings.filter((f) => f.message.includes("falls back")).map((f) => [f.message.slice(1, f.message.indexOf("`", 1)), f.severity]);
    expect(fallbacks.sort()).toEqual([["CLICKHOUSE_PASSWORD", "error"], ["KAFKA_BOOTSTRAP_SERVERS", "warning"]]);
  });
});
