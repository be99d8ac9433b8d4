import { javascriptModelOf, javascriptStartupFacts } from "../analysis/code/javascript.js";
import { pythonModelOf, pythonStartupFacts } from "../analysis/code/python.js";
import { emptyFacts, isSecretName, isSecretValueName, moduleScope, type CallFact, type CodeFacts, type EnvRead } from "../analysis/code/shared.js";
import { basename, dirname } from "../core/file-kinds.js";
import { defineRule, type ProjectIndex, type Role, type RuleContext, type ServiceSetting, type SourceFile } from "../core/types.js";
import { lineTexts } from "../languages/lines.js";
import { yamlView } from "../languages/views.js";
import { mayReadEnvironmentOrStart } from "../analysis/candidates.js";
import { factsOf } from "../core/facts.js";
import { NOT_SERVICE_CODE_PATH } from "../core/vocabulary.js";

/** A container image of the repository: its directory is a service. */
interface ContainerFact {
  type: "container";
  path: string;
  line: number;
  what: string;
}

/** A package.json with `main` or a `start` script: its directory is a service. */
interface PackageFact {
  type: "package";
  path: string;
  line: number;
  what: string;
}

// The nearest directory above an entry point with one of these is the service's root.
const SERVICE_MARKERS = new Set(["package.json", "pyproject.toml", "requirements.txt", "setup.py", "setup.cfg", "Pipfile", "Dockerfile", "Containerfile", "go.mod"]);

const SERVICE_ROLES: ReadonlySet<Role> = new Set<Role>(["deployable", "local"]);

// `Settings()` runs `Settings.__init__`; `new Server()` runs its constructor.
const CONSTRUCTORS = ["__init__", "__post_init__", "model_post_init", "constructor"];

interface Service {
  root: string;
  /** Where it starts: `services/ingest/main.py`, line 88, `uvicorn.run()`. */
  entry: { path: string; line: number; what: string } | null;
  /** Secrets the configuration says it needs, read in code or not (boto3 reads AWS_SECRET_ACCESS_KEY itself). */
  required: string[];
  files: CodeFacts[];
}

interface Verdict {
  /** Unvalidated reads, first first. */
  unvalidated: (EnvRead & { path: string })[];
  /** What validates the service, for evidence. */
  validators: string[];
  reads: number;
}

export default defineRule({
  meta: {
    id: "missing-startup-validation",
    description:
      "A service reads secrets from the environment but nothing checks them at start-up, before it serves; or it falls back to a default when one is missing.",
    severity: "error",
    recommended: true,
    scope: "project",
    kinds: ["python", "javascript", "dockerfile", "json"],
    // Files without one of these hold no read, entry point, check or start-up call; package.json and Dockerfiles say `main`/`start`/`CMD`.
    keywords: [
      "environ", "getenv", "process.env", "basesettings", "__main__", "uvicorn", "fastapi", "flask", "starlette", "listen", "createserver",
      "cleanenv", "createenv", "z.object", "joi", "raise", "throw", "exit", "valid", "check", "require", "main", "boot", "start", "setup",
      "init", "lifespan", "cmd", "entrypoint", "serve", "decouple", "environs", "settings", "config",
    ],
    checklist: ["startup-validation"],
    cwe: ["CWE-754", "CWE-1188"],
    messages: {
      unvalidated:
        "The service `{{service}}` reads {{names}} but {{hint}}. The guide says \"All services validate required secrets on startup\": check them when the service starts (a `validate_secrets()` that raises, required pydantic settings, a zod/envalid schema parsed at start-up) so a missing secret stops the deploy instead of failing the first request.",
      fallback:
        "`{{name}}` falls back to {{what}} when it is not set, so the service `{{service}}` starts without its secret and nothing notices. Remove the default and fail at start-up when it is missing.",
    },
    options: {
      environMappingValidates: {
        type: "boolean",
        default: true,
        description: "Count `os.environ[\"X\"]` read at start-up (module level or a start-up function) as validation: it raises KeyError when X is missing.",
      },
      fallbacks: { type: "boolean", default: true, description: "Report secrets that fall back to a literal default (`os.getenv(\"X\", \"dev\")`, `process.env.X ?? \"dev\"`)." },
      validators: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
          "Names of validating functions from outside the repository (a shared library): called at start-up with variable names, they validate those; called without, every secret the service reads.",
      },
    },
    docs: {
      why:
        'The guide: "All services validate required secrets on startup", with a `validate_secrets()` that raises on the missing ones. A service that starts without a secret passes its health checks and fails later, on the first request that needs it, far from the deploy that broke it; a silent fallback (`os.getenv("CLICKHOUSE_PASSWORD", "changeme")`) is worse, running on a default credential. A service is a directory with an entry point (`if __name__ == "__main__"`, FastAPI/Flask/Starlette apps, `uvicorn.run`, a Dockerfile `CMD`, a package.json `main`/`start`, `express()`/`fastify()`/`listen()`), or one named in the config\'s `services`. Its secret reads are `os.getenv`, `os.environ`, pydantic `BaseSettings` fields and `process.env`, with secret-like names or names the config lists as required (default: `KAFKA_BOOTSTRAP_SERVERS`, `CLICKHOUSE_DSN`, `REDIS_URL`). Validation counts when it runs at start-up and fails on a missing value: a check that raises or exits, reached from module level, the entry point or a start-up hook (defined but never called does not count); required pydantic settings instantiated at start-up; zod, envalid, joi or t3-env schemas parsed at start-up; `os.environ["X"]` at start-up. `process.env.X!`, a default, or a warning that carries on are not validation.',
      fix:
        "Check every required secret when the service starts and stop if one is missing: call a `validate_secrets()` that raises from the entry point, make the pydantic settings fields required and instantiate the settings at import, or parse `process.env` with a zod/envalid schema before `listen()`. Remove defaults for secrets. Configure `services: [{ path, entry, required }]` for secrets read by libraries (boto3, Kafka clients) that no code names.",
      bad: {
        path: "services/ingest/main.py",
        code: 'import os\n\nimport uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\nCLICKHOUSE_DSN = os.getenv("CLICKHOUSE_DSN")\nREDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379")\n\nif __name__ == "__main__":\n    uvicorn.run(app)\n',
      },
      good: {
        path: "services/ingest/main.py",
        code: 'import os\n\nimport uvicorn\nfrom fastapi import FastAPI\n\nREQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN", "REDIS_URL"]\n\n\ndef validate_secrets():\n    missing = [s for s in REQUIRED_SECRETS if not os.getenv(s)]\n    if missing:\n        raise ValueError(f"Missing required secrets: {missing}")\n\n\nvalidate_secrets()\napp = FastAPI()\nCLICKHOUSE_DSN = os.getenv("CLICKHOUSE_DSN")\n\nif __name__ == "__main__":\n    uvicorn.run(app)\n',
      },
    },
  },
  create(context) {
    const options = {
      environMappingValidates: context.options.environMappingValidates,
      fallbacks: context.options.fallbacks,
      validators: new Set(context.options.validators),
    };
    return {
      async file(file) {
        // Services are what ships or runs locally: a CI script, a test, test data, an example or vendored code is none.
        if (NOT_SERVICE_CODE_PATH.test(file.path) || !SERVICE_ROLES.has(file.role)) return;
        // Code that neither reads the environment nor starts a service adds nothing: it is not parsed.
        if ((file.kind === "python" || file.kind === "javascript") && !mayReadEnvironmentOrStart(file.text)) return;
        switch (file.kind) {
          case "python": {
            const model = await pythonModelOf(file);
            const facts = model ? pythonStartupFacts(model, file.path, (o) => file.positionAt(o)) : { ...emptyFacts(file.path, "python"), unparsed: true };
            // A command-line program (`migrate.py --database all`, an ops script with argparse) runs on
            // demand and takes its settings from its arguments: neither a service's entry nor its reads.
            // Its functions and checks stay, for services that import them.
            if (facts.cli) {
              facts.entries = [];
              facts.reads = [];
            }
            context.share(facts);
            break;
          }
          case "javascript": {
            const model = await javascriptModelOf(file);
            context.share(model ? javascriptStartupFacts(model, file.path, (o) => file.positionAt(o)) : { ...emptyFacts(file.path, "javascript"), unparsed: true });
            break;
          }
          case "dockerfile":
            for (const fact of containerEntries(file)) context.share(fact);
            break;
          case "json":
            if (basename(file.path) === "package.json") for (const fact of packageEntries(file)) context.share(fact);
            break;
        }
      },
      project(project) {
        const code = withoutCommandLineReads(factsOf<CodeFacts>(project, "code"));
        const services = findServices(project, context, code);
        if (services.length === 0) {
          context.evidence({
            checklist: "startup-validation",
            status: "not-applicable",
            message: "no service in the repository (no entry point: `if __name__ == \"__main__\"`, FastAPI/Flask app, `uvicorn.run`, Dockerfile CMD, package.json main/start, `listen()`)",
          });
          return;
        }
        const required = new Set(context.settings.requiredSecrets.map((n) => n.toUpperCase()));
        const passing: string[] = [];
        let judged = 0;
        let undecided = 0;
        for (const service of services) {
          // A file that does not parse could hold the validation: the service is left undecided (unknown).
          if (service.files.some((f) => f.unparsed)) {
            undecided += 1;
            continue;
          }
          const verdict = judge(service, new Set([...required, ...service.required.map((n) => n.toUpperCase())]), options);
          if (verdict.reads === 0 && verdict.validators.length === 0) continue;
          judged += 1;
          if (verdict.unvalidated.length === 0) {
            passing.push(`\`${service.root || "."}\` (${verdict.validators.slice(0, 3).join(", ") || "every secret read fails fast"})`);
            continue;
          }
          report(context, service, verdict, options.fallbacks);
        }
        if (passing.length > 0) {
          context.evidence({ checklist: "startup-validation", status: "pass", message: `services that validate their secrets at start-up: ${passing.join("; ")}` });
        } else if (judged === 0 && undecided === 0) {
          context.evidence({
            checklist: "startup-validation",
            status: "not-applicable",
            message: services.length === 1 ? "the service reads no secret from the environment" : `none of the ${services.length} services reads a secret from the environment`,
          });
        }
      },
    };
  },
});

function findServices(project: ProjectIndex, context: RuleContext, code: CodeFacts[]): Service[] {
  const configured = context.settings.services;
  let services: Service[];
  if (configured.length > 0) {
    services = configured.map((setting: ServiceSetting) => {
      const root = normalise(setting.path);
      const path = setting.entry ? (project.has(setting.entry) ? setting.entry : join(root, normalise(setting.entry))) : null;
      return { root, entry: path ? { path, line: 1, what: "configured entry" } : null, required: setting.required ?? [], files: [] };
    });
  } else {
    const roots = new Map<string, NonNullable<Service["entry"]>>();
    const markers = new Set(project.files.filter((f) => SERVICE_MARKERS.has(basename(f.path))).map((f) => dirname(f.path)));
    const add = (root: string, entry: NonNullable<Service["entry"]>) => {
      if (!roots.has(root)) roots.set(root, entry);
    };
    for (const fact of code) for (const entry of fact.entries.slice(0, 1)) add(markedRoot(dirname(fact.path), markers), { path: fact.path, ...entry });
    for (const fact of [...factsOf<ContainerFact>(project, "container"), ...factsOf<PackageFact>(project, "package")]) add(dirname(fact.path), fact);
    services = [...roots].map(([root, entry]) => ({ root, entry: { path: entry.path, line: entry.line, what: entry.what }, required: [], files: [] }));
  }
  // Each file belongs to the deepest service that holds it.
  const byDepth = [...services].sort((a, b) => b.root.length - a.root.length);
  for (const fact of code) {
    const owner = byDepth.find((s) => contains(s.root, fact.path));
    owner?.files.push(fact);
  }
  return services.sort((a, b) => a.root.localeCompare(b.root));
}

/**
 * A command-line package (`release/kfpr/`: cli.py builds a typer app, steps.py reads RTD_TOKEN
 * when a step runs) is no service either: reads in the folder of a command-line module, or below
 * it, are the program's, unless a server starts in that folder.
 */
function withoutCommandLineReads(code: CodeFacts[]): CodeFacts[] {
  // a script at the root says nothing of the folders beside it
  const cliDirs = new Set(code.filter((f) => f.cli).map((f) => dirname(f.path)).filter((d) => d !== ""));
  if (cliDirs.size === 0) return code;
  const serverDirs = new Set(code.filter((f) => !f.cli && f.entries.length > 0).map((f) => dirname(f.path)));
  const inCli = (path: string) => {
    for (let d = dirname(path); ; d = dirname(d)) {
      if (serverDirs.has(d)) return false;
      if (cliDirs.has(d)) return true;
      if (d === "") return false;
    }
  };
  return code.map((f) => (f.reads.length > 0 && inCli(f.path) ? { ...f, reads: [] } : f));
}

function markedRoot(dir: string, markers: ReadonlySet<string>): string {
  for (let d = dir; ; d = dirname(d)) {
    if (markers.has(d)) return d;
    if (d === "") return dir;
  }
}

function contains(root: string, path: string): boolean {
  return root === "" || path === root || path.startsWith(`${root}/`);
}

function normalise(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "").replace(/^\.$/, "");
}

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/**
 * Which of the service's secret reads are validated at start-up. Scopes reached at start-up are
 * every module's top level (imported when the service starts), the framework's start-up hooks,
 * and every function called from those, by name, across the service's files.
 */
function judge(service: Service, required: ReadonlySet<string>, options: { environMappingValidates: boolean; validators: ReadonlySet<string> }): Verdict {
  const functions = new Map<string, string[]>();
  const calls = new Map<string, CallFact[]>();
  const constants = new Map<string, string[]>();
  for (const file of service.files) {
    for (const f of file.functions) {
      const keys = [f.name, ...(f.owner && CONSTRUCTORS.includes(f.name) ? [f.owner] : [])];
      for (const key of keys) functions.set(key, [...(functions.get(key) ?? []), f.scope]);
    }
    for (const call of file.calls) calls.set(call.scope, [...(calls.get(call.scope) ?? []), call]);
    for (const [name, names] of Object.entries(file.constants)) constants.set(name, [...(constants.get(name) ?? []), ...names]);
  }

  const reached = new Set<string>();
  const calledAtStartup = new Set<string>();
  const queue = service.files.map((f) => moduleScope(f.path));
  for (const file of service.files) for (const hook of file.hooks) queue.push(...(functions.get(hook) ?? []));
  while (queue.length > 0) {
    const scope = queue.pop()!;
    if (reached.has(scope)) continue;
    reached.add(scope);
    for (const call of calls.get(scope) ?? []) {
      calledAtStartup.add(call.callee);
      for (const target of functions.get(call.callee) ?? []) if (!reached.has(target)) queue.push(target);
    }
  }

  // Functions that validate the variable named by a parameter: def require_env(name): … raise
  const parametric = new Map<string, number[]>();
  const functionOfScope = new Map<string, string>();
  for (const file of service.files) for (const f of file.functions) functionOfScope.set(f.scope, f.name);
  for (const file of service.files) {
    for (const check of file.checks) {
      const name = functionOfScope.get(check.scope);
      if (name && check.parameters.length > 0) parametric.set(name, [...(parametric.get(name) ?? []), ...check.parameters]);
    }
  }

  // Which names are validated, and by what (for messages and evidence).
  const coverage = new Map<string, Set<string>>();
  const validators = new Set<string>();
  let all = false;
  const cover = (name: string, by: string) => {
    const key = name.toUpperCase();
    coverage.set(key, (coverage.get(key) ?? new Set()).add(by));
  };
  for (const file of service.files) {
    for (const check of file.checks) {
      if (!reached.has(check.scope)) continue;
      const names = [...check.names, ...check.refs.flatMap((r) => constants.get(r) ?? [])];
      for (const name of names) cover(name, `${check.what} in ${file.path}`);
    }
  }
  for (const [scope, list] of calls) {
    if (!reached.has(scope)) continue;
    for (const call of list) {
      const indexes = parametric.get(call.callee);
      if (indexes) for (const i of indexes) if (call.args[i]) cover(call.args[i]!, `${call.callee}()`);
      if (options.validators.has(call.callee)) {
        const literal = call.args.filter((a): a is string => a !== null);
        for (const name of literal) cover(name, `${call.callee}()`);
        if (literal.length === 0) {
          all = true;
          validators.add(`${call.callee}()`);
        }
      }
    }
  }

  const isSecret = (name: string) => isSecretName(name) || required.has(name.toUpperCase());
  const reads: (EnvRead & { path: string; aliases?: string[] })[] = [];
  for (const file of service.files) {
    for (const read of file.reads) if (isSecret(read.name)) reads.push({ ...read, path: file.path });
    // require_env("CAISO_API_KEY") reads the variable too, validated where the call runs
    for (const call of file.calls) {
      const indexes = parametric.get(call.callee) ?? [];
      for (const i of indexes) {
        const name = call.args[i];
        if (name && isSecret(name)) reads.push({ name, line: call.line, column: call.column, via: `${call.callee}()`, scope: call.scope, fallback: false, failFast: true, path: file.path });
      }
    }
  }
  for (const read of reads) {
    const failFast = read.failFast && (options.environMappingValidates || !read.via.endsWith("[]"));
    if (failFast && reached.has(read.scope) && (!read.needs || calledAtStartup.has(read.needs))) {
      cover(read.name, read.needs ? `${read.via} instantiated at start-up` : `${read.via} in ${read.path}`);
    }
  }
  // Names the configuration requires of this service are read even where no code names them (boto3, Kafka clients).
  const at = service.entry ?? { path: service.files[0]?.path ?? (service.root || "."), line: 1 };
  for (const name of service.required) {
    if (!reads.some((r) => r.name.toUpperCase() === name.toUpperCase())) {
      reads.push({ name, line: at.line, column: 1, via: "configuration", scope: "", fallback: false, failFast: false, path: at.path });
    }
  }
  const coveredBy = (read: EnvRead) => coverage.get(read.name.toUpperCase()) ?? (read.field ? coverage.get(read.field.toUpperCase()) : undefined);
  // Only what validates a secret this service reads counts as its validation.
  for (const read of reads) for (const by of coveredBy(read) ?? []) validators.add(by);
  const unvalidated = all ? [] : reads.filter((r) => !coveredBy(r));
  unvalidated.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return { unvalidated, validators: [...validators], reads: reads.length };
}

function report(context: RuleContext, service: Service, verdict: Verdict, fallbacks: boolean): void {
  const serviceName = service.root || ".";
  const fallbackNames = new Set<string>();
  if (fallbacks) {
    for (const read of verdict.unvalidated) {
      if (!read.fallback || fallbackNames.has(read.name)) continue;
      fallbackNames.add(read.name);
      const credential = isSecretValueName(read.name);
      context.report({
        messageId: "fallback",
        data: { name: read.name, service: serviceName, what: credential ? "a default credential" : "a default value" },
        path: read.path,
        loc: { line: read.line, column: read.column },
        key: `fallback:${service.root}:${read.name}`,
        // A required setting that is no credential (`KAFKA_BOOTSTRAP_SERVERS` defaulting to `kafka:9092`) runs on a wrong address, not a default password.
        ...(credential ? {} : { severity: "warning" as const }),
      });
    }
  }
  const rest = verdict.unvalidated.filter((r) => !fallbackNames.has(r.name));
  const first = rest[0];
  if (!first) return;
  const names = [...new Set(rest.map((r) => r.name))];
  const shownNames = names.slice(0, 8).map((n) => `\`${n}\``);
  if (names.length > 8) shownNames.push(`${names.length - 8} more`);
  const list = shownNames.length === 1 ? shownNames[0]! : `${shownNames.slice(0, -1).join(", ")} and ${shownNames.at(-1)}`;
  const hint =
    verdict.validators.length > 0
      ? `its start-up checks (${verdict.validators.slice(0, 2).join(", ")}) do not cover ${names.length === 1 ? "it" : "them"}`
      : `nothing checks ${names.length === 1 ? "it" : "them"} before it serves${service.entry ? ` (entry: ${service.entry.path}:${service.entry.line}, ${service.entry.what})` : ""}`;
  context.report({
    messageId: "unvalidated",
    data: { service: serviceName, names: list, hint },
    path: first.path,
    loc: { line: first.line, column: first.column },
    key: `service:${service.root}`,
  });
}

// CMD ["uvicorn", "app.main:app"]   ENTRYPOINT ["node", "dist/server.js"]
function containerEntries(file: SourceFile): ContainerFact[] {
  const facts: ContainerFact[] = [];
  lineTexts(file.text).forEach((text, i) => {
    const match = /^\s*(CMD|ENTRYPOINT)\s/i.exec(text);
    if (match) facts.push({ type: "container", path: file.path, line: i + 1, what: `Dockerfile ${match[1]!.toUpperCase()}` });
  });
  return facts.slice(-1);
}

// { "main": "dist/server.js", "scripts": { "start": "node dist/server.js" } }
function packageEntries(file: SourceFile): PackageFact[] {
  const document = yamlView(file).documents[0];
  const json = document?.toJS() as { main?: unknown; scripts?: { start?: unknown } } | null | undefined;
  if (!json || typeof json !== "object") return [];
  const what = typeof json.scripts?.start === "string" ? "start" : typeof json.main === "string" ? "main" : null;
  if (!what) return [];
  const offset = file.text.indexOf(`"${what}"`);
  return [{ type: "package", path: file.path, line: offset >= 0 ? file.positionAt(offset).line : 1, what: `package.json ${what}` }];
}
