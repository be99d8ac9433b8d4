export type HclValue = {
    type: "string";
    value: string;
    start: number;
    end: number;
} | {
    type: "heredoc";
    value: string;
    start: number;
    end: number;
} | {
    type: "number";
    value: number;
    start: number;
    end: number;
} | {
    type: "bool";
    value: boolean;
    start: number;
    end: number;
} | {
    type: "list";
    items: HclValue[];
    start: number;
    end: number;
} | {
    type: "object";
    body: HclBody;
    start: number;
    end: number;
} | {
    type: "other";
    text: string;
    start: number;
    end: number;
};
export interface HclAttribute {
    name: string;
    nameStart: number;
    value: HclValue;
}
export interface HclBlock {
    type: string;
    labels: string[];
    start: number;
    end: number;
    body: HclBody;
}
export interface HclBody {
    attributes: HclAttribute[];
    blocks: HclBlock[];
}
/** The body of an HCL text, or of a region of a text (a heredoc, a YAML block scalar). Offsets are the text's. */
export declare function parseHcl(text: string, start?: number, end?: number): HclBody;
export declare function attribute(body: HclBody, name: string): HclAttribute | undefined;
/** A string, number or boolean attribute as text; lists and expressions give null. */
export declare function attributeText(body: HclBody, name: string): string | null;
/** The strings of a list attribute: `capabilities = ["read", "list"]`. */
export declare function stringList(value: HclValue | undefined): string[];
/** Every block of a body and its descendants, depth-first. */
export declare function allBlocks(body: HclBody): HclBlock[];
