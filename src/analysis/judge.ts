import { shannonEntropy } from "../detectors/entropy.js";
import { isDefaultCredential, isGuessableName, isIllustrativeName, isPlaceholderValue, isReference, SECRET_NAME_WORDS } from "../detectors/placeholders.js";
import { basename, classify, isEnvTemplateName } from "../core/file-kinds.js";
import type { FileKind } from "../core/types.js";
import { decodeURIComponentSafe, hasReference } from "../languages/strings.js";
import { isSecretLikeKey, nameWords, TEST_DATA_PATH } from "../core/vocabulary.js";

export type Verdict =
  | { kind: "secret"; confidence: "high" | "medium" }
  | { kind: "weak-default" }
  | { kind: "not-secret"; why: string };

export interface JudgeContext {
  path: string;
  /** Documentation and templates (`.env.example`, `values.sample.yaml`) show values; weak defaults there are placeholders. */
  isDocumentation: boolean;
  /** Program source (Python, JS/TS, Go, Java…): a string equal to its key is a name map (`'next_page_token': 'next_page_token'`). */
  isCode?: boolean;
  /**
   * A shell profile (`~/.bash_profile`, `.zshrc`): the environment someone works in, not a
   * template. `export RDS_PASSWORD='dummy-pass'` there is the password that shell uses.
   */
  isLiveEnvironment?: boolean;
}

// The files a login or interactive shell sources: what they export is the user's live environment.
const SHELL_PROFILE = /(?:^|\/)\.(?:bash_profile|bash_login|bashrc|profile|zshrc|zprofile|zshenv|zlogin|kshrc|mkshrc)$/;

// Source files read by the text fallback whose unquoted right-hand sides are expressions.
export const CODE_PATH = /\.(?:go|java|kt|kts|scala|groovy|gradle|rs|c|h|cc|cpp|hpp|cxx|cs|fs|swift|m|mm|rb|php|pl|pm|lua|dart|ex|exs|erl|clj|r|jl|zig|nim|v|sv)$/i;

// A chart's NOTES.txt is what `helm install` prints: text for people, whatever the folder.
const CHART_NOTES = /(?:^|\/)templates\/NOTES\.txt$/;

/** Where a value sits: Markdown and templates (`.env.example`, `values.sample.yaml`, `config.template.json`, `settings.dist.ini`) document values. */
export function judgeContext(path: string, kind: FileKind = classify(path)): JudgeContext {
  const name = basename(path);
  const isTemplate = isEnvTemplateName(name) || /[.\-_](?:example|sample|template|tmpl|dist)(?:\.|$)/i.test(name);
  return {
    path,
    isDocumentation: kind === "markdown" || isTemplate || CHART_NOTES.test(path),
    isCode: kind === "python" || kind === "javascript" || CODE_PATH.test(path),
    isLiveEnvironment: SHELL_PROFILE.test(path),
  };
}

const TEST_VALUE = /test|fake|dummy|mock|example|sample|stub|fixture/i;

// Shapes of values that are never the secret itself.
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,256}:([^\s@/]{0,256})@/i;

const NOT_SECRET_SHAPES: readonly [RegExp, string][] = [
  // `true;` and `128,` as a line reader takes them from code: `is_pass_through = true;`
  [/^(?:true|false|yes|no|on|off|null|none|nil|undefined|enabled|disabled)[;,]?$/i, "a boolean or null"],
  [/^-?[0-9]+(?:\.[0-9]+)?(?:[smhdwy]|ms|kb|mb|gb)?[;,]?$/i, "a number or duration"],
  // `11.7.1`, `^7.9.0`, `>=0.34.0 <1`: a dependency's version
  [/^(?:[~^v]|[<>]=?|=)?\d+(?:\.\d+){1,3}(?:-[0-9A-Za-z.]+)?(?:\+[0-9A-Za-z.]+)?(?:\s+(?:[<>]=?\s*)?\d+(?:\.\d+)*)?$/, "a version"],
  [/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, "the name of another variable"],
  [/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)[^\s]*$/, "a file path"],
  // `dist/cli.js`, `certs/tls.key`: base64 has no dots, so a slash-separated name with an extension is a path
  [/^[\w@.-]+(?:\/[\w@.-]+)+\.[A-Za-z][A-Za-z0-9]{0,7}$/, "a file path"],
  [/^\$(?:2[abxy]?|argon2(?:id|i|d)|5|6|apr1|pbkdf2[-\w]*|scrypt)\$/, "a password hash"],
  [/^\{(?:SSHA|SHA|SSHA256|SSHA512|CRYPT|BCRYPT)\}/i, "a password hash"],
  [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a UUID"],
  [/^(?:sha(?:1|256|384|512)|md5)[-:]/i, "an integrity hash"],
  [/^data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*(?:;base64)?,/i, "a data URI (an image or file inlined)"],
  // `clickhouse://default@host:9000/db`: a user, but no password
  [/^[a-z][a-z0-9+.-]*:\/\/(?:[^\s:@/]+@)?[^\s:@/]+(?::[0-9]+)?(?:[/?#][^\s@]*)?$/i, "a URL without credentials"],
  // `github.com/minio/minio-go/v7/pkg/credentials` (a Go import), `registry.example.com/team/image`: a host and a path
  [/^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[\w.@~+-]+)+\/?$/i, "an import path or a URL without its scheme"],
  [/^(?:arn|projects|vault|secretsmanager|ssm|akv|gcpsm|op|ref\+[a-z0-9]+|k8s|kubernetes):/i, "a reference to a secret store"],
  // GCP Secret Manager resource names: projects/p/secrets/s/versions/latest
  [/^projects\/[^/\s]+\/secrets\/[^/\s]+(?:\/versions\/[^/\s]+)?$/, "a reference to a secret store"],
];

// Code reading the environment, as a line reader leaves it: `process.env.MISO_API_KEY`, `os.getenv("X")`.
const ENVIRONMENT_READ = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|Deno\.env|System\.getenv|ENV)\b/;

// Code left in a value by a text fallback: `get_password()`, `settings.db_password`, `os.environ[...]`,
// `ts_parser__scan(self, state);`
const CODE_SHAPE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\(.*\)|\[.*\])?;?$/;
const CALL_SHAPE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()]*\);?$/;
// An expression, not a value: Go's `*o.PageToken`, `&nextPageToken`, `&k8score.SecretVolumeSource{`,
// a dotted name (`searchResp.NextPageToken`, `DBConfig.PostgreSQLConfig.Password`, Helm's
// `.Values.initdbPassword`), a negation. Checked before the name-as-password tests: these hold secret words.
const EXPRESSION_SHAPE = /^(?:[*&!]+\(?|\.)?[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*(?:\(.*\)|\[.*\]|\{\}?)?\)?[;,]?$/;

function isExpression(value: string): boolean {
  if (value.length > 200 || !EXPRESSION_SHAPE.test(value)) return false;
  // a sigil, a call, an index or a composite literal makes it code; a bare word is not
  if (/^[*&!.]/.test(value) || /[([{]/.test(value)) return true;
  // a member access, when every part is a word: `a8Xk2.Qz91v` is a token with a dot
  return isMemberAccess(value);
}

/** `settings.db_password`, `searchResp.NextPageToken`: names joined by dots, each letters with digits at most at its end; `a8Xk2.Rt4vZp8` is a token. */
function isMemberAccess(value: string): boolean {
  const parts = value.replace(/[;,]$/, "").split(/\.|::|->/);
  return parts.length >= 2 && parts.every((part) => /^[A-Za-z_$]+[0-9]*$/.test(part));
}

// `FOO_API_TOKEN`, `CLIENT_SECRET`: the name of an environment variable, as a value
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * `grafana-tls`, `dokuwiki.local-tls`, `airflow-cluster1-git-keys`, `foo-secret,bar-secret`: the
 * DNS-style name of a Kubernetes object (a Secret, a ConfigMap) or a host, made of words. Random
 * keys in lower case (hex, base32) are not made of words: their parts mix digits into letters.
 */
function isObjectName(value: string, anyWords = false): boolean {
  if (value.length > 253 || !/^[a-z0-9]+(?:(?:-+|\.)[a-z0-9]+)*(?:,[a-z0-9]+(?:(?:-+|\.)[a-z0-9]+)*)*$/.test(value)) return false;
  const parts = value.split(/[-.,]+/);
  if (parts.length < 2) return false;
  // under a key that names a Secret object any lower-case words will do (`phpbb.local-tls`)
  return parts.every((part) => /^[0-9]{1,3}$/.test(part) || (/^[a-z]+[0-9]{0,3}$/.test(part) && (anyWords || /[aeiouy]/.test(part) || part.length <= 4)));
}

/**
 * `secret/data/ingest/clickhouse` (Vault KV), `prod/ingest/api-token` (an ExternalSecret's remote
 * key, AWS Secrets Manager): lower-case words between slashes. base64 mixes cases and digits.
 */
function isStorePath(value: string): boolean {
  if (value.length > 256 || !/^[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*)+$/.test(value)) return false;
  return value.split("/").every((part) => part.split(/[-_.]+/).every((word) => /^[a-z]+[0-9]{0,3}$|^[0-9]{1,4}$/.test(word)));
}

// `secret: airflow-cluster1-git-keys`, `creds: cloud-credentials`: a bare secret word names the object that holds it
const BARE_OBJECT_KEYS = new Set(["secret", "secrets", "creds", "credential", "credentials"]);

// `AGENT_TOKEN="-config-file /etc/consul/agent-token.json"`: flags and their values
const COMMAND_ARGUMENTS = /^(?:-{1,2}[A-Za-z][\w.-]*(?:[ =](?!-)\S+)?)(?:\s+-{1,2}[A-Za-z][\w.-]*(?:[ =](?!-)\S+)?)*$/;

/**
 * `tlsSecret`, `passwordSecret`, `licenseSecret`, `smtp_password_secret`, `publicKeySecret`: a key whose
 * last word is "secret" after a word saying what the Secret object holds names that object; its
 * value is the object's name. (`clientSecret`, `cookieSecret`, `jwtSecret` hold the secret itself.)
 */
const SECRET_OBJECT_QUALIFIERS = new Set([
  "tls", "ssl", "mtls", "cert", "certs", "certificate", "certificates", "ca", "existing", "custom", "license", "conf", "config",
  "configuration", "password", "passwords", "credentials", "creds", "env", "registry", "pull", "image", "docker", "dockerconfig",
  "git", "ssh", "key", "keys", "kubeconfig", "basic", "storage", "backup", "gcs", "s3", "tokens",
]);

function isSecretObjectKey(key: string): boolean {
  const words = nameWords(key);
  const last = words.at(-1);
  return (last === "secret" || last === "secrets") && words.length >= 2 && SECRET_OBJECT_QUALIFIERS.has(words.at(-2)!);
}

/** `'next_page_token': 'next_page_token'`, `privateKey: privateKey`: the value spells the key's own words. */
function isOwnName(key: string, value: string): boolean {
  if (!/^[A-Za-z][\w.-]*$/.test(value)) return false;
  const keyWords = nameWords(key);
  const valueWords = nameWords(value);
  return valueWords.length > 0 && valueWords.join(" ") === keyWords.join(" ");
}

// `longopt_pat = r'[a-zA-Z](?:[a-zA-Z0-9-]*)'`, `HEX_PAT = "[0-9A-Fa-f]{1,4}"`, `token = r'[^\W\d]\w*'`:
// a pattern (`_pat`, a lexer's token) is a regular expression, which no generator emits.
const REGEX_SHAPE = /\(\?[:=!<]|\\[dwsbDWSB]|\[\^|\[[A-Za-z0-9]-[A-Za-z0-9]|[\])][*+?]|[\])]\{\d+(?:,\d*)?\}/;

/** `ABCDEFGHIJKLMNOPQRSTUVWXYZ…`: a run of ten characters in code-point order lists a character set. */
function hasAlphabetRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) - value.charCodeAt(i - 1) === 1 ? run + 1 : 1;
    if (run >= 10) return true;
  }
  return false;
}

// Translation catalogs: every value is text for people (`password: Passwort`).
const TRANSLATION_PATH = /(?:^|\/)(?:locales?|i18n|l10n|translations?)\/|\.(?:po|pot|xliff|xlf)$/i;

// Scripts that write words without spaces between them: Han, Hiragana, Katakana, Hangul.
const EAST_ASIAN_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// A word of some language, perhaps with punctuation after it: `Neočekávaný`, `token.`, `vergessen?`
const PROSE_WORD = /^[\p{L}\p{M}'’-]+[.,:;!?…]*$/u;

function isPasswordName(key: string): boolean {
  return nameWords(key).some((w) => /^(?:password|passwd|passphrase|pwd|pass|pw|requirepass|masterauth)$|password$|passwd$/.test(w));
}

// `pass` and `pw` also name a compiler pass or a test outcome: their values must not read as identifiers.
function isStrongPasswordName(key: string): boolean {
  return nameWords(key).some((w) => /^(?:password|passwd|passphrase|requirepass|masterauth)$|password$|passwd$/.test(w));
}

/** Text for people: words separated by spaces (`Neočekávaný token`, `Passwort vergessen?`), or East Asian script. */
function isProse(value: string): boolean {
  if (EAST_ASIAN_TEXT.test(value)) return true;
  const words = value.split(/\s+/);
  return words.length >= 2 && words.every((word) => PROSE_WORD.test(word));
}

/**
 * The name written out for people, as a form label: `password: "Password"`, `confirmPassword:
 * "Confirm password"`, `apiKey: "API key"`. Capitals or spaces tell a label from `irc_pass = irc_pass`.
 */
function isLabelOfKey(key: string, value: string): boolean {
  if (value === value.toLowerCase() && !/\s/.test(value)) return false;
  const valueWords = value.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const keyWords = nameWords(key);
  return valueWords.length > 0 && valueWords.join(" ") === keyWords.slice(-valueWords.length).join(" ");
}

/** `age-secret-key-` under `AGE_SECRET_KEY_HRP`: words that follow one another in the name, then a separator. */
function isPrefixOfKeyWords(key: string, value: string): boolean {
  if (!/^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*[-_.]$/i.test(value)) return false;
  const valueWords = value.toLowerCase().split(/[-_.]/).filter(Boolean);
  return ` ${nameWords(key).join(" ")} `.includes(` ${valueWords.join(" ")} `);
}

/** `pass: "passed"`, `token: "tokens"`: a form of the name's own word, as status labels and enums use. */
function isFormOfKeyWord(key: string, value: string): boolean {
  const lower = value.toLowerCase();
  return nameWords(key).some((word) => word.length >= 3 && lower.startsWith(word) && /^(?:e?s|e?d|ing|ers?)$/.test(lower.slice(word.length)));
}

/**
 * `secretKey: password`, `secretKey: db-password`: under a name ending in "key", a lower-case
 * name of a secret is the key it is stored under (ExternalSecret, Vault), not its value.
 */
function isKeyOfStore(key: string, value: string): boolean {
  if (nameWords(key).at(-1) !== "key") return false;
  // `clientSecretKey: clientSecret`, `passwordKey: adminPassword`: the key's name in camel case
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+$/.test(value)) return nameWords(value).some((w) => SECRET_NAME_WORDS.includes(w));
  return /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/.test(value) && value.split(/[._-]/).some((w) => SECRET_NAME_WORDS.includes(w));
}

/**
 * A name from code, not a random key: camel-case words without digits, perhaps after a sigil
 * (`?NoLineTerminatorHere`, `overEvery`, `InterpolationInJSX`). Random tokens change case mid-word,
 * leave vowels out and carry digits.
 */
function isIdentifierWords(value: string): boolean {
  const body = value.replace(/^[?@#:%]/, "");
  if (!/^[A-Za-z]{4,64}$/.test(body)) return false;
  const segments = body.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  if (segments.length < 2) return false;
  return segments.every((segment) => /^[A-Z]{2,5}$/.test(segment) || (/^[A-Z]?[a-z]+$/.test(segment) && segment.length >= 2 && /[aeiouy]/i.test(segment)));
}

/** Is a literal bound to a name a hardcoded secret? The name must hold a secret and the value must be one. */
export function judgeAssignment(key: string, value: string, context: JudgeContext, options: { templated?: boolean } = {}): Verdict {
  // npm's `_auth` and Docker's `"auth"` hold base64("user:password"); Grafana's and others' `auth`
  // a key or `user:password`; elsewhere `auth` is a mode (`auth: basic`, `auth: true`).
  if (/^_?auth$/i.test(key)) {
    if (isBasicCredential(value)) return { kind: "secret", confidence: "high" };
    return isAuthCredential(value) ? judgeSecretValue(key, value, context, options) : { kind: "not-secret", why: "an auth mode, not a credential" };
  }
  if (!isSecretLikeKey(key)) return { kind: "not-secret", why: "the name does not hold a secret" };
  return judgeSecretValue(key, value, context, options);
}

/** The value half of the judgement, for places that already know the name is a secret's. */
export function judgeSecretValue(key: string, value: string, context: JudgeContext, options: { templated?: boolean } = {}): Verdict {
  const trimmed = value.trim();
  if (trimmed.length === 0) return { kind: "not-secret", why: "empty" };
  if (options.templated || hasReference(trimmed) || isReference(trimmed) || ENVIRONMENT_READ.test(trimmed)) {
    return { kind: "not-secret", why: "a reference or template" };
  }
  if (TRANSLATION_PATH.test(context.path)) return { kind: "not-secret", why: "text in a translation catalog" };
  // `clickhouse://ingest:changeme@host`: a connection string is as secret as its password.
  const url = URL_WITH_CREDENTIALS.exec(trimmed);
  if (url) return judgeSecretValue("password", decodeURIComponentSafe(url[1]!), context);
  if (TEST_DATA_PATH.test(context.path) && (TEST_VALUE.test(trimmed) || isDefaultCredential(trimmed) || isGuessableName(trimmed))) {
    return { kind: "not-secret", why: "a test value in a test file" };
  }
  if (isProse(trimmed)) return { kind: "not-secret", why: "words for people, not a credential" };
  // `sampleHerokuKey` in a template stands for a key; exported from a shell profile it is the key that shell has
  if (context.isLiveEnvironment && isIllustrativeName(trimmed)) return { kind: "weak-default" };
  if (isLabelOfKey(key, trimmed)) return { kind: "not-secret", why: "the name as a label" };
  if (isFormOfKeyWord(key, trimmed)) return { kind: "not-secret", why: "a form of the name's own word" };
  // AGE_SECRET_KEY_HRP = "age-secret-key-": in code, the constant's own words ending in a separator are a format's prefix
  if (context.isCode && isPrefixOfKeyWords(key, trimmed)) return { kind: "not-secret", why: "a prefix made of the name's own words" };
  if (isKeyOfStore(key, trimmed)) return { kind: "not-secret", why: "the name of a key in a secret store" };
  // Names and code hold secret words (`CLIENT_SECRET`, `searchResp.NextPageToken`): decided before the guessable-name test.
  if (VARIABLE_NAME.test(trimmed)) return { kind: "not-secret", why: "the name of another variable" };
  if (isExpression(trimmed)) return { kind: "not-secret", why: "code, not a literal" };
  if ((isSecretObjectKey(key) && isObjectName(trimmed, true)) || (BARE_OBJECT_KEYS.has(key.toLowerCase()) && isObjectName(trimmed))) {
    return { kind: "not-secret", why: "the name of a Kubernetes Secret" };
  }
  if (trimmed.length <= 300 && /\s/.test(trimmed) && COMMAND_ARGUMENTS.test(trimmed)) return { kind: "not-secret", why: "command-line arguments" };
  if (isStorePath(trimmed)) return { kind: "not-secret", why: "a path in a secret store" };
  // `'next_page_token': 'next_page_token'` in code is a name map; `rpcpassword=rpcpassword` in a config a guessable password
  if (isOwnName(key, trimmed)) {
    if (context.isCode) return { kind: "not-secret", why: "the key's own name, as a name map holds it" };
    return context.isDocumentation ? { kind: "not-secret", why: "the key's own name as a placeholder" } : { kind: "weak-default" };
  }
  if (isDefaultCredential(trimmed)) {
    return context.isDocumentation ? { kind: "not-secret", why: "a default in documentation" } : { kind: "weak-default" };
  }
  // `redisPassword: gitlab` in stable/gitlab-ce/values.yaml: the product's own name
  if (isNameOfItsProject(trimmed, context.path)) {
    return context.isDocumentation ? { kind: "not-secret", why: "the project's name as a placeholder in documentation" } : { kind: "weak-default" };
  }
  if (isGuessableName(trimmed)) {
    return context.isDocumentation ? { kind: "not-secret", why: "a name as a placeholder in documentation" } : { kind: "weak-default" };
  }
  if (isPlaceholderValue(trimmed)) return { kind: "not-secret", why: "a placeholder" };
  // `czNjcjN0LWZha2UtcGFzc3dvcmQ=`: a Secret's `data` shown in a Markdown fence is base64 of a placeholder
  const decoded = decodedText(trimmed);
  if (decoded !== null && isPlaceholderValue(decoded)) return { kind: "not-secret", why: "base64 of a placeholder" };
  if (decoded !== null && isDefaultCredential(decoded)) {
    return context.isDocumentation ? { kind: "not-secret", why: "base64 of a default in documentation" } : { kind: "weak-default" };
  }
  for (const [shape, why] of NOT_SECRET_SHAPES) if (shape.test(trimmed)) return { kind: "not-secret", why };
  if (!/[\s]/.test(trimmed) && CODE_SHAPE.test(trimmed) && (/[([]/.test(trimmed) || isMemberAccess(trimmed))) return { kind: "not-secret", why: "code, not a literal" };
  if (CALL_SHAPE.test(trimmed)) return { kind: "not-secret", why: "code, not a literal" };
  if (REGEX_SHAPE.test(trimmed)) return { kind: "not-secret", why: "a regular expression" };
  if (hasAlphabetRun(trimmed)) return { kind: "not-secret", why: "an alphabet or character set" };
  if (trimmed.split(/\s+/).length > 3) return { kind: "not-secret", why: "a sentence" };
  if (!isStrongPasswordName(key) && isIdentifierWords(trimmed)) return { kind: "not-secret", why: "an identifier, not a random key" };
  const entropy = shannonEntropy(trimmed);
  if (isPasswordName(key)) {
    // Passwords are short and low in entropy by nature: `s3cr3t!` is still a leak.
    if (trimmed.length < 4) return { kind: "not-secret", why: "too short to be a password" };
    // `PASSWORD=nodejs` in a changelog: docs show a word; what leaks into runbooks is generated.
    if (context.isDocumentation && /^[a-z]{4,12}$/.test(trimmed)) return { kind: "not-secret", why: "a plain word in documentation" };
    return { kind: "secret", confidence: trimmed.length >= 12 && entropy >= 3 ? "high" : "medium" };
  }
  // Tokens and keys are long and random; a short or plain word is a setting, not a key.
  if (trimmed.length < 8) return { kind: "not-secret", why: "too short for a token or key" };
  if (entropy < 2.5) return { kind: "not-secret", why: "too little entropy for a token or key" };
  if (/^[a-z]+(?:[-_][a-z]+)*$/.test(trimmed) && trimmed.length < 24) return { kind: "not-secret", why: "a plain word" };
  // `secret: airflow-cluster1-git-keys`, `creds: cloud-credentials`: a token or key is never made of words
  if (isObjectName(trimmed)) return { kind: "not-secret", why: "the name of an object or a host" };
  return { kind: "secret", confidence: trimmed.length >= 20 && entropy >= 3.5 ? "high" : "medium" };
}

/** The printable text a base64 value encodes, or null: random bytes rarely decode to printable text. */
function decodedText(value: string): string | null {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : null;
}

/** What an `auth` setting holds when it is a credential: `user:password`, or a long random key. */
function isAuthCredential(value: string): boolean {
  const trimmed = value.trim();
  if (/^[^\s:]{1,64}:[^\s:]{4,}$/.test(trimmed) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return true;
  return trimmed.length >= 20 && !/\s/.test(trimmed) && /[0-9]/.test(trimmed) && /[A-Za-z]/.test(trimmed) && shannonEntropy(trimmed) >= 3.5;
}

/** base64 of `user:password`, as Basic auth, npm `_auth` and Docker `auth` store it. */
export function isBasicCredential(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 8 || trimmed.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return false;
  const decoded = Buffer.from(trimmed, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon > 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded) && !isPlaceholderValue(decoded.slice(colon + 1));
}

/**
 * The value is the name of a folder the file sits in, or a word of it (`gitlab` in
 * `stable/gitlab-ce/`, `druid` in `incubator/druid/`): a chart's or service's default password
 * set to its own name is a guess anyone makes first.
 */
function isNameOfItsProject(value: string, path: string): boolean {
  const lower = value.replace(/^["'`]|["'`]$/g, "").toLowerCase();
  if (lower.length < 3 || lower.length > 40 || !/^[a-z][a-z0-9_-]*$/.test(lower)) return false;
  const folders = path.toLowerCase().split("/").slice(0, -1);
  return folders.some((folder) => folder === lower || folder.split(/[-_.]+/).includes(lower));
}

