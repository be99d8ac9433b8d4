// Our own files in a folder a stranger prepared: no read or write through a planted link, and a
// write that fails half-way leaves the old file whole.
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { OwnFileError, readOwnFile, writeOwnFile } from "../src/core/own-files.js";
import { removeTempDirs, tempDir } from "./helpers/repo.js";

afterAll(removeTempDirs);

describe("readOwnFile", () => {
  it("refuses a file in the repository that links outside it, and reads one that stays inside", () => {
    const outside = tempDir();
    writeFileSync(join(outside, "environ"), "GITHUB_TOKEN=planted-runner-token-value\n");
    const repo = tempDir();
    symlinkSync(join(outside, "environ"), join(repo, ".carbon-secret-lint.yaml"));
    writeFileSync(join(repo, "real.yaml"), "extends: recommended\n");
    symlinkSync("real.yaml", join(repo, "inside.yaml"));
    let error: unknown;
    try {
      readOwnFile(join(repo, ".carbon-secret-lint.yaml"), "config file", { within: repo });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OwnFileError);
    expect((error as Error).message).toMatch(/symbolic link that leads outside/);
    expect((error as Error).message).not.toContain("planted-runner-token");
    expect(readOwnFile(join(repo, "inside.yaml"), "config file", { within: repo })).toBe("extends: recommended\n");
  });

  it("says a folder is not a file", () => {
    const dir = tempDir();
    expect(() => readOwnFile(dir, "baseline file")).toThrow(/not a regular file/);
  });
});

describe("writeOwnFile", () => {
  it("replaces a planted symbolic link instead of writing through it", () => {
    const outside = tempDir();
    writeFileSync(join(outside, "victim"), "precious\n");
    const repo = tempDir();
    symlinkSync(join(outside, "victim"), join(repo, "report.json"));
    writeOwnFile(join(repo, "report.json"), "{}\n", "report", { within: repo });
    expect(readFileSync(join(outside, "victim"), "utf8")).toBe("precious\n");
    expect(lstatSync(join(repo, "report.json")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(repo, "report.json"), "utf8")).toBe("{}\n");
  });

  it("refuses a path whose folder is a link out of the repository", () => {
    const outside = tempDir();
    const repo = tempDir();
    symlinkSync(outside, join(repo, "out"));
    expect(() => writeOwnFile(join(repo, "out", "baseline.json"), "{}", "baseline file", { within: repo })).toThrow(/leads outside/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("names a missing folder and a folder given as the file, as errors the user can fix", () => {
    const dir = tempDir();
    expect(() => writeOwnFile(join(dir, "no", "dir", "r.json"), "x", "report")).toThrow(/the folder .* does not exist/);
    mkdirSync(join(dir, "a-folder"));
    expect(() => writeOwnFile(join(dir, "a-folder"), "x", "report")).toThrow(/it is a folder/);
  });

  it("leaves the old file whole when the write fails half-way (a file-size limit), and no temporary file behind", () => {
    const dir = tempDir();
    const path = join(dir, "baseline.json");
    writeFileSync(path, '{"version":1,"findings":[]}\n');
    // The limit applies to a child process: it runs the module, compiled to plain JavaScript.
    const module = join(tempDir(), "own-files.mjs");
    buildSync({ entryPoints: [new URL("../src/core/own-files.ts", import.meta.url).pathname], outfile: module, format: "esm", platform: "node", bundle: true, logLevel: "silent" });
    const script = join(dirname(module), "write.mjs");
    writeFileSync(script, `import { writeOwnFile } from "./own-files.mjs";\ntry { writeOwnFile(${JSON.stringify(path)}, "x".repeat(200000), "baseline file"); } catch (e) { console.log(e.message); }\n`);
    const child = spawnSync("bash", ["-c", `ulimit -f 8; exec "$0" "$1"`, process.execPath, script], { encoding: "utf8" });
    expect(child.stdout + child.stderr).toMatch(/larger than the system allows \(EFBIG\)/);
    expect(readFileSync(path, "utf8")).toBe('{"version":1,"findings":[]}\n');
    expect(readdirSync(dir)).toEqual(["baseline.json"]);
  });
});
