import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

// CLI tests run the built CLI; build it once if it is missing (CI builds it first anyway).
export default function setup(): void {
  if (!existsSync("dist/bin.js")) execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}
