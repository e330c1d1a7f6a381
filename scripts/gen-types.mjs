#!/usr/bin/env node
// Generates schema/stack.types.ts from schema/stack.schema.json (the source of truth).
//   Stack          the manifest as written (properties with defaults are optional)
//   ResolvedStack  the manifest after normalize applied the schema defaults (those are required)
// `--check` exits 1 when the committed file is stale; the test suite runs the same comparison.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { generateStackTypes } from "./lib/stack-types.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "schema", "stack.types.ts");
const schema = JSON.parse(await readFile(path.join(root, "schema", "stack.schema.json"), "utf8"));
const text = await generateStackTypes(schema);
if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    console.error("schema/stack.types.ts is stale: run `npm run gen:types`");
    process.exit(1);
  }
} else {
  await writeFile(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
