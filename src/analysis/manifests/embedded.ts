// Kubernetes manifests held inside shell scripts: the heredocs a script hands to kubectl
//   kubectl apply -f - <<EOF        cat <<EOF | kubectl apply -f -        oc create -f - <<'EOF'
//   cat > /tmp/minio.yaml <<EOF … EOF   and later   kubectl apply -f /tmp/minio.yaml
// Each such body is parsed once per file as YAML, and every node's range is moved to its offset in
// the script, so the manifest readers (kubernetes.ts) and the rules report lines in the script.
// A heredoc that no kubectl reads (a SQL script, a config file, a manifest written and left) is not parsed.

import { isAlias, isNode, visit, type Document } from "yaml";
import type { SourceFile } from "../../core/types.js";
import { tokenizeShell } from "../../languages/shell.js";
import { parseYaml, type ParsedYaml } from "../../languages/yaml.js";
import { parsedYaml, rangeOf } from "./yaml-nodes.js";

export interface AppliedHeredoc {
  /** The body's offsets in the script (from the line after `<<EOF` to the closing delimiter's line). */
  start: number;
  end: number;
}

// <<EOF  <<-EOF  <<'EOF'  <<"EOF"  <<\EOF   (not <<< here-strings)
const HEREDOC_OPERATOR = /(?<!<)<<(?!<)(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_.-]+))/g;
// kubectl apply -f -   oc create -f-   kubectl -n x replace --filename=/dev/stdin   ${KUBECTL} apply -f -
const KUBECTL = String.raw`(?:^|[\s|;&(\x60])(?:[\w./-]*/)?(?:kubectl|oc|microk8s\.?kubectl|\$\{?KUBECTL\}?|\$\{?OC\}?)(?=\s)[^|;&\n]*?\s(?:apply|create|replace)\b[^|;&\n]*?\s(?:-f|--filename)(?:=|[ \t]+)?`;
const APPLIES_STDIN = new RegExp(KUBECTL + String.raw`(?:-|/dev/stdin)(?=$|[\s;&|)])`);
// cat > /tmp/minio.yaml <<EOF   cat <<EOF > "$DIR/secret.yaml"   cat <<EOF | tee manifest.yaml
const WRITTEN_TO = /(?:^|[\s|;&(])(?:cat\b[^|;&\n]*?>|tee(?:[ \t]+-a)?)[ \t]*("?)([^\s"'|;&<>]+)\1/;
// A shell expansion in a value: $VAR  ${VAR}  $(cmd)  `cmd`
const SHELL_EXPANSION = /\$[A-Za-z_{(]|`/;

/** The heredocs of a shell script that kubectl reads as manifests, in order; computed once per file. */
export function appliedHeredocs(file: SourceFile): readonly AppliedHeredoc[] {
  return file.cached("manifests:applied-heredocs", () => {
    if (file.kind !== "shell" || !file.text.includes("<<") || !/\b(?:kubectl|oc|KUBECTL|OC)\b/.test(file.text)) return [];
    const found: AppliedHeredoc[] = [];
    const bodies = tokenizeShell(file.text).heredocs;
    let opener: { text: string; operators: RegExpExecArray[] } | null = null;
    let nth = 0;
    for (let i = 0; i < bodies.length; i += 1) {
      const body = bodies[i]!;
      const previous = bodies[i - 1];
      // cat <<A <<B: the second body starts on the line after the first one's delimiter
      const sameOpener = previous !== undefined && opener !== null && !file.text.slice(previous.end, body.start).slice(0, -1).includes("\n");
      if (sameOpener) {
        nth += 1;
      } else {
        const text = openerText(file.text, body.start);
        opener = { text, operators: [...text.matchAll(HEREDOC_OPERATOR)] };
        nth = 0;
      }
      const operator = opener!.operators[nth];
      if (!operator || body.end <= body.start) continue;
      if (!applied(file.text, opener!.text, operator)) continue;
      found.push({ start: body.start, end: body.end });
    }
    return found;
  });
}

/** The command line a heredoc body follows: its logical line (backslash continuations joined), without the newline. */
function openerText(text: string, bodyStart: number): string {
  const end = Math.max(0, bodyStart - 1);
  let start = text.lastIndexOf("\n", end - 1);
  while (start > 0 && text.charAt(start - 1) === "\\") start = text.lastIndexOf("\n", start - 2);
  return text.slice(start + 1, end).replace(/\\\r?\n/g, "  ");
}

function applied(script: string, opener: string, operator: RegExpExecArray): boolean {
  // the command that holds the `<<`: up to the next `;` `&&` `||` (a pipe continues it)
  const command = opener.slice(lastSeparator(opener, operator.index)).split(/;|&&|\|\|/)[0] ?? "";
  if (APPLIES_STDIN.test(command.replace(operator[0], " "))) return true;
  const written = WRITTEN_TO.exec(command.replace(operator[0], " "));
  const path = written?.[2];
  if (!path) return false;
  // kubectl apply -f /tmp/minio.yaml    envsubst < /tmp/minio.yaml | kubectl apply -f -
  const quoted = escapeRegExp(path);
  const byName = new RegExp(KUBECTL + `"?${quoted}"?(?=$|[\\s;&|)])`, "m");
  const byInput = new RegExp(String.raw`<[ \t]*"?${quoted}"?(?=$|[\s;&|)])`);
  return script.replace(/\\\r?\n/g, "  ").split("\n").some((line) => byName.test(line) || (byInput.test(line) && APPLIES_STDIN.test(line)));
}

function lastSeparator(text: string, before: number): number {
  const head = text.slice(0, before);
  return Math.max(head.lastIndexOf(";"), head.lastIndexOf("&&"), head.lastIndexOf("||")) + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The YAML of every applied heredoc of a shell script, as one parse whose node ranges are offsets
 * into the script. Documents that do not parse are dropped: a heredoc is YAML only when it says so.
 */
export function embeddedYaml(file: SourceFile): ParsedYaml {
  return file.cached("manifests:embedded-yaml", () => {
    const documents: Document.Parsed[] = [];
    const templates: ParsedYaml["templates"] = [];
    for (const heredoc of appliedHeredocs(file)) {
      // <<-EOF strips leading tabs, which YAML does not allow as indentation: spaces keep the offsets
      const body = file.text.slice(heredoc.start, heredoc.end).replace(/^\t+/gm, (tabs) => " ".repeat(tabs.length));
      const parsed = parseYaml(body);
      for (const doc of parsed.documents) {
        if (doc.errors.length > 0) continue;
        shiftRanges(doc, heredoc.start);
        documents.push(doc);
      }
      for (const span of parsed.templates) templates.push({ start: span.start + heredoc.start, end: span.end + heredoc.start });
    }
    return { documents, errors: [], templates };
  });
}

function shiftRanges(doc: Document.Parsed, by: number): void {
  const shift = (node: unknown): void => {
    const holder = node as { range?: [number, number, number] | null };
    if (holder.range) holder.range = [holder.range[0] + by, holder.range[1] + by, holder.range[2] + by];
  };
  shift(doc);
  visit(doc, {
    Node(_key, node) {
      if (isNode(node) || isAlias(node)) shift(node);
    },
  });
}

/** The YAML documents a file's manifests are read from: its own parse, or a script's applied heredocs. */
export function manifestDocuments(file: SourceFile): readonly Document.Parsed[] {
  return file.kind === "shell" ? embeddedYaml(file).documents : parsedYaml(file).documents;
}

/**
 * Whether a node of a script's heredoc manifest is filled in by the shell: `value: "$MINIO_SECRET_KEY"`,
 * `password: ${DB_PASSWORD}`, `token: $(vault read -field=token …)`. Such a value is a reference,
 * never a literal (also in a quoted heredoc, which envsubst or a later step fills in).
 */
export function isShellExpanded(file: SourceFile, node: unknown): boolean {
  if (file.kind !== "shell") return false;
  const { start, end } = rangeOf(node);
  return end > start && hasShellExpansion(file.text.slice(start, end));
}

/** `$VAR`, `${VAR}`, `$(cmd)` or a backquoted command in a text. */
export function hasShellExpansion(text: string): boolean {
  return SHELL_EXPANSION.test(text);
}
