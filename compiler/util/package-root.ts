// Files that ship beside the compiled code (the schema, the policy bundle, templates) are
// found from the package root, which is the nearest folder above this module holding
// stackc's package.json — the same from dist/ in a clone and in an installed package.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
      if (pkg.name === "stackc") return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("stackc package root not found");
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();

export function packagePath(...parts: string[]): string {
  return path.join(packageRoot, ...parts);
}

export const stackcVersion: string = (
  JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }
).version;
