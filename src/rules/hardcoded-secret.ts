import { createCustomDetector, DETECTORS, findSecrets, type Detector, type DetectorMatch } from "../detectors/index.js";
import { bindsNames } from "../core/file-kinds.js";
import { defineRule, type ReportRange, type RuleContext, type SourceFile } from "../core/types.js";
import { extractAssignments, type Assignment, type ParsedViews } from "../languages/assignments.js";
import { dotenvView, pythonView, javascriptView, yamlView } from "../languages/views.js";
import { maySecretBeBoundToLiteral } from "../analysis/candidates.js";
import { isCoreKind, kubeObjects } from "../analysis/manifests/kubernetes.js";
import { secretEntries } from "../analysis/manifests/secret-data.js";
import { scanCredentialFile } from "../analysis/credential-files.js";
import { passwordlessAccounts } from "../analysis/passwordless.js";
import { CODE_PATH, judgeAssignment, judgeContext, judgeSecretValue } from "../analysis/judge.js";
import { isDefaultCredential } from "../detectors/placeholders.js";
import { counterExampleSpans, type TextSpan } from "../languages/markdown.js";

// Words without which no secret-named binding can occur: the generic pass parses nothing else.
const GENERIC_PREFILTER = /pass|pwd|secret|token|key|auth|cred|dsn|sasl|jaas|webhook|\bpat\b|bearer|connection/i;

// A comment after the value, on its line, that says it stands in for one:
//   accessToken: a8f9c2d1e4b7 # replace with your key      API_KEY=0123abcd  // example value, not real
const PLACEHOLDER_COMMENT =
  /(?:^|\s)(?:#|\/\/|--|;|\/\*|<!--)[^\n]{0,80}?\b(?:replace (?:this|it|me|with)|change (?:this|it|me)|(?:use|put|insert|enter|add) your (?:own )?|placeholder|dummy|fake|not (?:a )?real|example (?:value|key|token|secret|password)|sample (?:value|key|token|secret|password))/i;
// The same for a counter-example in documentation: `API_KEY = "…"  # ❌ never do this`
const COUNTER_EXAMPLE_COMMENT = /(?:^|\s)(?:#|\/\/|--|;|\/\*|<!--)[^\n]{0,40}?(?:❌|🚫|⛔|\b(?:bad|wrong|insecure|never do this|don['’]t do this|do not do this|anti-?pattern)\b)/i;

// Detectors whose secret is a password a person chose: in docs it is judged as any documented
// value; a stock default (`admin`, `guest`) is a weak default, not a leak.
const PASSWORD_DETECTOR = /-url-credentials$|^curl-basic-auth$|^kafka-jaas-password$|^odbc-connection-string-password$|^jdbc-password-parameter$|^libpq-dsn-password$/;


export default defineRule({
  meta: {
    id: "hardcoded-secret",
    description: "A secret is written into a file: a provider token, a private key, credentials in a URL, or a secret-named setting with a literal value.",
    severity: "error",
    recommended: true,
    scope: "file",
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-798", "CWE-259"],
    messages: {
      detected: "{{what}} is hardcoded here. Move it to Vault or a Kubernetes Secret, read it at run time, and rotate it: it stays in the git history.",
      example: "{{what}}: this is the provider's documented example value, not a live credential. Fine in docs; never ship it as a real setting.",
      generic: "`{{key}}` is set to a literal secret. Read it from the environment or a secret store (Vault, Kubernetes Secret) instead, and rotate it.",
      compared: "`{{key}}` is checked against a literal secret: anyone who reads the code has the value it accepts. Compare with a secret read at run time (the environment, Vault), in constant time, and rotate this one.",
      weakDefault: "`{{key}}` uses a well-known default credential. The guide forbids shared and default credentials: generate one per environment and keep it in Vault.",
      keyAsValue: "`{{key}}` is set to its own name, a default anyone can guess. The guide forbids shared and default credentials: generate one per environment and keep it in Vault.",
      passwordlessOpen: "{{what}} has an empty password and accepts connections from any address: anyone who reaches the port is in. Give it a password kept in a Secret or Vault, and restrict its `networks`.",
      passwordless: "{{what}} starts the database with an account that takes no password. The guide forbids default credentials: set a password kept in a Secret or Vault.",
      weakDefaultIn: "{{what}}: the password is a well-known default credential. The guide forbids shared and default credentials: generate one per environment and keep it in Vault.",
      kubernetesData: "Secret data `{{key}}` holds a literal credential (base64 is an encoding, not encryption). {{what}}Keep it in Vault or seal it (SealedSecret, SOPS), and rotate it.",
      credentialFile: "This file stores a {{what}}. Credential files do not belong in a repository: remove it, rotate the credential, and purge it from history.",
    },
    options: {
      generic: { type: "boolean", default: true, description: "Report secret-named keys bound to literal values, not only known formats." },
      weakDefaults: { type: "boolean", default: true, description: "Report well-known default credentials (`postgres`, `admin`) as warnings." },
      examples: { type: "boolean", default: true, description: "Report providers' documented example keys, at info." },
    },
    docs: {
      why: 'The guide\'s checklist: "No secrets in source code or configuration files". A secret in a repository is readable by everyone with a clone, is copied into every fork and CI cache, and survives in the history after it is deleted. Detection covers provider formats (AWS, GCP, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, Vault…), private keys, credentials in connection strings, and secret-named settings in every file kind. Placeholders (`changeme`, `${VAR}`, `<your-key>`, `ACTUAL_KEY`), references, hashes, encrypted values and public keys are left alone. Well-known defaults (`admin`, `postgres`, a value that repeats its key: `password: password`) are warnings; a value that repeats its key is reported without a masked value, since the key discloses it. Bindings are read in every syntax a repository holds them: assignments, keyword arguments and defaults in code (Go\'s `var dbPassword string = \"…\"`, PHP\'s `$password .= \"…\"`), a comparison with a literal (`if token == \"…\"`: the code accepts that value), settings-class and schema defaults, make\'s `?=`, `:=` and `::=`, command lines (`curl -u`, `mysql -p…`, `sshpass -p`), and a token quoted in prose after a credential word (\"the token you provided (`…`)\") when it looks live: both letter cases and digits, no hex hash, no UUID, random enough. A shell profile (`.bash_profile`, `.zshrc`) is an environment in use, not a template: an illustrative value there (`dummy-pass`) is a weak password.',
      fix: "Delete the value, read it at run time (`os.environ[\"CLICKHOUSE_PASSWORD\"]`, `process.env.MISO_API_KEY`, a `secretKeyRef`), store it in Vault or a Kubernetes Secret, and rotate it: removing it from the file does not remove it from history.",
      bad: { path: "services/ingest/config.py", code: 'CLICKHOUSE_PASSWORD = "pr0d-Clickhouse-9f2c"\n' },
      good: { path: "services/ingest/config.py", code: 'import os\n\nCLICKHOUSE_PASSWORD = os.environ["CLICKHOUSE_PASSWORD"]\n' },
    },
  },
  create(context) {
    const { options } = context;
    const allowed = new Set(context.settings.allowlist.values);
    const detectors = withCustomPatterns(context);
    return {
      // Evidence for the checklist: findings of this rule turn the item to fail whatever this says.
      project(project) {
        const scanned = project.files.filter((f) => !f.skipped).length;
        if (scanned > 0) context.evidence({ checklist: "no-secrets-in-source", status: "pass", message: `${scanned} file${scanned === 1 ? "" : "s"} scanned for hardcoded secrets` });
      },
      async file(file) {
        const reported: ReportRange[] = [];
        // Once the engine keeps no more findings from this file, the rule stops looking.
        let full = false;
        const report: Reporter = (range, descriptor) => {
          if (full) return false;
          if (descriptor.secret && allowed.has(descriptor.secret)) return true;
          reported.push(range);
          full = !context.report({ ...descriptor, range });
          return !full;
        };

        // Files the role says are documentation (docs/ folders, READMEs in any format) show values, as Markdown does.
        const judged = judgeContext(file.path, file.kind);
        const where = file.role === "docs" ? { ...judged, isDocumentation: true } : judged;
        for (const match of findSecrets(file.text, detectors)) {
          if (match.isExample && !options.examples) continue;
          // In docs a password is judged as any other value there: a `curl --user` pair, or a
          // `--set` list's password pair (its value ends at the list's comma)
          if (PASSWORD_DETECTOR.test(match.detector.id) && where.isDocumentation) {
            const password = match.secret.replace(/,[A-Za-z_][\w.-]*=.*$/s, "");
            if (judgeSecretValue("password", password, where).kind !== "secret") continue;
          }
          // a URL whose password is a stock default (admin, postgres)
          if (isDefaultPassword(match)) {
            if (!options.weakDefaults) continue;
            const descriptor = { messageId: "weakDefaultIn", data: { what: match.detector.description }, secret: match.secret, severity: "warning", confidence: "medium" } as const;
            if (!report({ start: match.start, end: match.end }, descriptor)) return;
            continue;
          }
          if (!report({ start: match.start, end: match.end }, detectorReport(match))) return;
        }
        for (const found of scanCredentialFile(file.path, file.text)) {
          if (overlaps(reported, found)) continue;
          if (!report(found, { messageId: "credentialFile", data: { what: found.format }, secret: found.secret, confidence: "high", looksLive: "format" })) return;
        }
        if (!bindsNames(file.kind) || !GENERIC_PREFILTER.test(file.text)) return;
        // ClickHouse's `<password></password>` open to ::/0, MYSQL_ALLOW_EMPTY_PASSWORD=yes: no secret at all
        if (options.weakDefaults && !where.isDocumentation) {
          for (const account of passwordlessAccounts(file.text, file.kind)) {
            const descriptor = account.openToAll
              ? ({ messageId: "passwordlessOpen", data: { what: account.what }, key: `passwordless:${account.what}`, confidence: "high" } as const)
              : ({ messageId: "passwordless", data: { what: account.what }, key: `passwordless:${account.what}`, severity: "warning", confidence: "medium" } as const);
            if (!report({ start: account.start, end: account.end }, descriptor)) return;
          }
        }
        // A Secret's `data` is judged decoded there; its base64 text means nothing to the generic pass.
        const decodedData = file.kind === "yaml" ? reportKubernetesData(file, detectors, reported, report, options.weakDefaults) : [];
        if (!options.generic || full) return;
        const counterExamples = file.kind === "markdown" ? counterExampleSpans(file.text) : [];
        for (const assignment of extractAssignments(file, await parsedViews(file))) {
          if (full) return;
          const range = { start: assignment.valueStart, end: assignment.valueEnd };
          if (overlaps(reported, range) || overlaps(decodedData, range) || isSealedOrReferenced(assignment)) continue;
          if (isCodeExpression(file, assignment) || overlaps(counterExamples, range) || saysPlaceholder(file.text, assignment, where.isDocumentation)) continue;
          const verdict = judgeAssignment(assignment.key, assignment.value, where, { templated: assignment.templated ?? false });
          if (verdict.kind === "secret") {
            // A random-looking value under a secret's name looks live too (length, entropy, not a placeholder).
            report(range, { messageId: assignment.compared ? "compared" : "generic", data: { key: assignment.key }, secret: assignment.value, confidence: verdict.confidence, ...(verdict.confidence === "high" ? { looksLive: "value" as const } : {}) });
          } else if (verdict.kind === "weak-default" && options.weakDefaults && !isThrowawayService(file, assignment)) {
            report(range, weakDefaultReport(assignment.key, assignment.value));
          }
        }
      },
    };
  },
});

/** Reports one finding of this file; false when no more are wanted. */
type Reporter = (range: ReportRange, descriptor: Omit<Parameters<RuleContext["report"]>[0], "range">) => boolean;

/**
 * A well-known default under its key. A value that repeats its key's own name
 * (`password: password`, `superuserPassword: "superuserPassword"`) is told without a value to
 * mask: the key discloses it, and masking it masked the key's name in the message and the line.
 */
function weakDefaultReport(key: string, value: string): Omit<Parameters<RuleContext["report"]>[0], "range"> {
  if (repeatsItsKey(key, value)) return { messageId: "keyAsValue", data: { key }, key: `key-as-value:${key}`, severity: "warning", confidence: "medium" };
  return { messageId: "weakDefault", data: { key }, secret: value, severity: "warning", confidence: "medium" };
}

function repeatsItsKey(key: string, value: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/[-_\s]/g, "");
  const name = key.split(/[.[\]/"']/).filter(Boolean).at(-1) ?? key;
  return fold(value).length > 0 && fold(value) === fold(name);
}

function detectorReport(match: DetectorMatch): Omit<Parameters<RuleContext["report"]>[0], "range"> {
  const what = match.detector.description;
  if (match.isExample) return { messageId: "example", data: { what }, secret: match.secret, severity: "info", confidence: "low" };
  return {
    messageId: "detected",
    data: { what },
    secret: match.secret,
    confidence: match.detector.confidence,
    // A provider's format matched with high confidence looks live wherever it is (engine: file
    // roles), unless the value is short or a well-known default (`admin` in a URL).
    ...(looksLive(match) ? { looksLive: "format" as const } : {}),
    ...(match.detector.severity ? { severity: match.detector.severity } : {}),
  };
}

/** A connection string whose password is the image's own (airflow for the airflow user), curl's -u with the stock admin pair: a stock default. */
function isDefaultPassword(match: DetectorMatch): boolean {
  return PASSWORD_DETECTOR.test(match.detector.id) && isDefaultCredential(match.secret);
}

function looksLive(match: DetectorMatch): boolean {
  return match.detector.confidence === "high" && match.secret.length >= 16 && !isDefaultCredential(match.secret);
}

function withCustomPatterns(context: RuleContext): readonly Detector[] {
  const custom = context.settings.customPatterns;
  if (custom.length === 0) return DETECTORS;
  return [...DETECTORS, ...custom.map((p) => createCustomDetector(p))];
}

/**
 * The parses the generic pass needs, from the file's shared cache. Code is parsed only when a
 * line of it names a secret beside a string literal; otherwise the line reader reads it, and
 * finds what a parse would have: nothing.
 */
async function parsedViews(file: SourceFile): Promise<ParsedViews> {
  if ((file.kind === "python" || file.kind === "javascript") && !maySecretBeBoundToLiteral(file.text)) return {};
  switch (file.kind) {
    case "yaml":
      return { yaml: yamlView(file) };
    case "json":
      return { json: yamlView(file) };
    case "dotenv":
      return { dotenv: dotenvView(file) };
    case "python":
      return { python: await pythonView(file) };
    case "javascript":
      return { javascript: await javascriptView(file) };
    default:
      return {};
  }
}

/**
 * `qrPageToken = *o.PageToken`, `o.PageToken = pageToken` in Go, Java, Rust…: the text reader's
 * unquoted right-hand side in a program is an expression; literals there are quoted.
 */
function isCodeExpression(file: SourceFile, assignment: Assignment): boolean {
  return assignment.source === "text" && !assignment.quoted && CODE_PATH.test(file.path);
}

/**
 * A CI job's service container (GitHub Actions `jobs.<id>.services.<name>.env`, GitLab CI
 * `services:`): the database the job starts and throws away, set up with the image's stock
 * password (`POSTGRES_PASSWORD: postgres`). A weak default there guards nothing.
 */
function isThrowawayService(file: SourceFile, assignment: Assignment): boolean {
  return file.role === "ci" && assignment.keyPath.includes("services");
}

/** The comment after the value says it is a placeholder ("replace with your key"), or, in documentation, a counter-example. */
function saysPlaceholder(text: string, assignment: Assignment, isDocumentation: boolean): boolean {
  const lineEnd = text.indexOf("\n", assignment.valueEnd);
  const rest = text.slice(assignment.valueEnd, Math.min(lineEnd === -1 ? text.length : lineEnd, assignment.valueEnd + 300));
  if (!/[#/;<-]/.test(rest)) return false;
  return PLACEHOLDER_COMMENT.test(rest) || (isDocumentation && COUNTER_EXAMPLE_COMMENT.test(rest));
}

// SealedSecret `encryptedData` and SOPS files hold ciphertext under secret-named keys.
function isSealedOrReferenced(assignment: Assignment): boolean {
  return assignment.keyPath.includes("encryptedData") || assignment.keyPath[0] === "sops";
}

/** A Kubernetes Secret's `data` is base64: decode it, then judge what a program would see. Returns the spans of `data` values. */
function reportKubernetesData(
  file: SourceFile,
  detectors: readonly Detector[],
  reported: ReportRange[],
  report: Reporter,
  weakDefaults: boolean,
): ReportRange[] {
  const judged: ReportRange[] = [];
  for (const object of kubeObjects(file)) {
    if (!isCoreKind(object, "Secret")) continue;
    for (const entry of secretEntries(file.text, object)) {
      if (entry.field !== "data") continue;
      const range = { start: entry.start, end: entry.end };
      judged.push(range);
      if (entry.templated || entry.binary || !entry.decoded) continue;
      if (overlaps(reported, range)) continue;
      const format = findSecrets(entry.decoded, detectors).find((m) => !m.isExample && !isDefaultPassword(m));
      let more = true;
      if (format) {
        more = report(range, { messageId: "kubernetesData", data: { key: entry.key, what: `It decodes to ${withArticle(format.detector.description)}. ` }, secret: format.secret, confidence: "high", ...(looksLive(format) ? { looksLive: "format" as const } : {}) });
      } else {
        const verdict = judgeAssignment(entry.key, entry.decoded, { path: file.path, isDocumentation: false });
        if (verdict.kind === "secret") {
          more = report(range, { messageId: "kubernetesData", data: { key: entry.key, what: "" }, secret: entry.decoded, confidence: verdict.confidence });
        } else if (verdict.kind === "weak-default" && weakDefaults) {
          more = report(range, weakDefaultReport(entry.key, entry.decoded));
        }
      }
      if (!more) return judged;
    }
  }
  return judged;
}

function withArticle(description: string): string {
  return /^[aeiou]/i.test(description) ? `an ${description}` : `a ${description}`;
}

function overlaps(ranges: readonly (ReportRange | TextSpan)[], range: ReportRange): boolean {
  return ranges.some((r) => r.start < range.end && range.start < r.end);
}
