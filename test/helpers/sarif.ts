import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvDraft04Module from "ajv-draft-04";

// ajv-draft-04 is CommonJS with a `default` export beside module.exports.
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as new (options: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};

/** A validator for the official SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif). */
export function sarifValidator() {
  const schemaPath = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  // The schema's language-tag pattern is not valid under the `u` flag.
  return new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));
}
