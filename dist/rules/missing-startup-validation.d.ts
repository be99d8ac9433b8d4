declare const _default: import("../engine/types.js").Rule;
export default _default;
