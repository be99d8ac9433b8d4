// The problems the engine reports about suppression comments. They are not rules (nothing in a
// file is checked for them, no config turns them on); they have ids, docs pages and SARIF
// descriptors all the same, so every finding's id is described somewhere.
import type { DiagnosticMeta } from "../core/types.js";

export const INVALID_SUPPRESSION: DiagnosticMeta = {
  id: "invalid-suppression",
  description: "A suppression comment that names no rule, names an unknown rule, or gives no reason.",
  severity: "warning",
  enabledBy: "always",
  docs: {
    why: "A suppression silences a finding for everyone who reads the report afterwards, so it must say what it silences and why. One that names no rule or an unknown one hides a typo; one without a reason leaves the reviewer nothing to check. None of them silences anything: the finding it was meant for is still reported.",
    fix: "Name the rule and say why the line is safe after ` -- `: `carbon-secret-lint-disable-next-line <rule-id> -- why this is safe`.",
    bad: { path: "services/ingest/config.py", code: '# carbon-secret-lint-disable-next-line\nCLICKHOUSE_PASSWORD = "example-only"\n' },
    good: { path: "services/ingest/config.py", code: '# carbon-secret-lint-disable-next-line hardcoded-secret -- the docs\' sample value, rejected by the server\nCLICKHOUSE_PASSWORD = "example-only"\n' },
  },
};

export const UNUSED_SUPPRESSION: DiagnosticMeta = {
  id: "unused-suppression",
  description: "A suppression comment that silences nothing on its line: the finding it was written for is gone.",
  severity: "warning",
  enabledBy: "with `reportUnusedSuppressions: true` in the config",
  docs: {
    why: "A suppression that outlives its finding will silence the next real one written on that line.",
    fix: "Remove the comment.",
    bad: { path: "services/ingest/config.py", code: '# carbon-secret-lint-disable-next-line hardcoded-secret -- sample value\nCLICKHOUSE_PASSWORD = os.environ["CLICKHOUSE_PASSWORD"]\n' },
    good: { path: "services/ingest/config.py", code: 'CLICKHOUSE_PASSWORD = os.environ["CLICKHOUSE_PASSWORD"]\n' },
  },
};

export const DIAGNOSTICS: readonly DiagnosticMeta[] = [INVALID_SUPPRESSION, UNUSED_SUPPRESSION];
