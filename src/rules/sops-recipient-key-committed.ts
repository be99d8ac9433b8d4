import { defineRule } from "../core/types.js";
import { factsOf } from "../core/facts.js";
import { ageIdentitiesIn, shortRecipient } from "../analysis/age-keys.js";
import { isSopsConfig, sopsCreationRules } from "../analysis/manifests/sops.js";
import { ENVIRONMENT_ALIASES } from "../analysis/manifests/vocabulary.js";
import { roleOfPath, type Role } from "../core/roles.js";

/** A committed age identity, by its recipient: the key itself never leaves the file handler. */
interface KeyFact {
  type: "age-identity";
  recipient: string;
  path: string;
  line: number;
  tracked: boolean;
}

/** One recipient of one SOPS creation rule, where it is written. */
interface RecipientFact {
  type: "sops-recipient";
  recipient: string;
  pathRegex: string | null;
  path: string;
  line: number;
  column: number;
  start: number;
  end: number;
}

/** Roles of made-up or descriptive files: a creation rule for them encrypts demonstrations, not what the platform runs. */
const NOT_RUN_ROLES: ReadonlySet<Role> = new Set<Role>(["example", "test", "fixture", "docs", "vendored"]);

export default defineRule({
  meta: {
    id: "sops-recipient-key-committed",
    description: "A SOPS creation rule encrypts for an age recipient whose private key (`AGE-SECRET-KEY-1…`) is committed in the same repository.",
    severity: "error",
    recommended: true,
    scope: "project",
    keywords: ["age-secret-key-1", "creation_rules"],
    checklist: ["encrypted-at-rest"],
    cwe: ["CWE-321", "CWE-312"],
    messages: {
      decryptable:
        "{{files}} are encrypted for {{recipient}}, whose private key is {{where}} at {{keyFile}}:{{keyLine}}{{more}}: anyone with a clone decrypts them. Encrypt for a key kept outside the repository (a KMS, Vault transit or an age key in the CI's secret store), run `sops updatekeys`, remove the committed key and rotate every secret it protected.",
    },
    docs: {
      why:
        'The guide asks that secrets be "encrypted at rest". SOPS keeps them encrypted in git, but only against people who lack the private key: when the age identity a creation rule encrypts for is itself committed (a demo key file, a `SOPS_AGE_KEY` in a CI file), every clone of the repository holds both the ciphertext and the key, and the encryption protects nothing. Each committed `AGE-SECRET-KEY-1…` is turned into its recipient (X25519, as age does) and compared with the recipients of `.sops.yaml`; the key itself is never printed. A rule for production files, or for every file, is an error; one for examples, tests or a non-production environment is a warning.',
      fix: "Generate a new age key outside the repository (`age-keygen -o ~/.config/sops/age/keys.txt`), or use a KMS or Vault transit key, and put only its public recipient in `.sops.yaml`. Re-encrypt the files (`sops updatekeys <file>`), delete the committed key and add its file name to `.gitignore`. The old key stays in the history: rotate every secret that was encrypted for it.",
      bad: {
        path: ".sops.yaml",
        code: "creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    age: age1<the recipient of keys/demo.agekey, committed beside it>\n",
      },
      good: {
        path: ".sops.yaml",
        code: "creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    # the private key lives in the CI's secret store, never in the repository\n    age: age1<a recipient whose key is kept outside git>\n",
      },
    },
  },
  create(context) {
    return {
      file(file) {
        for (const identity of ageIdentitiesIn(file.text)) {
          context.share({
            type: "age-identity",
            recipient: identity.recipient,
            path: file.path,
            line: file.positionAt(identity.start).line,
            tracked: file.tracked,
          } satisfies KeyFact);
        }
        if (!isSopsConfig(file.path)) return;
        for (const rule of sopsCreationRules(file)) {
          for (const r of rule.recipients) {
            const position = file.positionAt(r.start);
            context.share({
              type: "sops-recipient",
              recipient: r.recipient,
              pathRegex: rule.pathRegex,
              path: file.path,
              line: position.line,
              column: position.column,
              start: r.start,
              end: r.end,
            } satisfies RecipientFact);
          }
        }
      },
      project(project) {
        const keys = new Map<string, KeyFact[]>();
        for (const key of factsOf<KeyFact>(project, "age-identity")) {
          // In git, a key on disk that git does not hold is a developer's own (ignored files are not even read).
          if (project.inGit && !key.tracked) continue;
          keys.set(key.recipient, [...(keys.get(key.recipient) ?? []), key]);
        }
        if (keys.size === 0) return;
        for (const fact of factsOf<RecipientFact>(project, "sops-recipient")) {
          const committed = keys.get(fact.recipient);
          if (!committed) continue;
          const [first] = committed;
          context.report({
            messageId: "decryptable",
            data: {
              files: fact.pathRegex === null ? "All files this configuration encrypts" : `Files matching \`${fact.pathRegex}\``,
              recipient: shortRecipient(fact.recipient),
              where: project.inGit ? (project.scope === "staged" ? "staged" : "committed") : "in the repository",
              keyFile: first!.path,
              keyLine: first!.line,
              more: committed.length > 1 ? ` (and ${committed.length - 1} more place${committed.length > 2 ? "s" : ""})` : "",
            },
            path: fact.path,
            range: { start: fact.start, end: fact.end },
            loc: { line: fact.line, column: fact.column },
            severity: operational(fact.pathRegex) ? "error" : "warning",
            key: `${fact.recipient}:${fact.pathRegex ?? ""}`,
          });
        }
      },
    };
  },
});

/**
 * Whether a creation rule's files are what the platform runs: its path_regex names production,
 * or no environment at all (`secrets/.*\.yaml$`). Only a rule that names nothing but examples,
 * tests or non-production environments (`examples/sops/.*`, `overlays/dev/.*`) is not.
 */
function operational(pathRegex: string | null): boolean {
  if (pathRegex === null) return true;
  const words = pathRegex.toLowerCase().match(/[a-z][a-z-]*[a-z]|[a-z]/g) ?? [];
  let named = false;
  for (const word of words.flatMap((w) => [w, ...w.split("-")])) {
    const environment = ENVIRONMENT_ALIASES[word];
    if (environment === "production") return true;
    // a word of the regex read as a folder, by the same roles a file's path gets (examples/, testdata/, demo/)
    if (environment || NOT_RUN_ROLES.has(roleOfPath(`${word}/file`))) named = true;
  }
  return !named;
}
