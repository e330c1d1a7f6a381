// The schema is the source of truth: generated types must be fresh, every property must be
// documented (descriptions and examples feed editor hovers), and its outline is snapshotted.
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { stackSchema, stackSchemaText } from "../../compiler/index.js";
import { repoPath } from "../helpers/repo.js";
import { schemaOutline } from "../helpers/schema-outline.js";

test("schema/stack.types.ts is what json-schema-to-typescript generates from the schema now", async () => {
  // the same generator module `npm run gen:types` uses
  const { generateStackTypes } = (await import(repoPath("scripts", "lib", "stack-types.mjs"))) as {
    generateStackTypes(schema: unknown): Promise<string>;
  };
  const fresh = await generateStackTypes(JSON.parse(readFileSync(repoPath("schema", "stack.schema.json"), "utf8")));
  assert.ok(fresh === readFileSync(repoPath("schema", "stack.types.ts"), "utf8"), "schema/stack.types.ts is stale: run npm run gen:types");
});

test("schema outline snapshot (UPDATE_SNAPSHOTS=1 rewrites it)", () => {
  const outline = schemaOutline(stackSchema());
  const file = repoPath("test", "snapshots", "schema-outline.txt");
  if (process.env.UPDATE_SNAPSHOTS === "1") writeFileSync(file, outline);
  assert.fixture(outline, readFileSync(file, "utf8"));
});

test("every property has a description and at least one example", () => {
  const missing: string[] = [];
  const root = stackSchema() as Record<string, unknown>;
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const s = node as Record<string, unknown>;
    for (const [name, child] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const p = `${path}.${name}`;
      const ref = typeof child.$ref === "string" ? (root.$defs as Record<string, Record<string, unknown>>)[child.$ref.split("/").pop()!] : undefined;
      const description = child.description ?? ref?.description;
      const examples = child.examples ?? ref?.examples;
      if (typeof description !== "string" || description.length < 10) missing.push(`${p}: description`);
      if (!Array.isArray(examples) || examples.length === 0) missing.push(`${p}: examples`);
      visit(child, p);
    }
    for (const key of ["items", "additionalProperties"]) if (s[key] && typeof s[key] === "object") visit(s[key], `${path}${key === "items" ? "[]" : ".<key>"}`);
    for (const [name, def] of Object.entries((s.$defs ?? {}) as Record<string, unknown>)) visit(def, `$defs.${name}`);
  };
  visit(root, "");
  assert.equal(missing, []);
});

test("every object that has properties is closed (additionalProperties: false)", () => {
  const open: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const s = node as Record<string, unknown>;
    if (s.properties && s.additionalProperties !== false) open.push(path || "(root)");
    for (const [k, v] of Object.entries(s)) if (k !== "examples" && k !== "default" && v && typeof v === "object") visit(v, `${path}/${k}`);
  };
  visit(stackSchema(), "");
  assert.equal(open, []);
});

test("stackc schema prints the schema file byte for byte", () => {
  assert.is(stackSchemaText(), readFileSync(repoPath("schema", "stack.schema.json"), "utf8"));
});

test("every example stack declares the schema for editors: the overlay schema for overlays and bases", () => {
  for (const f of ["base.yaml", "dev.yaml", "staging.yaml", "prod.yaml", "fleet/prod-base.yaml", "fleet/prod-us-east-1.yaml", "fleet/prod-ap-southeast-2.yaml"]) {
    const text = readFileSync(repoPath("stacks", f), "utf8");
    const partial = /^extends:/m.test(text) || /^kind: StackBase$/m.test(text);
    const schema = partial ? "stack-overlay" : "stack";
    assert.match(text.split("\n")[0]!, new RegExp(`^# yaml-language-server: \\$schema=(\\.\\./)+schema/${schema}\\.schema\\.json$`), f);
  }
});

test.run();
