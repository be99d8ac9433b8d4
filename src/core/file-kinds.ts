// The one table of file kinds: how a file of each kind is recognised (by extension or by name), how
// it is named inside other files (a Markdown fence, a file held in a YAML block scalar) and whether
// it binds names to values. Adding a kind means a row here and a Language in src/languages/.

interface KindRow {
  /** File extensions (lower case, without the dot). */
  extensions?: readonly string[];
  /** Whole file names (lower case) that are this kind whatever their extension. */
  names?: readonly string[];
  /** Languages of Markdown code fences read as this kind (```bash). */
  fences?: readonly string[];
  /** A file held in a YAML block scalar (`application.properties: |`) is this kind when its key matches. */
  embeddedName?: RegExp;
  /** The fence tag a docs page shows an example of this kind with. */
  docsFence?: string;
  /** Whether the kind binds names to values (`key = value`), which the generic secret pass reads. */
  bindsNames: boolean;
}

// Rows in classification order where names overlap: name lists first (see classify()).
const KINDS = {
  dotenv: { fences: ["env", "dotenv"], embeddedName: /(?:^|\.)env$/i, docsFence: "dotenv", bindsNames: true },
  yaml: { extensions: ["yaml", "yml"], fences: ["yaml", "yml"], embeddedName: /\.ya?ml$/i, docsFence: "yaml", bindsNames: true },
  json: { extensions: ["json", "jsonc", "json5"], fences: ["json", "jsonc", "json5"], embeddedName: /\.json$/i, docsFence: "json", bindsNames: true },
  python: { extensions: ["py", "pyi", "pyw"], fences: ["python", "py"], docsFence: "python", bindsNames: true },
  // TypeScript and JavaScript alike
  javascript: {
    extensions: ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"],
    fences: ["javascript", "js", "jsx", "mjs", "typescript", "ts", "tsx"],
    docsFence: "ts",
    bindsNames: true,
  },
  dockerfile: { fences: ["dockerfile", "docker"], bindsNames: true },
  shell: {
    extensions: ["sh", "bash", "zsh", "ksh"],
    // Shell start-up files and client configs that hold `export KEY=value` lines.
    names: [".bashrc", ".bash_profile", ".profile", ".zshrc", ".zprofile", ".zshenv", ".envrc", "profile", "bashrc"],
    fences: ["sh", "bash", "shell", "zsh", "ksh", "console", "shell-session", "shellsession"],
    embeddedName: /\.(?:sh|bash)$/i,
    bindsNames: true,
  },
  // ini, cfg, conf
  ini: {
    extensions: ["ini", "cfg", "conf", "cnf"],
    // Client configs known by name: INI-style credentials files of npm, pip, git, s3cmd, boto, AWS.
    names: [".npmrc", ".yarnrc", ".pypirc", ".gitconfig", ".s3cfg", ".boto", "credentials", ".credentials", ".my.cnf", ".pgservice.conf", ".editorconfig", ".wgetrc", ".curlrc"],
    fences: ["ini", "cfg", "conf"],
    embeddedName: /\.(?:ini|cfg|conf|cnf)$/i,
    bindsNames: true,
  },
  toml: { extensions: ["toml"], fences: ["toml"], embeddedName: /\.toml$/i, bindsNames: true },
  properties: { extensions: ["properties"], fences: ["properties", "java-properties"], embeddedName: /\.properties$/i, bindsNames: true },
  xml: { extensions: ["xml", "config", "csproj", "plist"], fences: ["xml"], embeddedName: /\.xml$/i, bindsNames: true },
  hcl: { extensions: ["tf", "tfvars", "hcl", "nomad"], fences: ["hcl", "terraform", "tf"], embeddedName: /\.(?:tf|tfvars|hcl)$/i, bindsNames: true },
  markdown: { extensions: ["md", "markdown", "mdx", "rst"], fences: ["markdown", "md"], bindsNames: true },
  gitignore: { docsFence: "gitignore", bindsNames: false },
  // plain text is read as `key = value` / `key: value` lines
  text: { bindsNames: true },
} as const satisfies Record<string, KindRow>;

export type FileKind = keyof typeof KINDS;

/** The families a file is read as; a rule names the kinds it applies to. */
export const FILE_KINDS = Object.keys(KINDS) as FileKind[];

const KIND_ROWS: Readonly<Record<FileKind, KindRow>> = KINDS;

function indexBy(field: "extensions" | "names" | "fences"): ReadonlyMap<string, FileKind> {
  return new Map(FILE_KINDS.flatMap((kind) => (KIND_ROWS[kind][field] ?? []).map((key) => [key, kind] as const)));
}

const BY_EXTENSION = indexBy("extensions");
const BY_NAME = indexBy("names");
const BY_FENCE = indexBy("fences");
const EMBEDDED = FILE_KINDS.flatMap((kind) => (KIND_ROWS[kind].embeddedName ? [[KIND_ROWS[kind].embeddedName!, kind] as const] : []));

/** The kind of a Markdown code fence's language (```bash); text when unknown. */
export function kindOfFence(language: string): FileKind {
  return BY_FENCE.get(language) ?? "text";
}

/** The kind of a file held in a YAML block scalar, by its key (`application.properties: |`); null when none. */
export function kindOfEmbeddedName(name: string): FileKind | null {
  return EMBEDDED.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

export function bindsNames(kind: FileKind): boolean {
  return KIND_ROWS[kind].bindsNames;
}

/** The fence tag a docs page shows a file of this path with. */
export function docsFenceFor(path: string): string {
  const kind = classify(path);
  if (kind === "javascript") return /\.[cm]?jsx?$/i.test(path) ? "js" : "ts";
  return KIND_ROWS[kind].docsFence ?? "text";
}

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
  const named = BY_NAME.get(lower);
  if (named) return named;
  const dot = lower.lastIndexOf(".");
  if (dot > 0) {
    const kind = BY_EXTENSION.get(lower.slice(dot + 1));
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
