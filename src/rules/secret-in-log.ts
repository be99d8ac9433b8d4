import { javascriptLeaks, javascriptModelOf } from "../analysis/code/javascript.js";
import { pythonLeaks, pythonModelOf } from "../analysis/code/python.js";
import { shellLeaks } from "../analysis/code/shell.js";
import { isCredentialUrlName, isSecretValueName, shown, type Leak, type LeakOptions } from "../analysis/code/shared.js";
import { mayHoldSecretValue } from "../analysis/candidates.js";
import { defineRule } from "../core/types.js";

// A shell script's secrets also come from commands that make them.
const SHELL_SOURCE_HINT = /pass|pwd|secret|token|key|auth|cred|dsn|bearer|url|uri|conn|vault|openssl|\/dev\/u?random|pwgen/i;

/**
 * `REDIS_URL`, `self.config.clickhouse_dsn`: a connection URL, which embeds a password in some
 * deployments and not in others, rather than a password, token or key.
 */
function isConnectionUrlOnly(source: string): boolean {
  const name = source.split(/[.[\]"'()]/).filter(Boolean).at(-1) ?? source;
  return isCredentialUrlName(name) && !isSecretValueName(name);
}

export default defineRule({
  meta: {
    id: "secret-in-log",
    description:
      "A secret, or a value built from one, reaches a logger, print/console, stdout/stderr, or an exception message (Python, TypeScript/JavaScript and shell scripts).",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["python", "javascript", "shell"],
    // `<<` for `cat <<EOF`, `set -` for `set -x`, `vault` for `vault operator init`
    keywords: ["log", "print", "raise", "throw", "console", "stdout", "stderr", "warn", "echo", "debug", "<<", "set -", "vault"],
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-532", "CWE-209"],
    messages: {
      leak: "`{{source}}`{{via}} reaches `{{sink}}`. The guide says \"Never log secrets\": log that it is set, its length, or a masked form (`mask()`, a hash), never the value.",
      urlLeak:
        "`{{source}}`{{via}} reaches `{{sink}}`: a connection URL often carries its password (`scheme://user:password@host`), and then the log holds it. Log the host and database, not the URL.",
      urlInException:
        "`{{source}}`{{via}} goes into an exception message (`{{sink}}`): a connection URL often carries its password, and error messages end up in logs and responses. Name the host, not the URL.",
      exception:
        "`{{source}}`{{via}} goes into an exception message (`{{sink}}`). The guide says never to \"include [secrets] in error messages\": messages end up in logs, tracebacks and HTTP responses. Name the setting, not its value.",
    },
    options: {
      exceptions: { type: "boolean", default: true, description: "Report secrets in exception messages (`raise X(f\"…{token}\")`, ``throw new Error(`…${token}`)``)." },
      prints: { type: "boolean", default: true, description: "Report `print()`, `console.*` and writes to stdout/stderr, not only loggers." },
      loggers: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "More receiver names that are loggers (names with the word log or logger, and objects made by getLogger/pino/createLogger, are already).",
      },
      sanitizers: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "More function names whose result is safe to log (names with mask, redact, obfuscate, hash, fingerprint… are already).",
      },
    },
    docs: {
      why:
        'The guide\'s best practices: "Never log secrets or include in error messages". Logs are shipped to aggregators, kept for months and read by far more people than the secret store; a token in a log line is a leaked token. The rule follows values within a function and its module: secret-named variables, attributes, dict keys and object properties (`api_key`, `settings.clickhouse_password`, `headers["Authorization"]`), environment reads with secret-like names (`os.getenv("CAISO_API_KEY")`, `process.env.MISO_API_KEY`), connection URLs of databases and brokers (`DATABASE_URL`, `REDIS_URL`), request headers and the whole environment, through assignments, f-strings, `%` and `.format`, template literals, concatenation, keyword arguments, object shorthand and spreads, to `logging`/structlog/loguru loggers, `print`, `sys.stdout.write`, `warnings.warn`, `console.*`, pino/winston/bunyan/debug loggers, `process.stdout.write`, and `raise`/`throw` messages. Not a leak: `len(x)`, `bool(x)`, `x is None`, `x.length`, `!!x`, hashes and fingerprints, `mask()`/`redact()`/`obfuscate()` wrappers, a few characters of a key (`key[:4]`), the names of missing variables, a key id, a URL\'s host, pydantic `SecretStr` fields, and paths a pino `redact` list removes. A logged connection URL (`REDIS_URL`, `CLICKHOUSE_DSN`) is a warning rather than an error: whether it embeds a password is decided where it is set. Shell scripts are read as they run: a variable holds a secret when its name says so or when it was made from a secret source (`vault operator init`, `openssl rand`, `kubectl get secret … | base64 -d`, a secret manager\'s CLI, a file under `/run/secrets/`), and it leaks when `echo`, `printf`, `logger`, the script\'s own log helper or an unquoted `cat <<EOF` prints it to the terminal, stderr or a log file, or when `set -x` traces a command that expands it; output sent to a file or piped into another program (`| docker login --password-stdin`) is not a log.',
      fix:
        "Log that the secret is present, its length, a short prefix or a fingerprint, never the value; raise errors that name the variable (`Missing CAISO_API_KEY`), not its content. For structured loggers, configure redaction (pino `redact`, a structlog processor) as a second line of defence. If the flagged value is not a secret, rename it or suppress the line with a reason.",
      bad: {
        path: "services/ingest/connectors/caiso.py",
        code: 'import logging\nimport os\n\nlogger = logging.getLogger(__name__)\napi_key = os.getenv("CAISO_API_KEY")\nlogger.info(f"Connecting to CAISO with key {api_key}")\n',
      },
      good: {
        path: "services/ingest/connectors/caiso.py",
        code: 'import logging\nimport os\n\nlogger = logging.getLogger(__name__)\napi_key = os.getenv("CAISO_API_KEY")\nlogger.info("Connecting to CAISO (key set: %s, %d chars)", bool(api_key), len(api_key or ""))\n',
      },
    },
  },
  create(context) {
    const options: LeakOptions = {
      exceptions: context.options.exceptions,
      prints: context.options.prints,
      loggers: new Set(context.options.loggers),
      sanitizers: new Set(context.options.sanitizers),
    };
    return {
      async file(file) {
        // After the keyword pre-filter, code is parsed only if something in it names a secret.
        if (!(file.kind === "shell" ? SHELL_SOURCE_HINT.test(file.text) : mayHoldSecretValue(file.text))) return;
        let leaks: Leak[] = [];
        if (file.kind === "shell") {
          leaks = shellLeaks(file.text, options);
        } else if (file.kind === "python") {
          const model = await pythonModelOf(file);
          if (model) leaks = pythonLeaks(model, options);
        } else {
          // A file that does not parse gets a notice from the view; this rule then stays silent on it.
          const model = await javascriptModelOf(file);
          if (model) leaks = javascriptLeaks(model, options);
        }
        for (const leak of leaks) {
          const connectionUrl = isConnectionUrlOnly(leak.source);
          context.report({
            messageId: connectionUrl ? (leak.exception ? "urlInException" : "urlLeak") : leak.exception ? "exception" : "leak",
            data: { source: shown(leak.source), via: leak.via ? ` (in \`${shown(leak.via)}\`)` : "", sink: shown(leak.sink) },
            range: { start: leak.start, end: leak.end },
            key: `${leak.sink}:${leak.source}`,
            // Whether `REDIS_URL` embeds a password is decided where it is set, not here.
            ...(connectionUrl ? { severity: "warning" as const } : {}),
          });
        }
      },
    };
  },
});
