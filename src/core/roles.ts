// What a file is for, decided once per file from its path: the fact that lets a finding in a
// chart's values be an error while the same text in a test fixture is test data. Rules read it
// (file.role, project.files[].role), findings carry it, and the engine caps severities by it.
import { lowerSeverity, type Severity } from "./types.js";

export const ROLES = ["deployable", "local", "ci", "docs", "example", "test", "fixture", "vendored"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  deployable: "what runs or ships: manifests, charts and their values, production compose files, IaC, service code and config",
  local: "local and development setups: docker-compose.dev.yml, local and dev overlays, stacks and values, hack/ scripts",
  ci: "CI configuration: .github/workflows, .gitlab-ci.yml, Jenkinsfile, and the like",
  docs: "documentation: Markdown, reStructuredText, docs/ folders, NOTES.txt",
  example: "examples and samples: examples/, samples/, demo/ folders",
  test: "tests: test folders and test files",
  fixture: "test data: fixtures, testdata, snapshots, expected-output reports",
  vendored: "code written elsewhere: vendor/, third_party/, node_modules/, generated and minified files",
};

/** What a role's findings become: a cap on their severity, or off (then only live-looking credentials are kept). */
export type RoleSeverity = Severity | "off";

/**
 * By default, deployables report at the rules' severities; local setups, CI and docs at most
 * as warnings; tests, fixtures, examples and vendored code not at all, except that in tests and
 * examples a credential that looks live (a provider's format, a private key, a random-looking
 * value) is reported as a warning. Fixtures are made to look like secrets: nothing there is.
 */
export const DEFAULT_ROLE_SEVERITY: Record<Role, RoleSeverity> = {
  deployable: "error",
  local: "warning",
  ci: "warning",
  docs: "warning",
  example: "off",
  test: "off",
  fixture: "off",
  vendored: "off",
};

/**
 * Roles whose files show how the repository itself runs: its deployables, its local setups and
 * its CI. A Secret in a test's YAML or a doc says nothing about what the repository operates.
 */
export const OPERATIONAL_ROLES: readonly Role[] = ["deployable", "local", "ci"];

/** Roles whose files' findings decide the checklist: what the repository deploys, and the CI that deploys it. */
export const CHECKLIST_ROLES: readonly Role[] = ["deployable", "ci"];


/** Roles whose `off` still lets a live-looking credential through (test code, examples); test data and vendored code are made by others. */
export const LIVE_CREDENTIALS_REPORTED_IN: readonly Role[] = ["test", "example"];

/**
 * A finding's severity in a file of this role, or null when it is not reported. A provider-format
 * credential keeps its severity where the role caps (a real token in a CI workflow or a runbook
 * is a leak); where a test's or an example's role is off, a live-looking one is still reported, as a warning.
 */
export function severityInRole(severity: Severity, looksLive: "format" | "value" | undefined, role: Role, cap: RoleSeverity): Severity | null {
  if (cap === "off") return looksLive && LIVE_CREDENTIALS_REPORTED_IN.includes(role) ? lowerSeverity(severity, "warning") : null;
  return looksLive === "format" ? severity : lowerSeverity(severity, cap);
}

// Each test runs on a path's folders (any depth) or on its file name.
const VENDORED_DIR = /^(?:vendor|vendored|third[_-]?party|node_modules|bower_components|\.yarn|site-packages|\.venv|venv|dist|\.next|\.nuxt)$/i;
const FIXTURE_DIR = /^(?:fixtures?|testdata|test[_-]?data|__snapshots__|snapshots?|__fixtures__|golden|goldens|expected|testfiles|test[_-]?resources|mocks?(?:[_-][a-z]+)?|__mocks__|stubs?|fakes?|dummy|corpus|samples?[_-]?data|cassettes)$/i;
const TEST_DIR = /^(?:tests?|__tests__|spec|specs|e2e|integration[_-]?tests?|unit[_-]?tests?|testing|test[_-]?utils?|testsuite|benchmarks?|perf[_-]?tests?|load[_-]?tests?)$/i;
const EXAMPLE_DIR = /^(?:examples?|samples?|demos?|tutorials?|quickstarts?|playground|sandbox|contrib)$/i;
const DOCS_DIR = /^(?:docs?|documentation|site|website|wiki|book|guides?|runbooks?|adr|rfcs?|man)$/i;
const LOCAL_DIR = /^(?:local|dev|develop|development|localdev|devenv|\.devcontainer|docker-dev|kind|minikube|k3d|hack)$/i;
const CI_DIR = /^(?:\.github|\.gitlab|\.circleci|\.buildkite|\.azure-pipelines|\.ci|ci|\.drone|\.woodpecker|\.tekton)$/i;

const TEST_FILE = /(?:^test_.*\.py|_test\.(?:py|go|rb|exs?)|_spec\.rb|\.(?:test|spec)\.[cm]?[jt]sx?|^conftest\.py|Tests?\.(?:java|kt|cs|swift)|_tests?\.rs)$/;
const FIXTURE_FILE = /(?:\.snap|\.golden|\.approved\.\w+|\.received\.\w+|[._-](?:fixture|fixtures|testdata|sample-output|expected|mock))(?:\.\w+)?$|\.(?:sarif|har)$/i;
const DOCS_FILE = /\.(?:md|markdown|mdx|rst|adoc|asciidoc)$|^(?:NOTES|README|CHANGELOG|CONTRIBUTING|HISTORY|SECURITY)(?:\.\w+)?$/i;
const VENDORED_FILE = /\.min\.(?:js|css)$|[._-]generated\.\w+$|\.pb\.go$|_pb2\.py$|\.lock$|^package-lock\.json$|^yarn\.lock$|^pnpm-lock\.yaml$|^poetry\.lock$|^go\.sum$/i;
const LOCAL_FILE = /^(?:docker-compose|compose)[._-](?:dev|local|development|test|testing|ci|e2e|debug|mocks?)\b[\w.-]*\.ya?ml$|(?:^|[._-])(?:local|dev|development)\.(?:env|ya?ml|json|toml|ini|properties|tfvars)$|^values[._-](?:dev|local|development|test|ci|kind|minikube)\.ya?ml$/i;
const CI_FILE = /^(?:\.gitlab-ci\.ya?ml|Jenkinsfile|\.travis\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|cloudbuild\.ya?ml|\.drone\.ya?ml|buildspec\.ya?ml|codecov\.ya?ml)$/i;
// A chart's NOTES.txt is text shown after `helm install`: documentation, whatever its folder.
const CHART_NOTES = /(?:^|\/)templates\/NOTES\.txt$/;

// A compose file whose services say they run in a local or development environment.
const COMPOSE_FILE = /(?:^|\/)(?:docker-)?compose(?:[._-][\w.-]+)?\.ya?ml$/i;
const LOCAL_ENVIRONMENT_SETTING = /^[ \t-]*["']?[A-Z][A-Z0-9_]*_?ENV(?:IRONMENT)?["']?[ \t]*[:=][ \t]*["']?(?:local|dev|development)["']?[ \t]*$/m;

/**
 * The role by what a file says of itself, when its path says deployable: a `docker-compose.yml`
 * whose services set `APP_ENV: local` is a local setup, whatever its name.
 */
export function roleOfContent(role: Role, path: string, text: string): Role {
  if (role === "deployable" && COMPOSE_FILE.test(path) && LOCAL_ENVIRONMENT_SETTING.test(text)) return "local";
  return role;
}

/** The role of a file by its path (relative to the scan root, forward slashes). */
export function roleOfPath(path: string): Role {
  const parts = path.split("/");
  const name = parts.at(-1) ?? path;
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => VENDORED_DIR.test(d)) || VENDORED_FILE.test(name)) return "vendored";
  if (dirs.some((d) => FIXTURE_DIR.test(d)) || FIXTURE_FILE.test(name)) return "fixture";
  if (dirs.some((d) => TEST_DIR.test(d)) || TEST_FILE.test(name)) return "test";
  if (dirs.some((d) => EXAMPLE_DIR.test(d)) || /^(?:example|sample|demo)[._-]/i.test(name)) return "example";
  if (CHART_NOTES.test(path) || dirs.some((d) => DOCS_DIR.test(d)) || DOCS_FILE.test(name)) return "docs";
  if (dirs.some((d) => CI_DIR.test(d)) || CI_FILE.test(name)) return "ci";
  if (dirs.some((d) => LOCAL_DIR.test(d)) || LOCAL_FILE.test(name)) return "local";
  return "deployable";
}
