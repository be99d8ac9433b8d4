import { describe, expect, it } from "vitest";
import { shellLeaks } from "../src/analysis/code/shell.js";
import type { LeakOptions } from "../src/analysis/code/shared.js";

// secret-in-log's reading of shell scripts; the rule's cases are fixtures/secret-in-log/*/shell-*.
const options: LeakOptions = { exceptions: true, prints: true, loggers: new Set(), sanitizers: new Set() };

function leaked(script: string): string[] {
  return shellLeaks(script, options).map((leak) => `${leak.sink}: ${script.slice(leak.start, leak.end)}`);
}

describe("shell scripts: what reaches the terminal or the log", () => {
  it("follows a secret through the variables made from it", () => {
    const script = 'INIT=$(vault operator init -format=json)\nROOT=$(echo "$INIT" | jq -r .root_token)\necho "root: $ROOT"\n';
    expect(leaked(script)).toEqual(["echo: $ROOT"]);
  });

  it("reads a command substitution with quotes of its own as one string", () => {
    expect(leaked(`echo "hash: $(printf '%s' "$API_TOKEN" | sha256sum)"\n`)).toEqual([]);
    expect(leaked(`echo "token: $(printf '%s' "$API_TOKEN")"\n`)).toEqual(["echo: $(printf '%s' \"$API_TOKEN\")"]);
  });

  it("traces under set -x until set +x", () => {
    const script = 'set -x\ncurl -H "Authorization: Bearer $API_TOKEN" https://x\nset +x\ncurl -u "ci:$DB_PASSWORD" https://y\n';
    expect(leaked(script)).toEqual(["set -x: $API_TOKEN"]);
  });

  it("leaves output that goes to a file or another program alone, but not stderr or a log file", () => {
    expect(leaked('echo "$API_TOKEN" > token.txt\necho "$API_TOKEN" | gh auth login --with-token\n')).toEqual([]);
    expect(leaked('echo "$API_TOKEN" >&2\necho "$API_TOKEN" >> /var/log/deploy.log\n')).toEqual(["echo: $API_TOKEN", "echo: $API_TOKEN"]);
  });

  it("takes a bare `secret` for a Secret's name and a credentials path for a path", () => {
    expect(leaked('secret="$2"\necho "creating $secret"\necho "key file: $GOOGLE_APPLICATION_CREDENTIALS"\n')).toEqual([]);
  });

  it("follows a secret into a command's output only through commands that pass their input on", () => {
    const script = [
      'CODE=$(curl -s -H "token: $API_TOKEN" https://ds/projects | jq -r .data.code)',
      'echo "project $CODE"',
      'ROOT=$(echo "$INIT_JSON" | jq -r .root_token)',
      'INIT_JSON=$(vault operator init -format=json)',
      'VERSION=$(kubectl get secret app -o jsonpath=\'{.metadata.resourceVersion}\')',
      'ID=$(echo "$TUNNEL_CREDENTIALS" | grep -o \'"tunnel_id":"[^"]*"\' | cut -d\'"\' -f4)',
      'echo "$VERSION $ID"',
      'echo "ok: $(kubectl get secret app -o yaml | grep -q DB_URI && echo yes)"',
      'SECRET_NAME="${VELERO_CREDENTIALS_SECRET:-velero-credentials}"',
      'echo "creating $SECRET_NAME"',
      'TOKEN=$(echo "$TUNNEL_CREDENTIALS" | grep -o \'"auth_token":"[^"]*"\' | cut -d\'"\' -f4)',
      'echo "token: $TOKEN"',
      "",
    ].join("\n");
    expect(leaked(script)).toEqual(["echo: $TOKEN"]);
  });

  it("does not take what a function returns on stdout to its caller's $(…) for a log", () => {
    const script = [
      "fetch_secret() {",
      '  local json',
      '  json=$(kubectl get secret "$1" -o json)',
      '  printf \'%s\' "$json"',
      '  echo "fetched $json" >&2',
      "}",
      'payload=$(fetch_secret app)',
      "",
    ].join("\n");
    expect(leaked(script)).toEqual(["echo: $json"]);
  });

  it.each([
    ["open substitutions", "$(".repeat(300_000)],
    ["strings around open substitutions", 'echo "$(x '.repeat(100_000)],
    ["expansions of a secret", "echo $API_TOKEN ".repeat(60_000)],
    ["heredoc openers", "cat <<EOF\n$TOKEN\n".repeat(50_000)],
    ["captured functions", Array.from({ length: 20_000 }, (_, i) => `f${i}() {\n  echo "$API_TOKEN"\n}\nx=$(f${i})\n`).join("")],
  ])("stays linear on %s", (_, script) => {
    const started = performance.now();
    shellLeaks(script, options);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
