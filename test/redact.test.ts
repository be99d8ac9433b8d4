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

  it("masks a short name-like value only where it stands alone, not as a word of a longer name", () => {
    expect(scrub("administrator_login_password: password", ["password"])).toBe("administrator_login_password: ****");
    expect(scrub("db-password=password; http://localhost", ["password", "localhost"])).toBe("db-password=****; http://****");
    expect(scrub("airflow_user airflow", ["airflow"])).toBe("airflow_user ****");
  });

  it("masks a long or punctuated value wherever it occurs", () => {
    const token = ["ghp", "_", "A".repeat(8), "b".repeat(28)].join("");
    expect(scrub(`x${token}y`, [token])).toBe(`x${redact(token)}y`);
    expect(scrub("u:p@ss!@host and p@ss!", ["p@ss!"])).toBe("u:****@host and ****");
  });
});
