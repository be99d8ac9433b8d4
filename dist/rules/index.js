import committedEnvFile from "./committed-env-file.js";
import envNotGitignored from "./env-not-gitignored.js";
/** Every rule, sorted by id. Adding a rule: its file here, its fixtures, its docs page (generated). */
export const RULES = [committedEnvFile, envNotGitignored].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
export function findRule(id) {
    return RULES.find((r) => r.meta.id === id);
}
