// The language-neutral judgements both code rules share (src/code/shared.ts).

import { describe, expect, it } from "vitest";
import {
  isCredentialUrlName,
  isDescribingName,
  isLoggerName,
  isRedacted,
  isSanitizerName,
  isSecretHeaderName,
  isSecretName,
  isSecretValueName,
  isShortEnd,
  parseRedactPath,
  tainted,
  union,
  CLEAN,
  UNKNOWN,
} from "../src/analysis/code/shared.js";

describe("names", () => {
  it("a secret value, not the names of secrets", () => {
    for (const name of ["api_key", "CLICKHOUSE_PASSWORD", "clientSecret", "KAFKA_SASL_PASSWORD", "vault_token"]) expect(isSecretValueName(name), name).toBe(true);
    for (const name of ["missing_secrets", "REQUIRED_SECRETS", "unsetTokens", "password_hash", "api_key_id", "secret_name"]) expect(isSecretValueName(name), name).toBe(false);
  });

  it("connection URLs of databases and brokers carry credentials; other URLs do not", () => {
    for (const name of ["DATABASE_URL", "REDIS_URL", "MONGODB_URI", "CELERY_BROKER_URL", "postgresDsn", "databaseUrl"]) expect(isCredentialUrlName(name), name).toBe(true);
    for (const name of ["BASE_URL", "CAISO_BASE_URL", "VAULT_ADDR", "callbackUrl", "KAFKA_BOOTSTRAP_SERVERS"]) expect(isCredentialUrlName(name), name).toBe(false);
    expect(isSecretName("REDIS_URL")).toBe(true);
    expect(isSecretName("NEXT_PUBLIC_MAPS_API_KEY")).toBe(false);
    expect(isSecretName("VITE_SENTRY_DSN")).toBe(false);
  });

  it("credential headers", () => {
    for (const name of ["Authorization", "authorization", "Cookie", "x-api-key", "X-Auth-Token"]) expect(isSecretHeaderName(name), name).toBe(true);
    for (const name of ["Accept", "user-agent", "x-request-id"]) expect(isSecretHeaderName(name), name).toBe(false);
  });

  it("members that describe a secret-bearing object", () => {
    for (const name of ["length", "host", "hostname", "username", "expires_in", "expiresAt", "kid", "keyId", "scope"]) expect(isDescribingName(name), name).toBe(true);
    for (const name of ["netloc", "href", "value", "access_token", "raw"]) expect(isDescribingName(name), name).toBe(false);
  });

  it("sanitizers and loggers", () => {
    for (const name of ["mask", "redact_secret", "obfuscate", "fingerprint", "sha256", "hexdigest", "len", "bool", "createHash", "maskSecret", "isValid"]) expect(isSanitizerName(name), name).toBe(true);
    for (const name of ["str", "encode", "b64encode", "format", "getToken"]) expect(isSanitizerName(name), name).toBe(false);
    expect(isSanitizerName("scramble", new Set(["scramble"]))).toBe(true);
    for (const name of ["logger", "log", "LOG", "self.logger", "auditLogger", "structlog", "logging"]) expect(isLoggerName(name), name).toBe(true);
    for (const name of ["catalog", "dialog", "log_file", "blog", "Math"]) expect(isLoggerName(name), name).toBe(false);
  });
});

describe("flows", () => {
  it("union: tainted wins, then unknown, then clean; containers flatten when combined", () => {
    expect(union([CLEAN, UNKNOWN])).toBe(UNKNOWN);
    expect(union([CLEAN, CLEAN])).toBe(CLEAN);
    expect(union([UNKNOWN, tainted("a"), tainted("b")])).toEqual(tainted("a"));
    expect(union([tainted("os.environ", "environment")])).toEqual(tainted("os.environ", "environment"));
    expect(union([CLEAN, tainted("os.environ", "environment")])).toEqual(tainted("os.environ"));
  });

  it("a few characters at either end are a mask", () => {
    expect(isShortEnd(null, 4)).toBe(true);
    expect(isShortEnd(0, 8)).toBe(true);
    expect(isShortEnd(-4, null)).toBe(true);
    expect(isShortEnd(0, 12)).toBe(false);
    expect(isShortEnd(7, null)).toBe(false);
    expect(isShortEnd(null, null)).toBe(false);
  });

  it("pino redact paths", () => {
    expect(parseRedactPath("req.headers.authorization")).toEqual(["req", "headers", "authorization"]);
    expect(parseRedactPath('req.headers["x-api-key"]')).toEqual(["req", "headers", "x-api-key"]);
    expect(parseRedactPath("users[*].token")).toEqual(["users", "*", "token"]);
    expect(parseRedactPath("*.password")).toEqual(["*", "password"]);
    const redactions = ["*.password", "apiKey"].map(parseRedactPath);
    expect(isRedacted(["db", "password"], redactions)).toBe(true);
    expect(isRedacted(["apiKey"], redactions)).toBe(true);
    expect(isRedacted(["db", "user"], redactions)).toBe(false);
    expect(isRedacted(["password"], redactions)).toBe(false);
  });
});
