// The judgement as documentation: is a literal bound to a name a hardcoded secret? Each row is
// a name, a value as written, and the file it sits in; the file decides whether a weak default
// is a leak (a config) or a placeholder (docs, templates, tests).

import { describe, expect, it } from "vitest";
import { judgeAssignment, judgeContext, type Verdict } from "../src/analysis/judge.js";

type Row = [key: string, value: string, path: string];

const verdict = (key: string, value: string, path: string): Verdict["kind"] => judgeAssignment(key, value, judgeContext(path)).kind;

describe("secrets", () => {
  it.each<Row>([
    ["CLICKHOUSE_PASSWORD", "Vq7#pLx2-Rt9", "services/ingest/.env"],
    ["MISO_API_KEY", "k3Rz9vQm2LpX8wNt5YbH7cJd", "deploy/k8s/configmap.yaml"],
    ["password", "s3cr3t!", "config/app.yaml"], // short and plain, still a leak
    ["db_pass", "hunter2", "config/settings.ini"],
    ["clientSecret", "Az7~qW2.mLx9-Rt4vZp8Nc3Kb", "src/Api/appsettings.json"],
    ["--requirepass", "Rq7-vXz2mLp9", "docker-compose.yml"],
    ["spring.datasource.password", "Bl9#qTz4-Wm2x", "src/main/resources/application.properties"],
    ["SECRET_KEY", "k#9vq2$zLm7!xWt4pRn8cBd3YhJ6fGs1", "app/settings.py"],
    ["GITHUB_TOKEN_PROD", "Gx4nR8tVq2LmZ7pKs9WdB3yH", ".github/workflows/deploy.yml"], // an environment suffix
    ["STAGING_API_KEY", "St5vQ8mZx3Lw9pRn2cKb7YdH", "tests/test_integration.py"], // real-looking, even in a test
    ["ADMIN_API_TOKEN", "At4vT8mZq2Lx7wRn3cKb9YdF", "docs/runbooks/restore.md"], // real-looking, even in a runbook
    ["auth", "admin:Gf3vR9mZq4Lx", "infra/grafana.tf"], // Grafana's `auth` is user:password or a key
    ["auth", "Gf3vR9mZq4Lx8wTn2cKb7YdH", "infra/grafana.tf"],
    ["_auth", Buffer.from("ci-bot:Np7vQz2mWx9L").toString("base64"), ".npmrc"],
  ])("%s = %s in %s is a secret", (key, value, path) => expect(verdict(key, value, path)).toBe("secret"));
});

describe("weak defaults: a leak in a config, a placeholder where values are documented", () => {
  it.each<[key: string, value: string, config: string, documented: string]>([
    ["POSTGRES_PASSWORD", "postgres", "docker-compose.yml", ".env.example"],
    ["POSTGRES_PASSWORD", "postgres", "deploy/compose.yaml", "README.md"],
    ["adminPassword", "admin", "charts/grafana/values.yaml", "charts/grafana/values.sample.yaml"],
    ["RABBITMQ_DEFAULT_PASS", "guest", "docker-compose.yml", "docs/local-development.md"],
    ["password", "letmein", "config/app.yaml", "config/app.template.yaml"],
    ["password", "password", "config/esmtprc", "docs/mail.md"], // the name as its own value
    ["irc_pass", "irc_pass", "config/bot.ini", "docs/irc.md"],
    ["password", "irc_pass", "config/bot.ini", "docs/irc.md"], // a secret's name as its value: guessable
    ["password", "db_password", "config/bot.ini", "config/settings.dist.ini"],
    ["password", "AdminPassword", "config/app.yaml", "docs/admin.md"],
    ["CLICKHOUSE_PASSWORD", "s3cr3t-value", "services/ingest/.env", "docs/rules/committed-env-file.md"], // leetspeak
    ["DB_PASSWORD", "p@ssw0rd", "config/db.ini", "docs/db.md"],
    ["redisPassword", "gitlab", "stable/gitlab-ce/values.yaml", "stable/gitlab-ce/README.md"], // the product's own name
    ["password", "druid", "incubator/druid/values.yaml", "incubator/druid/values.sample.yaml"],
    ["secretKey", "minio123", "manifests/minio/values.yaml", "docs/minio.md"],
  ])("%s = %s: weak default in %s, placeholder in %s", (key, value, config, documented) => {
    expect(verdict(key, value, config)).toBe("weak-default");
    expect(verdict(key, value, documented)).toBe("not-secret");
  });

  it("in a test file, a default or a guessable name is a test value", () => {
    expect(verdict("password", "postgres", "tests/test_db.py")).toBe("not-secret");
    expect(verdict("consumer_secret", "consumer.secret", "tests/test_oauth.py")).toBe("not-secret");
    expect(verdict("password", "test", "src/auth.spec.ts")).toBe("not-secret");
  });
});

describe("what is not a secret", () => {
  it.each<[...Row, why: string]>([
    // connection strings are as secret as their passwords
    ["CLICKHOUSE_DSN", "clickhouse://ingest:changeme@localhost:9000/market", ".env", "a placeholder password"],
    ["DATABASE_URL", "postgres://user:password@localhost/app", "configs/environments/development/env.example", "a placeholder in a template"],
    // placeholders
    ["CLICKHOUSE_PASSWORD", "changeme", "services/ingest/.env", "a placeholder word"],
    ["MISO_API_KEY", "CHANGE_ME", "config/app.yaml", "a placeholder word"],
    ["OPENAI_API_KEY", "ACTUAL_KEY", ".env", "a placeholder word"],
    ["ANTHROPIC_API_KEY", "NEW_KEY", ".env", "a placeholder word"],
    ["STRIPE_WEBHOOK_SECRET", "your-webhook-secret-here", ".env", "a name made of words"],
    ["api_key", "<your-key>", "config/app.yaml", "a template"],
    ["REDIS_PASSWORD", "xxx", ".env", "a mask"],
    ["stripe_secret_key", "***", "config/app.yaml", "a mask"],
    ["VAULT_TOKEN", "REDACTED", "config/env.sample", "a placeholder word"],
    ["SENTRY_AUTH_TOKEN", "example", ".env", "a placeholder word"],
    ["SMTP_PASSWORD", "dummy", ".env", "a placeholder word"],
    ["password", "test", "tests/test_client.py", "a test value in a test file"],
    ["api_key", "fake-api-key", "tests/test_client.py", "a test value in a test file"],
    ["JWT_SIGNING_KEY", "", ".env", "empty"],
    // references
    ["DB_PASSWORD", "${DB_PASSWORD}", ".env", "interpolation"],
    ["API_TOKEN", "$API_TOKEN", ".env", "a shell variable"],
    ["password", "{{ .Values.clickhouse.auth.password }}", "charts/analytics/templates/deployment.yaml", "a Helm template"],
    ["password", "%(DB_PASSWORD)s", "deploy/alembic.ini", "configparser interpolation"],
    ["password", 'os.getenv("DB_PASSWORD")', "notes.txt", "code reading the environment"],
    ["token", "process.env.MISO_API_KEY", "notes.txt", "code reading the environment"],
    ["NODE_AUTH_TOKEN", "${{ secrets.NPM_TOKEN }}", ".github/workflows/release.yml", "a secret of the CI"],
    ["db_password", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:reports/db-AbCdEf", "config/secrets.yaml", "a secret store reference"],
    ["slack_token", "projects/carbon-prod/secrets/slack-bot-token/versions/latest", "config/secrets.yaml", "a GCP Secret Manager name"],
    ["clickhouse_password", "ref+vault://secret/analytics/clickhouse#password", "config/secrets.yaml", "a vals reference"],
    // hashes and encrypted values
    ["password", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "config/users.yaml", "a bcrypt hash"],
    ["password", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$Vq7pLx2Rt9Mn4Kd8Wz3Yb6Hc", "config/users.yaml", "an argon2 hash"],
    ["password_sha256_hex", "65e84be33532fb784c48129675f9eff3a682b27168c0ea744b2cf58ee02337c5", "users.xml", "the name says it holds a hash"],
    ["password", "ENC[AES256_GCM,data:Xq3vT9mZ2Lw8pR5nC,iv:7kq2Lx9v=,tag:Wx4V==,type:str]", "secrets/api.enc.yaml", "SOPS ciphertext"],
    ["integrity", "sha512-Zk9vQ3mTx7Lw2pRn8cKb4YdF5hJ6gSp1tWx0Vz8Nm2Qr4St6Uv8W==", "package-lock.json", "not a secret's name"],
    ["token", "sha256:2458681cdefc0dbc0b7eb6cf75d0b98e59f9ad9b2d4edd319d18f68bdca95e50", "poetry.lock", "an integrity hash"],
    // shapes that are never a secret
    ["TURBO_CACHE_TOKEN", "3f1c9a2e-7b4d-4e8a-9c6f-2d1b5a7e9c3f", ".github/workflows/ci.yml", "a UUID"],
    ["apiKeyIcon", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA", "web/src/icons.ts", "a data URI"],
    ["@secretlint/secretlint-rule-1password", "11.7.1", "package.json", "a version"],
    ["secret-scanner", "dist/cli.js", "package.json", "a file path"],
    ["clickhouse_dsn", "clickhouse://default@clickhouse.analytics.svc:9000/events", "config.yaml", "a URL without a password"],
    ["longopt_pat", "[a-zA-Z](?:[a-zA-Z0-9-]*)", "distutils/fancy_getopt.py", "a regular expression"],
    ["UNRESERVED_PAT", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._!\\-~", "urllib3/util/url.py", "an alphabet"],
    ["found_token", "ts_parser__external_scanner_scan(self, lex_mode.external_lex_state);", "lib/parser.c", "a call"],
    ["lastSignificantToken", "?NoLineTerminatorHere", "vendor/tokenizer.js", "an identifier"],
    ["allPass", "overEvery", "lodash/fp/_mapping.js", "an identifier"],
    ["pass", "passed", "web/src/results.js", "a form of the name's own word"],
    // words for people
    ["Unexpected_token_1012", "Neočekávaný token", "lib/cs/diagnosticMessages.generated.json", "prose"],
    ["Unexpected_token_1012", "予期しないトークンです。", "lib/ja/diagnosticMessages.generated.json", "prose"],
    ["unexpected_token", "Unerwartetes Token.", "config/messages.yaml", "prose"],
    ["password", "Passwort", "locales/de/auth.yaml", "a translation catalog"],
    ["confirmPassword", "Confirm password", "web/src/forms.ts", "the name as a label"],
    ["apiKey", "API key", "web/src/forms.ts", "the name as a label"],
    ["clickhouse_password", Buffer.from("s3cr3t-fake-password").toString("base64"), "docs/secrets.md", "base64 of a placeholder"],
    ["USE_CREDENTIALS", "use-credentials", "lib/web/eventsource.js", "a switch, not a secret"],
    ["secretKey", "password", "deploy/k8s/external-secret.yaml", "the key a secret store keeps it under"],
    ["PASSWORD", "nodejs", "CHANGELOG.md", "a plain word in documentation"],
    // names that only mention a secret
    ["passwordField", "password", "web/src/forms.ts", "a field's name"],
    ["TOKEN_HEADER", "X-Api-Key", "web/src/http.ts", "a header's name"],
    ["PASSWORD_MIN_LENGTH", "12", "config/auth.yaml", "a policy"],
    ["token_expired", "Das Token ist abgelaufen.", "config/messages.yaml", "a message's key"],
    ["sasl.mechanism", "SCRAM-SHA-512", "config/consumer.properties", "a mechanism's name"],
    ["authTokenCookie", "__Host-session", "web/src/session.ts", "a cookie's name"],
    [".carbon-secret-lint.yaml", "rules: [unclosed\n", "test/cli.test.ts", "a file's name"],
    ["Test2::Event::Pass", "cpan", "Module/CoreList.pm", "a package's name"],
    ["auth", "basic", "config/proxy.yaml", "an auth mode"],
  ])("%s = %s in %s (%s)", (key, value, path) => expect(verdict(key, value, path)).toBe("not-secret"));
});

describe("where a value sits", () => {
  it.each([
    ["README.md", true],
    ["docs/runbooks/restore.md", true],
    [".env.example", true],
    ["configs/environments/development/env.example", true],
    ["charts/grafana/values.sample.yaml", true],
    ["config/settings.dist.ini", true],
    ["config/app.template.json", true],
    [".env", false],
    ["docker-compose.yml", false],
    ["charts/grafana/values.yaml", false],
  ])("%s documents values: %s", (path, documented) => expect(judgeContext(path).isDocumentation).toBe(documented));
});

describe("constants in code", () => {
  it("a format's prefix made of the constant's own words is no secret; a value under the same name still is", () => {
    const code = { path: "src/age.ts", isDocumentation: false, isCode: true };
    expect(judgeAssignment("AGE_SECRET_KEY_HRP", "age-secret-key-", code).kind).toBe("not-secret");
    expect(judgeAssignment("AGE_SECRET_KEY_HRP", "Tq9wLx4zNv7mKp2rZk8qWx3v", code).kind).toBe("secret");
  });
});
