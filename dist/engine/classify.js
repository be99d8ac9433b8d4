const BY_EXTENSION = {
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
// Shell start-up files and client configs that hold `export KEY=value` lines.
const SHELL_NAMES = new Set([".bashrc", ".bash_profile", ".profile", ".zshrc", ".zprofile", ".zshenv", ".envrc", "profile", "bashrc"]);
/** A `.env`-family name: `.env`, `.env.local`, `prod.env`, `env.example`. */
export function isDotenvName(name) {
    return name === ".env" || name.startsWith(".env.") || name.endsWith(".env") || /^env\.(example|sample|template|dist|tmpl)$/i.test(name);
}
/** Templates that document the variables and are meant to be committed. */
export function isEnvTemplateName(name) {
    return /(^|[.\-_])(example|sample|template|tmpl|dist|defaults?|schema)$/i.test(name.replace(/\.env$/, ""));
}
export function basename(path) {
    const i = path.lastIndexOf("/");
    return i === -1 ? path : path.slice(i + 1);
}
export function dirname(path) {
    const i = path.lastIndexOf("/");
    return i === -1 ? "" : path.slice(0, i);
}
export function classify(path) {
    const name = basename(path);
    const lower = name.toLowerCase();
    if (isDotenvName(lower))
        return "dotenv";
    if (lower === ".gitignore")
        return "gitignore";
    if (lower === "dockerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile") || lower === "containerfile")
        return "dockerfile";
    if (SHELL_NAMES.has(lower))
        return "shell";
    const dot = lower.lastIndexOf(".");
    if (dot > 0) {
        const kind = BY_EXTENSION[lower.slice(dot + 1)];
        if (kind)
            return kind;
    }
    return "text";
}
