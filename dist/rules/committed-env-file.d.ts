/** `.env`, `.env.local`, `.env.production`: the files the guide keeps out of git. Not `prod.env`-style names, which are often templates. */
export declare function isCommittableEnvFile(path: string): boolean;
declare const _default: import("../engine/types.js").Rule;
export default _default;
