// Writes docs/policies.md from the rule catalog (policies/bundle/rules.json, i.e. the METADATA of
// every check) and the diagnostic code registry. Needs the compiled TypeScript (npx tsc first);
// run it after scripts/policy/build.mjs. test/policy/docs.test.ts fails when the file is stale.
//
//   node scripts/policy/docs.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = (p) => pathToFileURL(path.join(root, "dist", "compiler", p)).href;
const { renderPoliciesDoc } = await import(dist("policy/catalog/docs.js"));
const { loadRules } = await import(dist("policy/catalog/rules.js"));
const { codes } = await import(dist("diagnostics/codes.js"));

export const DOCS_FILE = path.join(root, "docs", "policies.md");
writeFileSync(DOCS_FILE, renderPoliciesDoc(loadRules(path.join(root, "policies", "bundle")), codes));
console.error(`wrote ${path.relative(root, DOCS_FILE)}`);
