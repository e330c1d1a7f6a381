// Adding a zone to a stack changes only that zone's resources: prod-us-east-1 compiled again with
// us-east-1f appended (test/fixtures/terraform/zones/prod-us-east-1-four-zones.yaml) keeps every
// existing resource instance byte for byte (same address, same attributes), adds instances keyed
// by us-east-1f only, and leaves every .tf file but network.tf's zone list untouched.
import { emitContext } from "../../compiler/emit/context.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile, type StackModel } from "../../compiler/index.js";
import { terraformEmitter } from "../../compiler/emit/terraform/emitter.js";
import type { InstanceArtifact } from "../../compiler/emit/terraform/tf/artifact.js";
import { repoRoot } from "../helpers/repo.js";
import { exampleModel } from "../helpers/stacks.js";
import { artifactOf, moduleOf } from "./artifact-queries.js";

async function fourZoneProd(): Promise<StackModel> {
  const result = await compile(["test/fixtures/terraform/zones/prod-us-east-1-four-zones.yaml"], { cwd: repoRoot });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.equal(errors, [], "the fixture compiles");
  const model = result.stacks[0]?.model;
  if (!model) throw new Error("no model");
  return model;
}

function instancesByAddress(model: StackModel): Map<string, InstanceArtifact> {
  const out = new Map<string, InstanceArtifact>();
  for (const module of artifactOf(model).modules) for (const r of module.resources) for (const i of r.instances) out.set(`${module.dir}:${i.address}`, i);
  return out;
}

test("the fixture is prod-us-east-1 plus us-east-1f and nothing else", async () => {
  const prod = await exampleModel("prod-us-east-1");
  const four = await fourZoneProd();
  assert.is(four.name, prod.name);
  assert.equal(four.zones.slice(0, 3), prod.zones);
  assert.equal(four.zones.map((z) => z.name), ["us-east-1a", "us-east-1b", "us-east-1d", "us-east-1f"]);
  assert.equal(four.buckets, prod.buckets);
});

test("every existing instance is unchanged; the only new instances are us-east-1f's", async () => {
  const before = instancesByAddress(await exampleModel("prod-us-east-1"));
  const after = instancesByAddress(await fourZoneProd());
  for (const [address, instance] of before) {
    assert.ok(after.has(address), `${address} disappeared`);
    assert.equal(after.get(address), instance, `${address} changed`);
  }
  const added = [...after.keys()].filter((a) => !before.has(a)).sort();
  assert.ok(added.length > 0);
  for (const address of added) assert.match(address, /\["us-east-1f"\]$/, `${address} is not a zone instance`);
  assert.equal(added, [
    'terraform:aws_eip.nat["us-east-1f"]',
    'terraform:aws_nat_gateway.this["us-east-1f"]',
    'terraform:aws_route.private_default["us-east-1f"]',
    'terraform:aws_route_table.private["us-east-1f"]',
    'terraform:aws_route_table_association.private["us-east-1f"]',
    'terraform:aws_route_table_association.utility["us-east-1f"]',
    'terraform:aws_subnet.private["us-east-1f"]',
    'terraform:aws_subnet.utility["us-east-1f"]',
  ]);
});

test("only network.tf changes (besides the header naming the manifest), and only by adding the zone", async () => {
  const prod = await exampleModel("prod-us-east-1");
  const four = await fourZoneProd();
  const body = (text: string) => text.split("\n").slice(1).join("\n"); // line 1 names the manifest file
  const before = new Map(terraformEmitter.emit(prod, emitContext()).files.map((f) => [f.path, body(f.contents)]));
  const after = terraformEmitter.emit(four, emitContext()).files;
  assert.equal(after.map((f) => f.path), [...before.keys()]);
  for (const file of after) {
    const old = before.get(file.path)!;
    if (file.path !== "terraform/network.tf") {
      assert.is(body(file.contents), old, `${file.path} changed`);
      continue;
    }
    // exactly two edits: us-east-1f's entry in local.zones (derived from its letter: private block
    // 6, utility block 5), and the nat_zones list
    const zoneD = '    us-east-1d = {\n      nat_zone = "us-east-1d"\n      private  = "10.40.128.0/19"\n      utility  = "10.40.12.0/22"\n    }\n';
    const zoneF = '    us-east-1f = {\n      nat_zone = "us-east-1f"\n      private  = "10.40.192.0/19"\n      utility  = "10.40.20.0/22"\n    }\n';
    const natBefore = 'nat_zones = ["us-east-1a", "us-east-1b", "us-east-1d"]';
    const natAfter = 'nat_zones = ["us-east-1a", "us-east-1b", "us-east-1d", "us-east-1f"]';
    assert.ok(old.includes(zoneD) && old.includes(natBefore), "prod-us-east-1's network.tf has the expected zone list");
    assert.is(body(file.contents), old.replace(zoneD, zoneD + zoneF).replace(natBefore, natAfter));
  }
  const outputsBefore = moduleOf(artifactOf(prod), "terraform").outputs;
  assert.equal(moduleOf(artifactOf(four), "terraform").outputs, outputsBefore, "outputs are per-zone maps: their expressions stay");
});

test.run();
