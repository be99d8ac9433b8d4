// Is a value a real secret, or something standing in for one? Shared by the detector
// catalog (URL passwords, JAAS passwords, every matched secret) and by the generic
// secret-named-key code, so "placeholder" means the same thing everywhere.

/** Whole values (compared case-insensitively) that documentation and templates put where a secret goes. */
export const PLACEHOLDER_WORDS: readonly string[] = [
  "password", "passwd", "pass", "pwd", "secret", "token", "key", "apikey", "api_key", "api-key",
  "changeme", "change_me", "change-me", "changeit", "replaceme", "replace_me", "replace-me",
  "placeholder", "redacted", "removed", "hidden", "masked", "omitted", "sensitive",
  "dummy", "sample", "example", "fake", "foo", "bar", "baz", "foobar", "qux",
  "none", "null", "nil", "undefined", "empty", "unset", "todo", "tbd", "fixme", "tba",
  "xxx", "yyy", "zzz", "value", "string", "secretvalue", "your_key_here",
  "notasecret", "not_a_secret", "not-a-secret", "insecure", "required", "optional",
  "actual_key", "actual_password", "actual_secret", "actual_token", "new_key", "new_password",
];

/**
 * Words that mark a value as a stand-in when it is made only of words: `your-api-key`,
 * `YOUR_PASSWORD_HERE`, `mySecretToken`, `db_password`, `ACTUAL_KEY`.
 */
export const PLACEHOLDER_MARKERS: readonly string[] = [
  "your", "my", "enter", "insert", "replace", "put", "here", "some",
  "example", "sample", "dummy", "fake", "placeholder", "actual", "new", "xxx",
  // what a value tells the reader to do: `you-must-create-a-secret`, `generate-a-strong-password`, `please-fill-in`.
  // Not `change`: `cookie-secret-change-in-production` works as it is, deployed it is a weak default.
  "you", "must", "create", "fill", "generate", "provide", "please", "another",
];

/** Words that name a secret; a value made of words that contains one is a name, not a secret. */
export const SECRET_NAME_WORDS: readonly string[] = [
  "password", "passwd", "passphrase", "pass", "pwd", "secret", "token", "key", "apikey",
  "credential", "credentials", "auth", "pat", "pw",
  // glued forms, as values write them: `myaccesskey`, `mysecretkey`
  "accesskey", "secretkey", "privatekey", "apitoken", "authtoken",
];

/** Passwords that official images and tutorials ship with; never a secret worth reporting in a URL. */
export const DEFAULT_CREDENTIALS: readonly string[] = [
  "admin", "root", "guest", "test", "user", "postgres", "mysql", "redis", "rabbitmq",
  "clickhouse", "airflow", "minioadmin", "minio123", "kafka", "default", "local", "dev", "development",
  // The passwords every breach list starts with: in a config file they are weak defaults, in docs placeholders.
  "password", "passwd", "pass", "secret", "123456", "12345678", "qwerty", "letmein", "admin123", "password1",
];

/** References to a secret kept elsewhere: interpolation, templating, secret-manager URIs. */
const REFERENCE_SHAPES: readonly RegExp[] = [
  /\$\{/, // ${DB_PASS}, ${{ secrets.X }}
  /\{\{/, // {{ .Values.password }}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $PASS
  /^\$\{?[0-9]\}?$/, // $1, a script's argument
  /^\$\(/, // $(cat /run/secrets/pw)
  /^%\([A-Za-z_][A-Za-z0-9_]*\)[sdr]$/, // %(pw)s
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %DB_PASS%
  /^<[^<>]*>$/, // <password>
  /^<{2,}[^<>]+>{2,}$/, // <<<ADMINPW>>>
  /^<%.*%>$/, // <%= @api_key %> (ERB)
  /^\{%.*%\}$/, // {% raw %}…{% endraw %} (Jinja)
  /^__[A-Z][A-Z0-9_]*__$/, // __ADMIN_PASSWORD__, replaced at deploy time
  /^@@[^@\s]+@@$/, // @@DB_PASSWORD@@
  /^\[[^[\]]*\]$/, // [password]
  /^#\{[^}]*\}$/, // #{db.password}
  /^@[A-Za-z_][A-Za-z0-9_.]*@$/, // @db.password@ (Maven filtering)
  /^\{[A-Za-z_][A-Za-z0-9_.]*\}$/, // {password} (str.format)
  /^%[sdv]$/, // %s
  /^ENC\[/, // SOPS ciphertext
  /^(?:vault|ref\+[a-z0-9]+|secretsmanager|ssm|akv|gcpsm|op):/, // secret-manager references
  /^(?:process\.env|os\.environ|os\.getenv|env)\b/, // code reading the environment
];

/** Masked or elided values: ****, xxxx-xxxx, ..., sk_live_XXXXXXXX, abc…xyz. */
const MASK_SHAPES: readonly RegExp[] = [
  /^[*xX•#._\-]{3,}$/,
  /^[^A-Za-z0-9]{0,3}\*{3,}[^A-Za-z0-9]{0,3}$/, // ":****" as a URL's masked userinfo
  /([*xX•#])\1{4}/,
  /\.\.\.|…/,
  /^(.)\1+$/,
];

const placeholderWords = new Set(PLACEHOLDER_WORDS);
const placeholderMarkers = new Set(PLACEHOLDER_MARKERS);
const secretNameWords = new Set(SECRET_NAME_WORDS);
const defaultCredentials = new Set(DEFAULT_CREDENTIALS);

/**
 * True when `value` is not a secret but stands in for one: a reference (`${DB_PASS}`,
 * `$PASS`, `{{ .Values.x }}`, `%(pw)s`), a template (`<password>`), a placeholder word
 * (`changeme`, `password`), a name made of words (`your-api-key`, `ACTUAL_KEY`), a mask
 * (`****`, `xxxxxxxx`), an empty value or one of one or two characters, or a keyboard sequence (`123456789`).
 * AWS-style documented examples (`…EXAMPLE`) are not placeholders: they are reported as examples.
 */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = unquote(value.trim());
  // `https://a:b@host`, `redis://:pw@cache`: one or two characters stand for a secret, no secret is that short.
  if (trimmed.length < 3) return true;
  if (placeholderWords.has(trimmed.toLowerCase())) return true;
  // `CHANGEME!`, `*changeme*`, `(none)`: a placeholder word dressed in punctuation
  const bare = trimmed.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (bare.length >= 3 && bare !== trimmed && placeholderWords.has(bare.toLowerCase())) return true;
  if (REFERENCE_SHAPES.some((shape) => shape.test(trimmed)) || isReference(trimmed)) return true;
  if (MASK_SHAPES.some((shape) => shape.test(trimmed))) return true;
  if (isNameMadeOfWords(trimmed) || isSequence(trimmed)) return true;
  const plain = deleet(trimmed);
  return plain !== null && (placeholderWords.has(plain.toLowerCase()) || isNameMadeOfWords(plain));
}

// Expansions a consumer performs, in the spellings shells, compose, Helm, Jinja, ERB, Python and Ruby use.
const EXPANSIONS = new RegExp(
  [
    String.raw`\$\{[^{}]{0,256}\}\}?`, // ${DB_PASS}  ${DB_PASS:-x}  ${{ secrets.X }}
    String.raw`\$\([^()]{0,512}(?:\([^()]{0,256}\)[^()]{0,256})*\)`, // $(cat /run/secrets/pw)  $(vault kv get -field=token secret/api)
    String.raw`\$[A-Za-z_][A-Za-z0-9_]{0,127}`, // $ZK_PASSWORD
    String.raw`\{\{.{0,512}?\}\}`, // {{ .Values.password }}
    String.raw`\{%.{0,512}?%\}`, // {% if x %}
    String.raw`<%.{0,512}?%>`, // <%= @api_key %>
    String.raw`%\([A-Za-z_]\w{0,127}\)[sdr]`, // %(db_password)s
    String.raw`#\{[^{}]{0,256}\}`, // #{db.password}
    String.raw`%[A-Za-z_]\w{0,127}%`, // %DB_PASS%
  ].join("|"),
  "g",
);

/**
 * A value that says where the secret comes from instead of holding it, however it is spelled or
 * quoted: `$ZK_PASSWORD`, `"$DB_PASS"`, `\"$PW\"`, `${DB_PASS}`, `$(cat /run/secrets/pw)`,
 * `{{ .Values.x }}`, `%(var)s`, `<%= @key %>`, `$DB_USER:$DB_PASS`. Once the expansions are taken
 * out, punctuation and quotes at most are left.
 */
export function isReference(value: string): boolean {
  if (value.length > 2048 || !/[$%{#<]/.test(value)) return false;
  const left = value.replace(EXPANSIONS, "");
  if (left.length === value.length) return false;
  return left.replace(/[\s"'`\\;,:=/@.+-]/g, "").length === 0;
}

/** True for the well-known default passwords of official images (`guest`, `postgres`, `root`…), also in leetspeak (`s3cr3t`, `p@ssw0rd`). */
export function isDefaultCredential(value: string): boolean {
  const lower = value.trim().toLowerCase();
  if (defaultCredentials.has(lower)) return true;
  const plain = deleet(lower);
  return plain !== null && defaultCredentials.has(plain);
}

const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/**
 * Leetspeak read back as letters: `s3cr3t-value` → `secret-value`, `p@ssw0rd` → `password`; null
 * when the value has no such digits or symbols, or anything else besides letters and separators.
 */
export function deleet(value: string): string | null {
  if (value.length > 64 || !/[013457@$]/.test(value) || !/^[A-Za-z013457@$_.-]+$/.test(value) || !/[A-Za-z]{2}/.test(value)) return null;
  // each stand-in takes the case of the letter before it, so `NN7EXAMPLE` stays one upper-case word
  return value.replace(/[013457@$]/g, (c, at: number) => {
    const letter = LEET[c] ?? c;
    const before = value.slice(0, at).match(/[A-Za-z](?=[^A-Za-z]*$)/)?.[0] ?? value.slice(at).match(/[A-Za-z]/)?.[0] ?? "a";
    return before === before.toUpperCase() ? letter.toUpperCase() : letter;
  });
}

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'" || first === "`") && value.endsWith(first)) {
    return value.slice(1, -1).trim();
  }
  return value;
}

/** `your_API-key`, `sampleHerokuKey`: the words of a value, lower-cased (separators and case changes split them). */
function lowerWords(value: string): string[] {
  return value
    .split(/[ _.-]+|(?<=[a-z])(?=[A-Z])/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/**
 * `your-api-key`, `YOUR_PASSWORD_HERE`, `mySecretToken`, `db_password`, `ACTUAL_KEY`: only
 * letters (a trailing number allowed) in snake, kebab, dotted or camel case, with a marker
 * word or a secret-name word. Random tokens fail this: their case changes mid-word and they
 * carry digits inside.
 */
function isNameMadeOfWords(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9 _.-]*$/.test(value)) return false;
  const words = lowerWords(value);
  if (!words.every((word) => /^[a-z]+[0-9]*$/.test(word))) return false;
  const hasDigits = /[0-9]/.test(value);
  // One word: a marker glued to secret names (`mypassword`, `YOURTOKEN`, `mysecretpassword`), or
  // secret names glued together (`secretpassword`, `secretkey`); `supersecret` or `redispass` are
  // weak passwords, still secrets.
  if (words.length === 1) return !hasDigits && isGluedSecretNames(words[0] ?? "");
  const bare = words.map((word) => word.replace(/[0-9]+$/, ""));
  // Digits make a chosen password (`AdminPassword123`, `ExamplePas123`), not a name (`ADMIN_PASSWORD`),
  // unless they belong to a word and a marker says the value stands in for one (`my-json-file-base64-encoded`).
  if (hasDigits) return !/[0-9]$/.test(value) && bare.some((word) => placeholderMarkers.has(word));
  return bare.some((word) => placeholderMarkers.has(word) || secretNameWords.has(word));
}

/**
 * A secret's name used as its value, with a qualifier but no placeholder marker:
 * `irc_pass`, `db_password`, `AdminPassword`. In documentation that is a placeholder; in a
 * real config file it is a guessable password. (`your_password`, `api_key`: always placeholders.)
 */
export function isGuessableName(value: string): boolean {
  const unquoted = unquote(value.trim());
  // `randomSecret1` as written, `s3cr3t_key` read back as letters
  if (isGuessableWords(unquoted)) return true;
  const plain = deleet(unquoted);
  return plain !== null && isGuessableWords(plain);
}

function isGuessableWords(trimmed: string): boolean {
  if (trimmed.length > 64 || !/^[A-Za-z][A-Za-z0-9 _.-]*$/.test(trimmed)) return false;
  const words = lowerWords(trimmed);
  // `gateway-api-key-123`, `randomSecret1`, `github-oauth2-client-secret`: a counter or a version on the words
  if (!words.every((word) => /^(?:[a-z]+[0-9]*|[0-9]{1,4})$/.test(word))) return false;
  const bare = words.map((word) => word.replace(/[0-9]+$/, "")).filter((word) => word.length > 0);
  // `pass1234`, `secret2`: a secret's name and a counter
  if (bare.length === 1 && words.length === 1) return /[0-9]$/.test(trimmed) && secretNameWords.has(bare[0]!);
  if (bare.length < 2 || bare.some((word) => placeholderMarkers.has(word))) return false;
  return bare.some((word) => secretNameWords.has(word)) && bare.some((word) => !secretNameWords.has(word));
}

// Markers that only illustrate (`dummy-pass`, `sampleHerokuKey`), as opposed to those that tell the reader to put something there.
const ILLUSTRATION_MARKERS = new Set(["example", "sample", "dummy", "fake"]);

/**
 * A secret's name with an illustrating word and no instruction: `dummy-pass`, `sampleHerokuKey`,
 * `fake_token`. A placeholder in a template; where nothing is a template (a shell profile) a weak
 * password. `your-dummy-key`, `enter_sample_token_here` still say what to put.
 */
export function isIllustrativeName(value: string): boolean {
  const unquoted = unquote(value.trim());
  if (unquoted.length > 64 || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(unquoted)) return false;
  const words = lowerWords(unquoted).map((word) => word.replace(/[0-9]+$/, ""));
  if (!words.some((word) => ILLUSTRATION_MARKERS.has(word)) || !words.some((word) => secretNameWords.has(word))) return false;
  return !words.some((word) => placeholderMarkers.has(word) && !ILLUSTRATION_MARKERS.has(word));
}

const GLUED_NAMES = new Set(["accesskey", "secretkey", "privatekey", "apitoken", "authtoken"]);

/** `mypassword`, `yourtoken2here`, `secretpassword`, `secretkey`: one word glued from a marker and secret names, or from secret names alone. */
function isGluedSecretNames(word: string): boolean {
  const marker = PLACEHOLDER_MARKERS.find((candidate) => word.startsWith(candidate) && word.length > candidate.length);
  let rest = (marker === undefined ? word : word.slice(marker.length)).replace(/[0-9]*$/, "").replace(/here$/, "");
  // Up to two secret names: after a marker one will do (`mytoken`); without one, a glued name
  // (`secretkey`) or two names (`secretpassword`).
  let names = 0;
  let glued = false;
  while (names < 2 && rest.length > 0) {
    const name = SECRET_NAME_WORDS.filter((candidate) => rest.startsWith(candidate)).sort((a, b) => b.length - a.length)[0];
    if (name === undefined) return false;
    glued ||= GLUED_NAMES.has(name);
    rest = rest.slice(name.length);
    names += 1;
  }
  if (rest.length > 0 || names === 0) return false;
  return marker !== undefined || names === 2 || glued;
}

/** `123456789`, `abcdefgh`, `987654321`: 8 or more characters, each one code point from the last. */
function isSequence(value: string): boolean {
  if (value.length < 8) return false;
  const direction = value.charCodeAt(1) - value.charCodeAt(0);
  if (direction !== 1 && direction !== -1) return false;
  for (let i = 2; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) !== direction) return false;
  }
  return true;
}
