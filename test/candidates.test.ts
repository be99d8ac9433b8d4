import { describe, expect, it } from "vitest";
import { mayAnchorSecrets, mayHoldSecretValue, mayReadEnvironmentOrStart, maySecretBeBoundToLiteral } from "../src/analysis/candidates.js";

// The cheap tests that decide whether a code file is parsed at all. Each must let through every
// file a parse-based reading could report on (test/rules.test.ts runs the rules' cases with them).
describe("a secret-named binding of a literal", () => {
  it.each([
    ['api_key = "x"', "a Python assignment"],
    ['const dbPassword = "x";', "a camel-case name"],
    ['{"client_secret": "x"}', "a dict key"],
    ['db_pw = "x"', "a short secret word"],
    ['Field(default="x", env="JWT_SECRET")', "a settings field's environment name"],
    ['if (token === "x") {', "a comparison"],
    ['const auth = { _auth: `x` };', "npm's _auth"],
  ])("%s (%s) is a candidate", (line) => {
    expect(maySecretBeBoundToLiteral(`import os\n${line}\n`)).toBe(true);
  });

  it.each([
    ['export const Button = () => <div className="path">{props.label}</div>;', "a component"],
    ["api_key = os.environ.get(name)\nlabel = 'x'", "the secret word and the literal on different lines"],
    ['const route = "compat/path";', "short secret words inside other words"],
  ])("%s (%s) is not", (text) => {
    expect(maySecretBeBoundToLiteral(text)).toBe(false);
  });
});

describe("something secret-in-log could follow", () => {
  it.each(["print(os.environ)", "console.log(process.env)", "logger.info(request.headers)", "log.debug(REDIS_URL)", "print(token)"])("%s", (text) => {
    expect(mayHoldSecretValue(text)).toBe(true);
  });
  it("a file that names no secret, URL or header has nothing to leak", () => {
    expect(mayHoldSecretValue('console.log(`rendering ${props.items.length} rows`); throw new Error("bad row");')).toBe(false);
  });
});

describe("something missing-startup-validation reads", () => {
  it.each([
    'KEY = os.getenv("API_KEY")',
    "class Settings(BaseSettings):",
    'if __name__ == "__main__":',
    "app = FastAPI()",
    'require("express")().listen(8080);',
    'export const REQUIRED = ["API_TOKEN"];',
    "export function validate( {",
  ])("%s", (text) => {
    expect(mayReadEnvironmentOrStart(text)).toBe(true);
  });
  it("a module of pure functions adds nothing", () => {
    expect(mayReadEnvironmentOrStart("def parse_expression(tokens):\n    return [t.required for t in tokens]\n")).toBe(false);
  });
});

describe("YAML that can show the repository keeps secrets", () => {
  it.each([
    ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n", false],
    ["env:\n  - name: DB_PASSWORD\n    valueFrom: {secretKeyRef: {name: db, key: password}}\n", false],
    ["apiVersion: secrets.hashicorp.com/v1beta1\nkind: VaultStaticSecret\n", false],
    ["server:\n  ha:\n    enabled: true\n", true],
  ])("%j", (text, isValuesFile) => {
    expect(mayAnchorSecrets(text, isValuesFile)).toBe(true);
  });
  it("a compiled pipeline or a plain Deployment names none", () => {
    expect(mayAnchorSecrets("pipelineInfo:\n  name: train\nroot:\n  dag:\n    tasks: {}\n", false)).toBe(false);
    expect(mayAnchorSecrets("kind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: nginx}]\n", false)).toBe(false);
  });
});
