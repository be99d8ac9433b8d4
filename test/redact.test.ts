import { describe, expect, it } from "vitest";
import { redact, scrub } from "../src/core/redact.js";

describe("scrub", () => {
  it("masks the longest value first, so a shorter one inside it leaves nothing of it showing", () => {
    const line = "DSN=postgresql://app:app_pass_2024@db/app";
    const masked = scrub(line, ["app_pass_2024", "postgresql://app:app_pass_2024@db/app"]);
    expect(masked).toBe(`DSN=${redact("postgresql://app:app_pass_2024@db/app")}`);
    expect(scrub("x app_pass_2024 y", ["app_", "app_pass_2024"])).toBe(`x ${redact("app_pass_2024")} y`);
  });

  it("leaves values shorter than four characters alone and masks every occurrence", () => {
    expect(scrub("abc abc", ["abc"])).toBe("abc abc");
    expect(scrub("tok3n-1234 and tok3n-1234", ["tok3n-1234"])).toBe("**** and ****");
  });
});
