// Issue 13, items 2 and 3: a value that names something, refers to something or is code is never
// a literal secret; docs are read as docs (`--set` lists split into pairs, "never do this"
// examples). Each row is what real repositories held (254CARBON, kubeflow/pipelines, helm/charts),
// beside the look-alike that must still count.

import { describe, expect, it } from "vitest";
import { judgeAssignment, judgeContext, type Verdict } from "../src/analysis/judge.js";
import { isGuessableName, isPlaceholderValue, isReference } from "../src/detectors/placeholders.js";
import { extractAssignments } from "../src/languages/assignments.js";
import { counterExampleSpans } from "../src/languages/markdown.js";

const verdict = (key: string, value: string, path: string): Verdict["kind"] => judgeAssignment(key, value, judgeContext(path)).kind;

describe("references, in any spelling", () => {
  it.each([
    "$ZK_PASSWORD",
    '"$ZK_PASSWORD"',
    '\\"$REDMINE_MAIL_RECEIVER_PASSWORD\\"',
    '"$ZOOKEEPER_CLIENT_PASSWORD";',
    "${DB_PASS}",
    "$(cat /run/secrets/db-password)",
    "$(vault kv get -field=token secret/api)",
    "{{ .Values.password }}",
    "%(db_password)s",
    "<%= @api_key %>",
    "#{db.password}",
    "%DB_PASS%",
    "$DB_USER:$DB_PASS",
  ])("%s is a reference", (value) => {
    expect(isReference(value)).toBe(true);
    expect(verdict("password", value, "charts/kafka/values.yaml")).toBe("not-secret");
  });

  it.each(["Lq2$vRt9-Xm7", "pa$$word-Rt9vLq2", "s3cr3t{x}"])("%s is a literal with a sigil in it", (value) => {
    expect(isReference(value)).toBe(false);
  });

  it("`password: $DB_PASS` is no longer a well-known default (the `$` was read as leetspeak)", () => {
    expect(verdict("password", "$DB_PASS", "charts/app/values.yaml")).toBe("not-secret");
    expect(verdict("password", "${DB_PASS}", "charts/app/values.yaml")).toBe("not-secret");
  });
});

describe("names of things", () => {
  it.each<[key: string, value: string, path: string]>([
    ["tlsSecret", "dokuwiki.local-tls", "stable/dokuwiki/values.yaml"],
    ["tlsSecret", "phpbb.local-tls", "stable/phpbb/values.yaml"],
    ["passwordSecret", "airflow-cluster1-mysql-password", "stable/airflow/values.yaml"],
    ["publicKeySecret", "chartmuseum-public-key", "stable/chartmuseum/values.yaml"],
    ["secret", "airflow-cluster1-git-keys", "stable/airflow/values.yaml"],
    ["creds", "cloud-credentials", "stable/hoard/values.yaml"],
    ["secret.reloader.stakater.com/reload", "foo-secret,bar-secret,baz-secret", "stable/reloader/values.yaml"],
    ["SECRET", "mlpipeline-minio-artifact", "scripts/isolation.sh"],
    ["clientSecretKey", "clientSecret", "stable/drone/values.yaml"],
    ["secret", "CLIENT_SECRET", "incubator/keycloak-proxy/values.yaml"],
    ["EnvMLflowTrackingToken", "MLFLOW_TRACKING_TOKEN", "backend/config.go"],
    ["postgresPassword", "DBConfig.PostgreSQLConfig.Password", "backend/client_manager.go"],
    ["credentials", "github.com/minio/minio-go/v7/pkg/credentials", "backend/client/minio.go"],
    ["token", "github.com/acme/secret-token/pkg", "app.py"],
    ["AGENT_TOKEN", "-config-file /etc/consul/agent-token.json", "incubator/vault/templates/deployment.yaml"],
    ["CLICKHOUSE_PASSWORD", "secret/data/ingest/clickhouse", "deploy/k8s/ingest.yaml"],
    ["API_TOKEN", "prod/ingest/api-token", "deploy/k8s/ingest.yaml"],
  ])("%s: %s is a name", (key, value, path) => expect(verdict(key, value, path)).toBe("not-secret"));

  it.each<[key: string, value: string, path: string]>([
    ["clientSecret", "Az7qW2mLx9Rt4vZp8Nc3Kb", "charts/sso/values.yaml"],
    ["cookieSecret", "7f3a9c2d1e4b8a6f5c3d2e1b", "charts/sso/values.yaml"], // lower-case hex is not made of words
    ["secret", "a8f9c2d1-e4b7-a6f3", "charts/app/values.yaml"],
    ["S3_SECRET_KEY", "q8vN3kL0/pW2xRt9vLq2/Xm7wKZa8Yb", "deploy/k8s/ingest.yaml"], // base64 with slashes is no path
  ])("%s: %s is still a secret", (key, value, path) => expect(verdict(key, value, path)).toBe("secret"));

  it("a password made of words stays a password", () => {
    expect(verdict("password", "express-gateway", "stable/express-gateway/values.yaml")).not.toBe("not-secret");
    expect(verdict("tlsPassword", "correct-horse-battery-staple", "charts/app/values.yaml")).toBe("secret");
  });
});

describe("code expressions", () => {
  it.each(["*o.PageToken", "&nextPageToken", "&k8score.SecretVolumeSource{", "searchResp.NextPageToken", ".Values.initdbPassword", "*config.AuthToken"])(
    "%s is code",
    (value) => expect(verdict("token", value, "backend/client/params.go")).toBe("not-secret"),
  );

  it("a dotted value whose parts are random is a token", () => {
    expect(verdict("token", "a8Xk2Qz91vLm.Rt4vZp8Nc3Kb7", "config/app.yaml")).toBe("secret");
  });

  it("a key's own name is a name map in code, a guessable password in a config", () => {
    expect(verdict("next_page_token", "next_page_token", "client/models/list_runs_response.py")).toBe("not-secret");
    expect(verdict("rpcpassword", "rpcpassword", "stable/bitcoind/values.yaml")).toBe("weak-default");
  });
});

describe("unrecognised placeholders", () => {
  it.each(["you-must-create-a-kong-license-secret", "CHANGEME!", "<<<ADMINPW>>>", "XXXXXXXXXXXXXXXXXXXXXXXX", "__ADMIN_PASSWORD__", "anothersecretpassword", "secretpassword", "myaccesskey", "my-json-file-base64-encoded"])(
    "%s is a placeholder",
    (value) => expect(isPlaceholderValue(value)).toBe(true),
  );

  it.each(["ExamplePas123", "AdminPassword123", "correct-horse-battery-staple"])("%s is not", (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });

  it("a value that asks to be changed still works as it is: deployed, a weak default", () => {
    expect(verdict("cookie_secret", "observability-cookie-secret-change-in-production", "k8s/security/oauth2-proxy.yaml")).toBe("weak-default");
  });

  it("a secret's name with a counter is guessable: a placeholder in docs, a weak default in a config", () => {
    for (const value of ["gateway-api-key-123", "randomSecret1", "pass1234", "github-oauth2-client-secret"]) expect(isGuessableName(value)).toBe(true);
    expect(verdict("API_KEY_GATEWAY", "gateway-api-key-123", "env.example")).toBe("not-secret");
    expect(verdict("API_KEY_GATEWAY", "gateway-api-key-123", "services/gateway/.env")).toBe("weak-default");
  });
});

describe("helm --set lists", () => {
  const pairs = (text: string) => extractAssignments({ path: "install.sh", kind: "shell", text }).map((a) => [a.key, a.value, text.slice(a.valueStart, a.valueEnd)]);

  it("splits the list into its pairs, each value up to its comma", () => {
    const text = "helm install db stable/mysql --set mysqlRootPassword=secretpassword,mysqlUser=my-user,mysqlDatabase=my-database\n";
    expect(pairs(text)).toEqual([
      ["mysqlRootPassword", "secretpassword", "secretpassword"],
      ["mysqlUser", "my-user", "my-user"],
      ["mysqlDatabase", "my-database", "my-database"],
    ]);
  });

  it("keeps an escaped comma, a list value and a comma not followed by a pair", () => {
    const text = 'helm install x --set tags="role:web\\,zone:eu",hosts={a,b},password=anchore-postgres,123 chart\n';
    expect(pairs(text).map(([key, value]) => [key, value])).toEqual([
      ["tags", "role:web\\,zone:eu"],
      ["hosts", "{a,b}"],
      ["password", "anchore-postgres,123"],
    ]);
  });

  it("takes the --set=a=x,b=y form and a reference in one pair only", () => {
    const text = "helm install g grafana/grafana --set=adminPassword=$GRAFANA_PW,smtp.password=Rt9vLq2Xm7\n";
    const found = extractAssignments({ path: "install.sh", kind: "shell", text });
    expect(found.map((a) => [a.key, a.value, a.templated ?? false])).toEqual([
      ["adminPassword", "$GRAFANA_PW", true],
      ["smtp.password", "Rt9vLq2Xm7", false],
    ]);
  });
});

describe("counter-examples in docs", () => {
  const spanned = (text: string) => counterExampleSpans(text).map((s) => text.slice(s.start, s.end).trim());

  it("a fence the prose introduces as what not to do", () => {
    expect(spanned("Never do this:\n\n```yaml\npassword: hunter2\n```\n")).toEqual(["password: hunter2"]);
    expect(spanned("Don't hardcode the key like this:\n```python\nKEY = 'x'\n```\n")).toEqual(["KEY = 'x'"]);
  });

  it("not a fence the prose introduces as the way to do it", () => {
    expect(spanned("Never hardcode secrets. Read them from the environment:\n\n```python\nKEY = os.environ['KEY']\n```\n")).toEqual([]);
    expect(spanned("Never hardcode secrets; use this instead:\n```bash\nexport KEY=$(vault read)\n```\n")).toEqual([]);
  });

  it("inside a fence, from a `# ❌ Bad` comment to the good example", () => {
    const text = "```python\n# ❌ Bad\nKEY = 'x'\n\n# ✅ Good\nKEY = os.environ['KEY']\n```\n";
    expect(spanned(text)).toEqual(["# ❌ Bad\nKEY = 'x'"]);
    expect(spanned("```python\n# Do not commit real values\nKEY = 'x'\n# Good: read it\nKEY = os.environ['KEY']\n```\n")).toEqual(["# Do not commit real values\nKEY = 'x'"]);
  });
});
