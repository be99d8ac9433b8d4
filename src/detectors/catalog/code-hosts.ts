// Code hosts, package registries and CI: GitHub, GitLab, Atlassian, npm, PyPI, Docker Hub,
// RubyGems, NuGet, JFrog, SonarQube, Snyk, CircleCI, Buildkite.
import type { Detector } from "../types.js";
import { BASE64_EDGE, UUID, assigned, bareToken, caseless, decodeUserPassword, near, token } from "../patterns.js";
import { isPlaceholderValue } from "../placeholders.js";
import { BASE62, BASE64URL, DIGITS, HEX, LOWER_ALNUM, base64, fake, fakeUuid } from "../samples.js";
import { prefixedToken } from "./define.js";

const GITHUB_DOCS = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats";
const GITLAB_DOCS = "https://docs.gitlab.com/security/tokens/#token-prefixes";

/**
 * GitHub's prefixed token families: a prefix and 36 base62 characters today (the last 6 a
 * checksum); GitHub reserves lengths up to 255, so longer bodies match too.
 */
function githubToken(id: string, description: string, prefix: string): Detector {
  const sample = (seed: string) => fake(prefix, 36, BASE62, seed);
  return prefixedToken({
    id,
    description,
    source: GITHUB_DOCS,
    prefix,
    body: "[A-Za-z0-9]{36,251}",
    sample,
    variable: "GITHUB_TOKEN",
    truePositives: [`git clone https://x-access-token:${sample(`${id}-url`)}@github.com/carbon/ingest.git`],
    falsePositives: [{ text: `const my${sample(`${id}-word`)} = 1`, why: "the prefix inside an identifier" }],
  });
}

/** GitLab's prefixed tokens: a prefix and a base64url body of the documented length. */
function gitlabToken(id: string, description: string, prefix: string, body: string, sampleLength: number): Detector {
  return prefixedToken({ id, description, source: GITLAB_DOCS, prefix, body, sample: (seed) => fake(prefix, sampleLength, BASE64URL, seed), variable: "GITLAB_TOKEN", entropy: 3 });
}

export const CODE_HOST_DETECTORS: readonly Detector[] = [
  githubToken("github-pat-classic", "GitHub personal access token (classic)", "ghp_"),
  githubToken("github-oauth-token", "GitHub OAuth access token", "gho_"),
  githubToken("github-user-to-server-token", "GitHub App user access token", "ghu_"),
  githubToken("github-app-installation-token", "GitHub App installation access token", "ghs_"),
  githubToken("github-refresh-token", "GitHub App refresh token", "ghr_"),
  {
    id: "github-pat-fine-grained",
    description: "GitHub fine-grained personal access token",
    source: GITHUB_DOCS,
    keywords: ["github_pat_"],
    pattern: new RegExp(token(String.raw`github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GH_TOKEN=${fake("github" + "_pat_", 22, BASE62, "gh-fg-1")}_${fake("", 59, BASE62, "gh-fg-2")}`],
        falsePositives: [
          { text: `# create a github_pat_ token in settings`, why: "prose naming the prefix" },
          { text: `GH_TOKEN=github_pat_${"X".repeat(22)}_${"X".repeat(59)}`, why: "a placeholder of Xs" },
        ],
      };
    },
  },
  gitlabToken("gitlab-pat", "GitLab personal, project or group access token", "glpat-", String.raw`[\w-]{20,300}`, 20),
  gitlabToken("gitlab-deploy-token", "GitLab deploy token", "gldt-", String.raw`[\w-]{20,300}`, 20),
  gitlabToken("gitlab-runner-token", "GitLab runner authentication token", "glrt-", String.raw`[\w-]{20,300}`, 20),
  gitlabToken("gitlab-runner-registration-token", "GitLab runner registration token (deprecated)", "GR1348941", String.raw`[\w-]{20}`, 20),
  gitlabToken("gitlab-oauth-app-secret", "GitLab OAuth application secret", "gloas-", String.raw`[\w-]{64}`, 64),
  gitlabToken("gitlab-feed-token", "GitLab feed token", "glft-", String.raw`[\w-]{20}`, 20),
  gitlabToken("gitlab-agent-token", "GitLab agent for Kubernetes token", "glagent-", String.raw`[\w-]{50}`, 50),
  {
    id: "gitlab-pipeline-trigger-token",
    description: "GitLab pipeline trigger token",
    source: GITLAB_DOCS,
    keywords: ["glptt-"],
    pattern: new RegExp(token(String.raw`glptt-[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`curl -X POST -F token=${fake("glptt" + "-", 40, HEX, "glptt")} -F ref=main https://gitlab.example.com/api/v4/projects/1/trigger/pipeline`],
        falsePositives: [{ text: `-F token=glptt-<trigger-token>`, why: "a template" }],
      };
    },
  },
  {
    id: "gitlab-ci-job-token",
    description: "GitLab CI/CD job token",
    source: GITLAB_DOCS,
    keywords: ["glcbt-"],
    pattern: new RegExp(token(String.raw`glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CI_JOB_TOKEN=${fake("glcbt" + "-", 2, LOWER_ALNUM, "glcbt-1")}_${fake("", 20, BASE64URL, "glcbt-2")}`],
        falsePositives: [{ text: `token: glcbt-64_short`, why: "too short for a job token" }],
      };
    },
  },
  {
    id: "atlassian-api-token",
    description: "Atlassian API token (Jira, Confluence, Bitbucket)",
    source: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    keywords: ["atatt3"],
    pattern: new RegExp(token(String.raw`ATATT3[\w=-]{186}`, String.raw`\w-`, String.raw`\w=-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`JIRA_API_TOKEN=${fake("ATATT" + "3", 186, BASE64URL, "atlassian")}`],
        falsePositives: [{ text: `JIRA_API_TOKEN=ATATT3xxxxxxxx`, why: "a truncated placeholder" }],
      };
    },
  },
  {
    // Jira and Confluence Data Center / Server personal access tokens carry no prefix:
    // 44 base64 characters (trufflehog's jira-data-center-pat detector), which decode to the
    // token's numeric id, a colon and 20 random bytes (`NTg4…` is "588…:"). Only near a product's
    // name, and only when it decodes so: a 44-character hash beside the word "jira" is not one.
    id: "atlassian-data-center-pat",
    description: "Atlassian Data Center / Server personal access token (Jira, Confluence) near the product's name",
    source: "https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html",
    keywords: ["jira", "confluence", "atlassian"],
    pattern: new RegExp(
      near(`${caseless("jira")}|${caseless("confluence")}|${caseless("atlassian")}`, "[A-Za-z0-9+/]{44}", 80, String.raw`\w+/-`, BASE64_EDGE),
    ),
    entropy: 3.5,
    confidence: "high",
    validate: isDataCenterPat,
    get samples() {
      const pat = (seed: string) => dataCenterPat(seed);
      return {
        truePositives: [
          `JIRA_PAT=${pat("jira-dc-1")}`,
          `confluence:\n  url: https://wiki.carbon.internal\n  token: "${pat("confluence-dc")}"`,
          `JIRA_URL=https://jira.carbon.internal\ncurl -H "Authorization: Bearer ${pat("jira-dc-2")}" "$JIRA_URL/rest/api/2/myself"`,
        ],
        falsePositives: [
          { text: `JIRA_PAT=${base64(fake("", 33, BASE62, "jira-dc-random"))}`, why: "44 base64 characters that do not decode to an id and a colon" },
          { text: `confluence_digest: ${Buffer.concat([Buffer.from("123456789012"), Buffer.from(fake("", 42, HEX, "confluence-digits"), "hex")]).toString("base64")}`, why: "decodes to digits but no colon after them" },
          { text: `TOKEN=${dataCenterPat("no-product")}`, why: "no Jira, Confluence or Atlassian keyword nearby" },
          { text: `JIRA_PAT=\${JIRA_PAT}`, why: "a reference" },
        ],
      };
    },
  },
  {
    id: "bitbucket-app-password",
    description: "Bitbucket app password",
    source: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
    keywords: ["atbb"],
    pattern: new RegExp(token(String.raw`ATBB[A-Za-z0-9_=.-]{32}`, String.raw`\w.-`, String.raw`\w=.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`BITBUCKET_APP_PASSWORD=${fake("AT" + "BB", 32, BASE62, "bitbucket")}`],
        falsePositives: [{ text: `ATBB_MODE=enabled`, why: "an identifier with the prefix" }],
      };
    },
  },
  {
    id: "npm-access-token",
    description: "npm access token",
    source: "https://docs.npmjs.com/about-access-tokens",
    keywords: ["npm_"],
    pattern: new RegExp(token(String.raw`npm_[A-Za-z0-9]{36}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`//registry.npmjs.org/:_authToken=${fake("npm" + "_", 36, BASE62, "npm-1")}`, `NPM_TOKEN=${fake("npm" + "_", 36, BASE62, "npm-2")}`],
        falsePositives: [
          { text: `run: npm_config_cache=/tmp/npm_cache_directory_for_builds_x npm ci`, why: "an npm_config variable, not a token" },
          { text: `NPM_TOKEN=npm_${"x".repeat(36)}`, why: "a placeholder of xs" },
        ],
      };
    },
  },
  {
    id: "npmrc-auth-token",
    description: "Registry credential in an .npmrc (_authToken, _auth, _password)",
    source: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    keywords: ["_auth", "_password"],
    // //registry.example.com/:_authToken=…  or a top-level _auth=… line.
    pattern: new RegExp(String.raw`(?:^|(?<=:))_(?:authToken|auth|password)\s{0,3}=\s{0,3}["']?(?<secret>[A-Za-z0-9._~+/=-]{12,1024})(?![A-Za-z0-9._~+/=-])`, "m"),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `//artifactory.carbon.internal/api/npm/npm/:_authToken=${fake("", 64, BASE64URL, "npmrc-1")}`,
          `_auth=${base64(`ci-bot:${fake("", 20, BASE62, "npmrc-2")}`)}`,
        ],
        falsePositives: [
          { text: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", why: "a reference to the environment" },
          { text: `self._auth = HTTPBasicAuthentication(user, pw)`, why: "Python code, not an .npmrc line" },
        ],
      };
    },
  },
  {
    id: "pypi-upload-token",
    description: "PyPI or TestPyPI API token",
    source: "https://pypi.org/help/#apitoken",
    keywords: ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"],
    // A macaroon whose location is pypi.org (AgEIcHlwaS5vcmc) or test.pypi.org (AgENdGVzdC5weXBpLm9yZw).
    pattern: new RegExp(token(String.raw`pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[\w-]{50,1024}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `password = ${fake("pypi-" + "AgEIcHlwaS5vcmc", 160, BASE64URL, "pypi-1")}`,
          `TWINE_PASSWORD=${fake("pypi-" + "AgENdGVzdC5weXBpLm9yZw", 120, BASE64URL, "pypi-2")}`,
        ],
        falsePositives: [{ text: `password = pypi-AgEIcHlwaS5vcmc...`, why: "a truncated example" }],
      };
    },
  },
  {
    id: "docker-hub-pat",
    description: "Docker Hub personal or organization access token",
    source: "https://docs.docker.com/security/for-developers/access-tokens/",
    keywords: ["dckr_pat_", "dckr_oat_"],
    pattern: new RegExp(token(String.raw`dckr_(?:pat|oat)_[\w-]{27,40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`echo ${fake("dckr" + "_pat_", 27, BASE64URL, "dckr-1")} | docker login -u carbon --password-stdin`],
        falsePositives: [{ text: `DOCKERHUB_TOKEN=dckr_pat_<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "docker-config-auth",
    description: "Registry credentials in a Docker config.json / .dockerconfigjson (\"auth\": base64 of user:password)",
    source: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
    keywords: ['"auth"'],
    pattern: new RegExp(String.raw`"auth"\s{0,3}:\s{0,3}"(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})"`),
    confidence: "high",
    validate: (secret) => {
      const credentials = decodeUserPassword(secret);
      return credentials !== undefined && !isPlaceholderValue(credentials.password);
    },
    get samples() {
      return {
        truePositives: [`{"auths": {"ghcr.io": {"auth": "${base64(`carbon-ci:${fake("", 24, BASE62, "docker-auth")}`)}"}}}`],
        falsePositives: [
          { text: `{"auths": {"ghcr.io": {"auth": "${base64("carbon-ci:${REGISTRY_PASSWORD}")}"}}}`, why: "the encoded password is a reference" },
          { text: `{"auth": "${base64("no colon here")}"}`, why: "does not decode to user:password" },
        ],
      };
    },
  },
  {
    id: "rubygems-api-key",
    description: "RubyGems API key",
    source: "https://guides.rubygems.org/api-key-scopes/",
    keywords: ["rubygems_"],
    pattern: new RegExp(token(String.raw`rubygems_[a-f0-9]{48}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`:rubygems_api_key: ${fake("rubygems" + "_", 48, HEX, "rubygems")}`],
        falsePositives: [{ text: `:rubygems_api_key: rubygems_api_key_value`, why: "a key name, not a key" }],
      };
    },
  },
  {
    id: "nuget-api-key",
    description: "NuGet.org API key",
    source: "https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys",
    keywords: ["oy2"],
    pattern: new RegExp(bareToken(String.raw`oy2[a-z0-9]{43}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`dotnet nuget push pkg.nupkg --api-key ${fake("oy" + "2", 43, LOWER_ALNUM, "nuget")} --source https://api.nuget.org/v3/index.json`],
        falsePositives: [{ text: `id: oy2short`, why: "too short for a NuGet key" }],
      };
    },
  },
  {
    id: "jfrog-api-key",
    description: "JFrog Artifactory API key",
    source: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    keywords: ["akcp"],
    pattern: new RegExp(bareToken(String.raw`AKCp[A-Za-z0-9]{69}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`ARTIFACTORY_API_KEY=${fake("AK" + "Cp", 69, BASE62, "jfrog")}`],
        falsePositives: [{ text: `ARTIFACTORY_API_KEY=AKCp${"x".repeat(69)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "jfrog-reference-token",
    description: "JFrog Platform reference token",
    source: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    keywords: ["cmvmdgtuojaxoj"],
    // base64 of "reftkn:01:".
    pattern: new RegExp(bareToken(String.raw`cmVmdGtuOjAxOj[A-Za-z0-9]{40,60}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`JFROG_ACCESS_TOKEN=${fake("cmVmdGtu" + "OjAxOj", 50, BASE62, "jfrog-ref")}`],
        falsePositives: [{ text: `token: cmVmdGtuOjAxOj`, why: "the prefix alone" }],
      };
    },
  },
  {
    id: "sonarqube-token",
    description: "SonarQube / SonarCloud user, project or global analysis token",
    source: "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
    keywords: ["squ_", "sqp_", "sqa_"],
    pattern: new RegExp(token(String.raw`sq[upa]_[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SONAR_TOKEN=${fake("sq" + "p_", 40, HEX, "sonar-1")}`, `sonar.token=${fake("sq" + "u_", 40, HEX, "sonar-2")}`],
        falsePositives: [{ text: `SONAR_TOKEN=squ_${"0".repeat(40)}`, why: "a placeholder of zeros" }],
      };
    },
  },
  {
    id: "snyk-api-token",
    description: "Snyk API token",
    source: "https://docs.snyk.io/snyk-api/authentication-for-api",
    keywords: ["snyk"],
    pattern: new RegExp(assigned(`${caseless("snyk")}[\\w.-]{0,20}?(?:${caseless("token")}|${caseless("key")})`, UUID)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SNYK_TOKEN=${fakeUuid("snyk")}`],
        falsePositives: [{ text: `snyk_org_id: ${fakeUuid("snyk-org")}`, why: "an organisation ID, not a token" }],
      };
    },
  },
  {
    id: "circleci-token",
    description: "CircleCI personal or project API token",
    source: "https://circleci.com/docs/managing-api-tokens/",
    keywords: ["ccipat_", "cciprj_"],
    pattern: new RegExp(token(String.raw`CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CIRCLE_TOKEN=${fake("CCI" + "PAT_", 22, BASE62, "circle-1")}_${fake("", 40, HEX, "circle-2")}`],
        falsePositives: [{ text: `CIRCLE_TOKEN=CCIPAT_<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "buildkite-api-token",
    description: "Buildkite API access token",
    source: "https://buildkite.com/docs/apis/managing-api-tokens",
    keywords: ["bkua_"],
    pattern: new RegExp(token(String.raw`bkua_[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`BUILDKITE_API_TOKEN=${fake("bk" + "ua_", 40, HEX, "buildkite")}`],
        falsePositives: [{ text: `BUILDKITE_API_TOKEN=bkua_${"x".repeat(40)}`, why: "a placeholder of xs" }],
      };
    },
  },
];

/** `<id>:<random bytes>` in base64, as a Data Center personal access token decodes. */
function isDataCenterPat(secret: string): boolean {
  const bytes = Buffer.from(secret, "base64");
  const colon = bytes.indexOf(0x3a);
  return colon >= 1 && colon <= 20 && /^\d+$/.test(bytes.subarray(0, colon).toString("latin1")) && bytes.length - colon - 1 >= 16;
}

/** A fake Data Center token: a 12-digit id, a colon and 20 pseudo-random bytes, in base64 (44 characters). */
function dataCenterPat(seed: string): string {
  return Buffer.concat([Buffer.from(`${fake("1", 11, DIGITS, `${seed}-id`)}:`), Buffer.from(fake("", 40, HEX, `${seed}-key`), "hex")]).toString("base64");
}
