import type { FileKind } from "../engine/types.js";
export type Verdict = {
    kind: "secret";
    confidence: "high" | "medium";
} | {
    kind: "weak-default";
} | {
    kind: "not-secret";
    why: string;
};
export interface JudgeContext {
    path: string;
    /** Documentation and templates (`.env.example`, `values.sample.yaml`) show values; weak defaults there are placeholders. */
    isDocumentation: boolean;
}
/** Where a value sits: Markdown and templates (`.env.example`, `values.sample.yaml`, `config.template.json`, `settings.dist.ini`) document values. */
export declare function judgeContext(path: string, kind?: FileKind): JudgeContext;
/** Is a literal bound to a name a hardcoded secret? The name must hold a secret and the value must be one. */
export declare function judgeAssignment(key: string, value: string, context: JudgeContext, options?: {
    templated?: boolean;
}): Verdict;
/** The value half of the judgement, for places that already know the name is a secret's. */
export declare function judgeSecretValue(key: string, value: string, context: JudgeContext, options?: {
    templated?: boolean;
}): Verdict;
/** base64 of `user:password`, as Basic auth, npm `_auth` and Docker `auth` store it. */
export declare function isBasicCredential(value: string): boolean;
