// The package's fixed facts: the version constant matches package.json, and the asset paths
// (computed from the compiled module's location, with no file system search) point into this
// package and name files that exist.
import { existsSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ASSETS, assetPath, packageRoot, stackcVersion, type AssetName } from "../../compiler/index.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

test("stackcVersion is package.json's version", () => {
  const pkg = JSON.parse(readFileSync(repoPath("package.json"), "utf8")) as { name: string; version: string };
  assert.is(stackcVersion, pkg.version);
  assert.is(pkg.name, "stackc");
});

test("the package root is the folder holding stackc's package.json, and every asset exists there", () => {
  assert.is(packageRoot, repoRoot);
  for (const name of Object.keys(ASSETS) as AssetName[]) assert.ok(existsSync(assetPath(name)), `${name}: ${assetPath(name)}`);
});

// Self-reference through package.json `exports` (a specifier held in a variable, so tsc does not
// need dist/ to type-check this file): each public entry resolves and has what it promises.
const entry = async (name: string) => (await import(name)) as Record<string, unknown>;

test("package exports: stackc, stackc/policy, stackc/report, stackc/io and the schema resolve by name", async () => {
  const main = await entry("stackc");
  assert.type(main.nodeIo, "object");
  for (const name of ["build", "check", "diff", "verify", "bind", "explain", "init", "validate", "schema", "compile", "createMemoryIo"]) {
    assert.type(main[name], "function", `stackc exports ${name}`);
  }
  const policy = await entry("stackc/policy");
  for (const name of ["createPolicyEngine", "createPolicyStage", "loadUserPolicies", "applyWaivers", "loadRules"]) assert.type(policy[name], "function", name);
  const report = await entry("stackc/report");
  for (const name of ["formatText", "formatJson", "formatSarif", "formatJunit", "formatGithub"]) assert.type(report[name], "function", name);
  const io = await entry("stackc/io");
  for (const name of ["nodeIo", "createMemoryIo"]) assert.ok(io[name], name);
  const schemaModule = (await import("stackc/schema" as string, { with: { type: "json" } })) as { default: { $schema?: string } };
  assert.match(String(schemaModule.default.$schema), /2020-12/);
  const overlay = (await import("stackc/schema/overlay" as string, { with: { type: "json" } })) as { default: { $id?: string } };
  assert.match(String(overlay.default.$id), /stack-overlay\.schema\.json$/);
});

test("a deep import outside the exports map is refused (only the named entries are public)", async () => {
  const refused = await import("stackc/dist/compiler/policy/stage.js" as string).then(
    () => "resolved",
    (e: { code?: string }) => e.code,
  );
  assert.is(refused, "ERR_PACKAGE_PATH_NOT_EXPORTED");
});

test.run();
