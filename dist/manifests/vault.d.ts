import type { SourceFile } from "../engine/types.js";
import { type HclBody } from "./hcl.js";
export interface PolicyRule {
    path: string;
    pathStart: number;
    pathEnd: number;
    capabilities: string[];
    /** Offsets of the capabilities list (the finding's place for a capability). */
    capabilitiesStart: number;
    capabilitiesEnd: number;
}
export interface VaultPolicy {
    /** The policy's name: from a command, a Terraform `name`, or the file's name; null when none says. */
    name: string | null;
    rules: PolicyRule[];
    start: number;
}
/** `vault policy write <name> <file>`: a name given to a policy kept in another file. */
export interface PolicyBinding {
    name: string;
    file: string;
}
/** Every policy of a file, computed once per file. */
export declare function vaultPolicies(file: SourceFile): readonly VaultPolicy[];
export declare function policyBindings(file: SourceFile): readonly PolicyBinding[];
export declare function parseHclCached(file: SourceFile): HclBody;
