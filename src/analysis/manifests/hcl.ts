// The HCL reader lives in src/languages/hcl.ts. This re-export keeps the rules (and the helper tests)
// that import it from here working.
export { allBlocks, attribute, attributeText, parseHcl, stringList, type HclValue } from "../../languages/hcl.js";
