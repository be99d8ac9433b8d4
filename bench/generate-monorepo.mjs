#!/usr/bin/env node
// A deterministic platform monorepo for the benchmark: services in Python and TypeScript,
// Kubernetes manifests, Helm charts, compose files, env templates, docs, and a few planted
// secrets (built from parts at run time, never stored in this repository).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function generateMonorepo(root, { services = 250, seed = 254 } = {}) {
  const random = prng(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const token = (n, alphabet = ALPHANUM) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  const files = new Map();
  const put = (path, text) => files.set(path, text);
  const markets = ["caiso", "miso", "ercot", "pjm", "nyiso", "spp", "isone"];
  let planted = 0;

  put(".gitignore", "node_modules/\n__pycache__/\n.env\n.env.*\n!.env.example\n");
  put("README.md", "# platform\n\nIngestion services for market data.\n");
  for (let s = 0; s < services; s++) {
    const market = pick(markets);
    const name = `${market}-${["ingest", "normalize", "enrich", "publish", "api"][s % 5]}-${s}`;
    const dir = `services/${name}`;
    const secretLine = s % 25 === 7 ? `CLICKHOUSE_PASSWORD = "${token(6)}-${token(10)}"\n` : "";
    if (secretLine) planted++;
    if (s % 2 === 0) {
      put(`${dir}/pyproject.toml`, `[project]\nname = "${name}"\nversion = "0.${s}.0"\ndependencies = ["httpx", "structlog", "pydantic-settings"]\n`);
      put(`${dir}/src/${market}/__init__.py`, "");
      put(
        `${dir}/src/${market}/settings.py`,
        `import os\nfrom pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    clickhouse_dsn: str\n    redis_url: str\n    ${market}_api_key: str\n    batch_size: int = ${100 + s}\n\n${secretLine}`,
      );
      for (let m = 0; m < 8; m++) {
        put(
          `${dir}/src/${market}/module_${m}.py`,
          `import logging\nimport os\n\nlogger = logging.getLogger(__name__)\nPASSWORD_MIN_LENGTH = 12\n\n\ndef fetch_${m}(client, day):\n    """Fetch ${market} prices for a day."""\n    key = os.getenv("${market.toUpperCase()}_API_KEY")\n    logger.info("fetching %s for %s", "${market}", day)\n    rows = client.get("/prices", params={"day": day, "page": ${m}})\n    total = sum(r["price"] for r in rows)\n    return {"day": day, "total": total, "count": len(rows), "keyed": bool(key)}\n`.repeat(1 + (m % 3)),
        );
        put(`${dir}/tests/test_module_${m}.py`, `from ${market}.module_${m} import fetch_${m}\n\n\ndef test_fetch():\n    assert fetch_${m} is not None\n    password = "test"\n`);
      }
      put(`${dir}/Dockerfile`, `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nCMD ["python", "-m", "${market}"]\n`);
    } else {
      put(`${dir}/package.json`, JSON.stringify({ name, version: `1.${s}.0`, main: "dist/server.js", scripts: { start: "node dist/server.js" } }, null, 2) + "\n");
      for (let m = 0; m < 8; m++) {
        put(
          `${dir}/src/handler${m}.ts`,
          `import type { Request, Response } from "express";\n\nconst passwordField = "password";\nconst apiKey = process.env.${market.toUpperCase()}_API_KEY ?? "";\n\nexport async function handle${m}(req: Request, res: Response): Promise<void> {\n  const rows = await fetch(\`https://api.${market}.example/prices?page=${m}\`).then((r) => r.json());\n  console.log("served", rows.length, passwordField.length);\n  res.json({ ok: true, keyed: apiKey.length > 0 });\n}\n`.repeat(1 + (m % 3)),
        );
      }
      put(`${dir}/src/server.ts`, `import express from "express";\n\nconst app = express();\napp.listen(8080);\n${secretLine.replace(/^CLICKHOUSE_PASSWORD = /, "export const clickhousePassword = ")}`);
    }
    put(`${dir}/.env.example`, `${market.toUpperCase()}_API_KEY=ACTUAL_KEY\nCLICKHOUSE_DSN=clickhouse://user:password@localhost:9000/market\nREDIS_URL=redis://localhost:6379/0\n`);
    put(
      `deploy/k8s/${name}/deployment.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: carbon-ingestion\nspec:\n  replicas: ${1 + (s % 3)}\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: carbon/${name}:1.${s}.0\n          env:\n            - name: LOG_LEVEL\n              value: info\n            - name: CLICKHOUSE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: carbon-ingestion-secrets\n                  key: clickhouse_password\n          envFrom:\n            - secretRef:\n                name: carbon-ingestion-secrets\n`,
    );
    put(`charts/${name}/values.yaml`, `image:\n  repository: carbon/${name}\n  tag: "1.${s}.0"\nresources:\n  limits:\n    cpu: 500m\n    memory: 512Mi\nsecrets:\n  existingSecret: carbon-ingestion-secrets\n`);
    put(`charts/${name}/templates/secret.yaml`, `apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}\ntype: Opaque\ndata:\n  password: {{ .Values.password | b64enc }}\n`);
    put(`docs/services/${name}.md`, `# ${name}\n\nReads ${market} prices. Set \`${market.toUpperCase()}_API_KEY\` from Vault.\n\n\`\`\`bash\nexport ${market.toUpperCase()}_API_KEY=<your-key>\n\`\`\`\n`);
  }
  for (const [path, text] of files) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { files: files.size, planted };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2];
  if (!root) throw new Error("usage: generate-monorepo.mjs <dir> [services]");
  console.log(generateMonorepo(root, { services: Number(process.argv[3] ?? 250) }));
}
