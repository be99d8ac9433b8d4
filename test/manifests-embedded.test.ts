import { describe, expect, it } from "vitest";
import { classify } from "../src/core/file-kinds.js";
import { createSourceFile } from "../src/core/source-file.js";
import type { SourceFile } from "../src/core/types.js";
import { appliedHeredocs, embeddedYaml, isShellExpanded } from "../src/analysis/manifests/embedded.js";
import { containersIn, envEntries, kubeObjects } from "../src/analysis/manifests/kubernetes.js";
import { hasUrlPassword, judgeLiteral } from "../src/analysis/manifests/literals.js";
import { rangeOf, scalarOf } from "../src/analysis/manifests/yaml-nodes.js";

function source(path: string, text: string): SourceFile {
  return createSourceFile({ path, kind: classify(path), text, size: text.length, tracked: true });
}

const MANIFEST = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info\n";

describe("manifests in shell heredocs", () => {
  it.each([
    ["kubectl apply -f - <<EOF"],
    ["cat <<EOF | kubectl apply -f -"],
    ["cat <<'EOF' | kubectl -n jobs create -f-"],
    ['kubectl create -f - <<"EOF"'],
    ["oc apply -f - <<EOF"],
    ["envsubst <<EOF | kubectl apply --filename=-"],
    ["kubectl replace -f /dev/stdin <<-EOF"],
    ['${KUBECTL} apply -f - <<EOF'],
    ["cat <<EOF | \\\n  kubectl apply -f -"],
    ["cat > /tmp/app.yaml <<EOF"],
  ])("reads the heredoc of `%s` as a manifest", (opener) => {
    const script = `#!/bin/sh\n${opener}\n${MANIFEST}EOF\nkubectl apply -f /tmp/app.yaml\n`;
    const file = source("deploy.sh", script);
    expect(appliedHeredocs(file)).toHaveLength(1);
    expect(kubeObjects(file).map((o) => o.kind)).toEqual(["ConfigMap"]);
  });

  it.each([
    ["cat > /tmp/app.yaml <<EOF", "echo done"],
    ["cat <<EOF > deployment.example.yaml", "kubectl get pods"],
    ["psql <<EOF", "kubectl apply -f other.yaml"],
    ["kubectl create configmap app --from-file=app.conf <<EOF", ""],
    ["kubectl apply -f manifest.yaml <<EOF", ""],
  ])("leaves the heredoc of `%s` alone when kubectl does not read it", (opener, after) => {
    const file = source("deploy.sh", `#!/bin/sh\n${opener}\n${MANIFEST}EOF\n${after}\n`);
    expect(appliedHeredocs(file)).toEqual([]);
    expect(kubeObjects(file)).toEqual([]);
  });

  it("gives nodes offsets in the script, so lines and columns are the script's", () => {
    const script = [
      "#!/bin/bash",
      "set -e",
      "cat <<EOF | kubectl apply -f -",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: minio",
      "spec:",
      "  template:",
      "    spec:",
      "      containers:",
      "      - name: minio",
      "        env:",
      "        - name: MINIO_SECRET_KEY",
      '          value: "not-a-real-value"',
      "EOF",
      "",
    ].join("\n");
    const file = source("infrastructure/install.sh", script);
    const [object] = kubeObjects(file);
    expect(object?.name).toBe("minio");
    expect(file.positionAt(object!.kindOffset)).toEqual({ line: 5, column: 1 });
    const [container] = containersIn(object!.doc, object!.map);
    const [entry] = envEntries(object!.doc, container!.map);
    const value = scalarOf(object!.doc, entry!.valuePair!.value)!;
    expect(file.positionAt(rangeOf(value).start)).toEqual({ line: 15, column: 18 });
    expect(script.slice(rangeOf(value).start, rangeOf(value).end)).toBe('"not-a-real-value"');
  });

  it("reads several documents, several heredocs, and `<<-` bodies indented with tabs", () => {
    const script = `kubectl apply -f - <<EOF\n${MANIFEST}---\n${MANIFEST.replace("name: app", "name: two")}EOF\nif true; then\n\tkubectl apply -f - <<-EOF\n\t${MANIFEST.trimEnd().replace(/\n/g, "\n\t").replace("name: app", "name: three")}\n\tEOF\nfi\n`;
    const file = source("deploy.sh", script);
    expect(kubeObjects(file).map((o) => o.name)).toEqual(["app", "two", "three"]);
    const three = kubeObjects(file)[2]!;
    expect(file.positionAt(three.kindOffset).line).toBe(script.split("\n").findIndex((l) => l === "\tkind: ConfigMap") + 1);
  });

  it("drops heredocs fed to kubectl that are not YAML, and parses once", () => {
    const file = source("deploy.sh", "kubectl apply -f - <<EOF\n[default]\nkey: [unclosed\nEOF\n");
    expect(kubeObjects(file)).toEqual([]);
    expect(embeddedYaml(file)).toBe(embeddedYaml(file));
    expect(file.notices).toEqual([]);
  });

  it("reads a value the shell fills in as a reference", () => {
    const script = `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  a: $PASSWORD\n  b: "\${PASSWORD}"\n  c: $(vault read -field=x y)\n  d: plain\nEOF\n`;
    const file = source("deploy.sh", script);
    const [object] = kubeObjects(file);
    const data = object!.map.get("stringData") as { items: { value: unknown }[] };
    expect(data.items.map((pair) => isShellExpanded(file, pair.value))).toEqual([true, true, true, false]);
  });

  it("keeps YAML files' own parse", () => {
    const file = source("k8s/configmap.yaml", MANIFEST);
    expect(appliedHeredocs(file)).toEqual([]);
    expect(kubeObjects(file).map((o) => o.kind)).toEqual(["ConfigMap"]);
  });
});

describe("connection strings under any name", () => {
  it.each([
    ["postgresql://ingest:Tg7pW2qLx9vR4mZs@postgres:5432/market", true],
    ["redis://:Tg7pW2qLx9vR4mZs@redis:6379/0", true],
    ["postgresql://ingest@postgres:5432/market", false],
    ["redis://redis:6379/0", false],
    ["https://api.example.com/v1", false],
  ])("%s has a password: %s", (value, expected) => expect(hasUrlPassword(value)).toBe(expected));

  it.each([
    ["DATABASE_URL", "postgresql://ingest:Tg7pW2qLx9vR4mZs@postgres:5432/market", "secret"],
    ["MLFLOW_BACKEND_STORE_URI", "postgresql://mlflow:Tg7pW2qLx9vR4mZs@postgres:5432/mlflow", "secret"],
    ["DATABASE_URL", "postgresql://ingest:$(DB_PASSWORD)@postgres:5432/market", null],
    ["DATABASE_URL", "postgresql://ingest:${DB_PASSWORD}@postgres:5432/market", null],
    ["DATABASE_URL", "postgresql://ingest@postgres:5432/market", null],
    ["TOKEN_URL", "https://auth.example.com/token", null],
  ])("%s: %s is %s", (key, value, verdict) => expect(judgeLiteral(key, value, "k8s/deployment.yaml")).toBe(verdict));
});
