// schema/network.schema.json (kind: Network) holds to the stack schema's standards: generated
// types fresh, every property documented with an example, every object closed; the example
// networks validate against it, and ids of an existing VPC are format-checked.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { createStackAjv } from "../../compiler/validate/schema.js";
import { repoPath } from "../helpers/repo.js";

const schema = JSON.parse(readFileSync(repoPath("schema", "network.schema.json"), "utf8")) as Record<string, unknown>;
const validate = createStackAjv().compile(schema);
const errors = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

test("schema/network.types.ts is what json-schema-to-typescript generates from the schema now", async () => {
  const { generateNetworkTypes } = (await import(repoPath("scripts", "lib", "stack-types.mjs"))) as { generateNetworkTypes(schema: unknown): Promise<string> };
  assert.ok((await generateNetworkTypes(schema)) === readFileSync(repoPath("schema", "network.types.ts"), "utf8"), "schema/network.types.ts is stale: run npm run gen:types");
});

test("every property has a description and at least one example; every object with properties is closed", () => {
  const missing: string[] = [];
  const open: string[] = [];
  const defs = schema.$defs as Record<string, Record<string, unknown>>;
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const s = node as Record<string, unknown>;
    if (s.properties && s.additionalProperties !== false) open.push(path || "(root)");
    for (const [name, child] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const ref = typeof child.$ref === "string" ? defs[child.$ref.split("/").pop()!] : undefined;
      const description = child.description ?? ref?.description;
      const examples = child.examples ?? ref?.examples;
      if (typeof description !== "string" || description.length < 10) missing.push(`${path}.${name}: description`);
      if (!Array.isArray(examples) || examples.length === 0) missing.push(`${path}.${name}: examples`);
      visit(child, `${path}.${name}`);
    }
    for (const key of ["items", "additionalProperties"]) if (s[key] && typeof s[key] === "object") visit(s[key], `${path}${key === "items" ? "[]" : ".<key>"}`);
    for (const [name, def] of Object.entries((s.$defs ?? {}) as Record<string, unknown>)) visit(def, `$defs.${name}`);
  };
  visit(schema, "");
  assert.equal(missing, []);
  assert.equal(open, []);
});

test("the example networks validate; their modelines name the network schema", () => {
  for (const file of ["stacks/shared/network.yaml", "stacks/existing/network.yaml"]) {
    const text = readFileSync(repoPath(...file.split("/")), "utf8");
    assert.equal(errors(parse(text)), [], file);
    assert.is(text.split("\n")[0], "# yaml-language-server: $schema=../../schema/network.schema.json", file);
  }
});

test("existing ids are format-checked: vpc-, subnet-, nat- with 8 or 17 hex digits", () => {
  const doc = parse(readFileSync(repoPath("stacks", "existing", "network.yaml"), "utf8")) as { spec: { existing: { vpcId: string; zones: Record<string, { natGateway: string; utilitySubnet: { id: string } }> } } };
  const bad = (edit: (d: typeof doc) => void) => {
    const copy = structuredClone(doc);
    edit(copy);
    return errors(copy);
  };
  assert.equal(bad(() => undefined), []);
  assert.ok(bad((d) => (d.spec.existing.vpcId = "vpc-123")).some((e) => e.startsWith("/spec/existing/vpcId")));
  assert.ok(bad((d) => (d.spec.existing.vpcId = "vpc-0A1B2C3D")).some((e) => e.startsWith("/spec/existing/vpcId")), "lowercase hex only");
  assert.equal(bad((d) => (d.spec.existing.vpcId = "vpc-0a1b2c3d")), [], "8 hex digits (older ids)");
  assert.ok(bad((d) => (d.spec.existing.zones["eu-west-1a"]!.natGateway = "igw-0a1b2c3d4e5f60718")).some((e) => e.startsWith("/spec/existing/zones/eu-west-1a/natGateway")));
  assert.ok(bad((d) => (d.spec.existing.zones["eu-west-1a"]!.utilitySubnet.id = "sn-0a1b2c3d4e5f60718")).some((e) => e.startsWith("/spec/existing/zones/eu-west-1a/utilitySubnet/id")));
});

test.run();
