// schema/stack-overlay.schema.json: generated from the full schema (npm run gen:types), and
// what it accepts — every example overlay and base as written, `null` removing inherited keys —
// and refuses — typos, wrong types, a missing kind, a named-list item without its name.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { createStackAjv } from "../../compiler/validate/schema.js";
import { repoPath } from "../helpers/repo.js";

const full = JSON.parse(readFileSync(repoPath("schema", "stack.schema.json"), "utf8")) as Record<string, unknown>;
const committed = readFileSync(repoPath("schema", "stack-overlay.schema.json"), "utf8");
const validate = createStackAjv().compile(JSON.parse(committed) as Record<string, unknown>);
const errors = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

function examples(dir = repoPath("stacks")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? examples(path.join(dir, e.name)) : e.name.endsWith(".yaml") ? [path.join(dir, e.name)] : []))
    .sort();
}

test("the committed overlay schema is what npm run gen:types generates from the full schema now", async () => {
  const { overlaySchema } = (await import(repoPath("scripts", "lib", "overlay-schema.mjs"))) as { overlaySchema(s: unknown): unknown };
  assert.ok(committed === `${JSON.stringify(overlaySchema(full), null, 2)}\n`, "schema/stack-overlay.schema.json is stale: run npm run gen:types");
});

test("every example overlay and base validates as written (before merging)", () => {
  // network manifests have their own schema (schema/network.schema.json; test/schema/network-schema.test.ts)
  const files = examples().filter((f) => (parse(readFileSync(f, "utf8")) as { kind?: unknown }).kind !== "Network");
  assert.ok(files.length >= 9);
  for (const file of files) assert.equal(errors(parse(readFileSync(file, "utf8"))), [], file);
});

test("null removes an inherited key anywhere below the root; lists stay lists", () => {
  assert.equal(errors({ kind: "Stack", extends: "./base.yaml", spec: { addons: { velero: null }, tags: { team: null }, network: { flowLogs: null } } }), []);
  assert.equal(errors({ kind: "StackBase", spec: { cluster: { nodeGroups: [{ name: "general", max: 20 }] } } }), []);
  assert.ok(errors({ kind: "Stack", spec: { cluster: { nodeGroups: [null] } } }).length > 0, "null is no list item");
});

test("typos, wrong types, a missing kind and a nameless named-list item are still errors", () => {
  assert.ok(errors({ kind: "Stack", extends: "./base.yaml", spec: { cluster: { kubernetesVersio: "1.35.5" } } }).some((e) => e.includes("additional properties")));
  assert.ok(errors({ kind: "StackBase", spec: { backups: { retentionDays: "seven" } } }).some((e) => e.startsWith("/spec/backups/retentionDays")));
  assert.ok(errors({ spec: {} }).some((e) => e.includes("must have required property 'kind'")));
  assert.ok(errors({ kind: "Stack", spec: { cluster: { nodeGroups: [{ max: 3 }] } } }).some((e) => e.includes("'name'")));
  assert.ok(errors({ kind: "Stack", metadata: null }).length === 0, "a root section may be removed too");
  assert.ok(errors({ kind: null }).length > 0, "kind is the file's own: never null");
});

test.run();
