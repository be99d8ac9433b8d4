import { describe, expect, it } from "vitest";
import { isSecretLikeKey, nameWords } from "../src/core/vocabulary.js";

describe("names that hold a secret", () => {
  it.each([
    "password", "DB_PASSWORD", "POSTGRES_PASSWORD", "db_pass", "MYSQL_PWD", "clientSecret", "client_secret", "CLIENT-SECRET",
    "apiKey", "api_key", "API-KEY", "apikey", "x-api-key", "AWS_SECRET_ACCESS_KEY", "aws_access_key", "private_key", "privateKey",
    "auth_token", "authToken", "GITHUB_TOKEN", "access_token", "refreshToken", "CLICKHOUSE_DSN", "SENTRY_DSN", "credentials",
    "spring.datasource.password", "--requirepass", "requirepass", "masterauth", "--password", "sasl.password", "signing_key",
    "encryptionKey", "secret", "JWT_SECRET", "SECRET_KEY_BASE", "webhook_secret", "slack_webhook", "dbPassword", "passphrase",
    "FILE_PASSWORD", "ADMIN_PASSWORD", "mongoPassword", "connectionString",
    // an ambiguous word at the end, or before an environment or version suffix
    "GITHUB_TOKEN_PROD", "db_pass_old", "api_token_v2", "SLACK_WEBHOOK", "KAFKA_SASL_JAAS_CONFIG", "profile::db::root_password",
  ])("%s", (name) => expect(isSecretLikeKey(name)).toBe(true));
});

describe("names that only mention one", () => {
  it.each([
    "existingSecret", "existingSecretPasswordKey", "PASSWORD_MIN_LENGTH", "TOKEN_HEADER", "passwordField", "password_sha256_hex", "password_hash", "secretKeyRef", "secretRef",
    "token_url", "tokenEndpoint", "PASSWORD_FILE", "password_file", "api_key_id", "access_key_id", "secret_name", "secretName",
    "key", "keys", "monkey", "username", "user", "host", "keyboard", "passwordPolicy", "token_ttl", "TOKEN_EXPIRY",
    "password_reset_url", "secrets_manager", "api_key_header", "public_key", "token_type", "passport", "compass", "bypass",
    "password_required", "credentials_provider", "pathway", "author",
    // ambiguous words (a lexer's token, a compiler pass, a SASL mechanism) before other words
    "token_expired", "is_pass_through", "sym_pass_statement", "sasl.mechanism", "authTokenCookie", "Unexpected_token_expected",
    // file names and package paths
    ".carbon-secret-lint.yaml", "secrets.json", "config/secret.env", "Test2::Event::Pass", "Net::SMTP::Token",
    // switches about a secret
    "USE_CREDENTIALS", "withCredentials", "has_password", "requireToken", "skip_auth_token",
  ])("%s", (name) => expect(isSecretLikeKey(name)).toBe(false));
});

describe("name words", () => {
  it("splits every case style", () => {
    expect(nameWords("AWS_SECRET_ACCESS_KEY")).toEqual(["aws", "secret", "access", "key"]);
    expect(nameWords("clientSecretValue")).toEqual(["client", "secret", "value"]);
    expect(nameWords("HTTPToken")).toEqual(["http", "token"]);
    expect(nameWords("spring.datasource.password")).toEqual(["spring", "datasource", "password"]);
  });
});
