import type { FileKind } from "./types.js";

const BY_EXTENSION: Record<string, FileKind> = {
  yaml: "yaml", yml: "yaml",
  json: "json", jsonc: "json", json5: "json",
  py: "python", pyi: "python", pyw: "python",
  ts: "javascript", tsx: "javascript", mts: "javascript", cts: "javascript",
  js: "javascript", jsx: "javascript", mjs: "javascript", cjs: "javascript",
  sh: "shell", bash: "shell", zsh: "shell", ksh: "shell",
  ini: "ini", cfg: "ini", conf: "ini", cnf: "ini",
  toml: "toml",
  properties: "properties",
  xml: "xml", config: "xml", csproj: "xml", plist: "xml",
  tf: "hcl", tfvars: "hcl", hcl: "hcl", nomad: "hcl",
  md: "markdown", markdown: "markdown", mdx: "markdown", rst: "markdown",
};

// Client configs known by name: INI-style credentials files of npm, pip, git, s3cmd, boto, AWS.
const INI_NAMES = new Set([".npmrc", ".yarnrc", ".pypirc", ".gitconfig", ".s3cfg", ".boto", "credentials", ".credentials", ".my.cnf", ".pgservice.conf", ".editorconfig", ".wgetrc", ".curlrc"]);

// Shell start-up files and client configs that hold `export KEY=value` lines.
const SHELL_NAMES = new Set([".bashrc", ".bash_profile", ".profile", ".zshrc", ".zprofile", ".zshenv", ".envrc", "profile", "bashrc"]);

/** A `.env`-family name: `.env`, `.env.local`, `prod.env`, `env.example`. */
export function isDotenvName(name: string): boolean {
  return name === ".env" || name.startsWith(".env.") || name.endsWith(".env") || /^env\.(example|sample|template|dist|tmpl)$/i.test(name);
}

/** Templates that document the variables and are meant to be committed. */
export function isEnvTemplateName(name: string): boolean {
  return /(^|[.\-_])(example|sample|template|tmpl|dist|defaults?|schema)$/i.test(name.replace(/\.env$/, ""));
}

export function basename(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}

export function classify(path: string): FileKind {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (isDotenvName(lower)) return "dotenv";
  if (lower === ".gitignore") return "gitignore";
  if (lower === "dockerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile") || lower === "containerfile") return "dockerfile";
  if (SHELL_NAMES.has(lower)) return "shell";
  if (INI_NAMES.has(lower)) return "ini";
  const dot = lower.lastIndexOf(".");
  if (dot > 0) {
    const kind = BY_EXTENSION[lower.slice(dot + 1)];
    if (kind) return kind;
  }
  return "text";
}

/**
 * A file whose name says nothing (`config`, `.tugboat`, `hub`) is read by its content:
 * JSON, an INI file with sections, a YAML mapping, or `KEY=value` lines. Cheap line tests
 * only; the parsers decide later.
 */
export function sniffKind(text: string): FileKind {
  const head = text.slice(0, 4096);
  const first = head.trimStart()[0];
  if (first === "{" || first === "[") {
    if (first === "[" && /^\s*\[[\w .:"'-]+\]\s*$/m.test(head) && /^\s*[\w.-]+\s*=/m.test(head)) return "ini";
    return "json";
  }
  const lines = head.split("\n").filter((l) => l.trim() !== "" && !/^\s*[#;]/.test(l));
  if (lines.length === 0) return "text";
  const count = (pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
  if (/^\s*\[[\w .:"'-]+\]\s*$/m.test(head) && count(/^\s*[\w.-]+\s*[=:]/) > 0) return "ini";
  const dotenv = count(/^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=/);
  if (dotenv > 0 && dotenv >= lines.length * 0.6) return "dotenv";
  const yaml = count(/^\s*(?:- )?[\w.-]+:(?:\s|$)|^\s*- /);
  if (yaml >= 2 && yaml >= lines.length * 0.6) return "yaml";
  return "text";
}
