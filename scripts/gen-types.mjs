#!/usr/bin/env node
// Generates, from schema/stack.schema.json (the source of truth):
//   schema/stack.types.ts             Stack (the manifest as written; properties with defaults are
//                                     optional) and ResolvedStack (after normalize applied the
//                                     schema defaults: those are required);
//   schema/network.types.ts           Network and ResolvedNetwork, likewise from schema/network.schema.json;
//   schema/stack-overlay.schema.json  the schema of overlays and bases (scripts/lib/overlay-schema.mjs).
// `--check` exits 1 when a committed file is stale; the test suite runs the same comparison.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { overlaySchema } from "./lib/overlay-schema.mjs";
import { generateNetworkTypes, generateStackTypes } from "./lib/stack-types.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "schema", "stack.types.ts");
const schema = JSON.parse(await readFile(path.join(root, "schema", "stack.schema.json"), "utf8"));
const networkSchema = JSON.parse(await readFile(path.join(root, "schema", "network.schema.json"), "utf8"));
const outputs = [
  [target, await generateStackTypes(schema)],
  [path.join(root, "schema", "network.types.ts"), await generateNetworkTypes(networkSchema)],
  [path.join(root, "schema", "stack-overlay.schema.json"), `${JSON.stringify(overlaySchema(schema), null, 2)}\n`],
];
for (const [file, text] of outputs) {
  if (process.argv.includes("--check")) {
    const current = await readFile(file, "utf8").catch(() => "");
    if (current !== text) {
      console.error(`${path.relative(root, file)} is stale: run \`npm run gen:types\``);
      process.exitCode = 1;
    }
  } else {
    await writeFile(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
