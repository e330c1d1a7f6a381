// What `npm pack` would publish is complete: the license, the repository fields, every asset the
// code reads, the entries named in `exports`, and no source map pointing at a file the package
// does not ship.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ASSETS } from "../../compiler/index.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

const pkg = JSON.parse(readFileSync(repoPath("package.json"), "utf8")) as Record<string, unknown>;
const packed = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
const files = new Set(
  packed.status === 0 ? (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path) : [],
);

test("npm pack lists the package's files", () => {
  assert.is(packed.status, 0, packed.stderr);
  assert.ok(files.size > 100, `${files.size} files`);
});

test("license file and repository fields", () => {
  assert.ok(files.has("LICENSE"));
  assert.match(readFileSync(repoPath("LICENSE"), "utf8"), /^Apache License\s+Version 2\.0, January 2004/);
  assert.is(pkg.license, "Apache-2.0");
  const repository = pkg.repository as { type?: string; url?: string } | undefined;
  assert.is(repository?.type, "git");
  assert.match(String(repository?.url), /^git\+https:\/\/.+\.git$/);
  assert.type(pkg.homepage, "string");
  assert.type((pkg.bugs as { url?: string } | undefined)?.url, "string");
});

test("every asset the code reads, and every exported entry, ships", () => {
  for (const asset of Object.values(ASSETS)) assert.ok(files.has(asset), asset);
  const targets = Object.values(pkg.exports as Record<string, string | { types: string; import: string }>).flatMap((t) => (typeof t === "string" ? [t] : [t.types, t.import]));
  for (const t of targets) assert.ok(files.has(t.replace(/^\.\//, "")), t);
});

test("no shipped source map names a file the package does not ship", () => {
  const maps = [...files].filter((f) => f.endsWith(".map"));
  assert.ok(maps.length > 100, `${maps.length} maps`);
  const missing: string[] = [];
  for (const map of maps) {
    const { sources, sourceRoot } = JSON.parse(readFileSync(repoPath(map), "utf8")) as { sources: string[]; sourceRoot?: string };
    for (const source of sources) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(map), sourceRoot ?? "", source));
      if (!files.has(target)) missing.push(`${map} → ${target}`);
    }
  }
  assert.equal(missing.slice(0, 10), []);
});

test.run();
