import type { SourceFile } from "../engine/types.js";
export interface Anchor {
    type: "anchor";
    /** What it is, for a message: "a Vault server configuration", "Secret `db-credentials`". */
    what: string;
    /** Lower ranks are stronger anchors: a Vault config says more about audit logging than an env template. */
    rank: number;
    vault: boolean;
    path: string;
    line: number;
}
/** Words one of which occurs in every file that can hold an anchor; rules add them to their keywords. */
export declare const ANCHOR_KEYWORDS: readonly string[];
/** The anchors of one file, computed once per file. */
export declare function anchorsOf(file: SourceFile): readonly Anchor[];
/** The strongest anchor of a repository (a Vault anchor first when `preferVault`), or null when it keeps no secrets. */
export declare function strongestAnchor(anchors: readonly Anchor[], preferVault?: boolean): Anchor | null;
