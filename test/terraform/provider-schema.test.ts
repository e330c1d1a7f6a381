// The provider-schema check (provider-schema.ts) runs without terraform: every emitted .tf of
// every example stack must match the aws 5.100.0 schema exactly, and planted mistakes — built
// through the real typed layer and printer, one at a time — must each be reported, alone.
import { parse } from "@cdktf/hcl2json";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { terraformModules } from "../../compiler/emit/terraform/emitter.js";
import { addressOf, nested, resource, TfBlocks, type TfBody, type TfFile, type TfItem, type TfModule } from "../../compiler/emit/terraform/tf/blocks.js";
import { renderFile } from "../../compiler/emit/terraform/tf/render.js";
import { exampleModel, exampleModels, exampleNetworks } from "../helpers/stacks.js";
import { networkBootstrapModule, networkRootModule } from "../../compiler/emit/network/terraform.js";
import { awsProviderSchema, checkAgainstSchema, formatProblems, type HclJson, type SchemaProblem } from "./provider-schema.js";

async function checkFile(tfFile: TfFile): Promise<{ problems: SchemaProblem[]; json: HclJson }> {
  const json = (await parse(tfFile.path, renderFile(tfFile, "test"))) as HclJson;
  return { problems: checkAgainstSchema(tfFile.path, json), json };
}

function countBlocks(json: HclJson, kind: "resource" | "data"): number {
  const byType = (json[kind] ?? {}) as Record<string, Record<string, unknown[]>>;
  return Object.values(byType).reduce((n, byName) => n + Object.values(byName).reduce((m, bodies) => m + bodies.length, 0), 0);
}

test("every emitted .tf of every example stack and network matches the aws 5.100.0 provider schema", async () => {
  const models = await exampleModels();
  assert.ok(models.length >= 8);
  const networks = await exampleNetworks();
  assert.ok(networks.length >= 2);
  const units = [...models.map((m) => ({ name: m.name, modules: terraformModules(m).modules })), ...networks.map((n) => ({ name: n.name, modules: [networkRootModule(n), networkBootstrapModule(n)] }))];
  for (const model of units) {
    const { modules } = model;
    for (const module of modules) {
      let blocks = 0;
      let expected = 0;
      for (const tfFile of module.files) {
        const { problems, json } = await checkFile(tfFile);
        assert.equal(problems, [], `${model.name}:\n${formatProblems(problems)}`);
        blocks += countBlocks(json, "resource") + countBlocks(json, "data");
        expected += tfFile.items.filter((i) => i.kind === "resource").length;
      }
      // the check saw every resource and data source the emitter built (none hidden from it)
      assert.is(blocks, expected, `${model.name}/${module.dir}: parsed ${blocks} of ${expected} resources`);
      assert.ok(blocks > 0);
    }
  }
});

/** prod's root module with one resource's body (or the whole item) replaced. */
async function plant(address: string, change: (body: TfBody) => TfBody): Promise<SchemaProblem[]> {
  const { modules } = terraformModules(await exampleModel("prod-eu-west-1"));
  const root = modules[0] as TfModule;
  for (const tfFile of root.files) {
    const index = tfFile.items.findIndex((i) => i.kind === "resource" && addressOf(i) === address);
    if (index < 0) continue;
    const item = tfFile.items[index] as Extract<TfItem, { kind: "resource" }>;
    const items = [...tfFile.items];
    items[index] = { ...item, body: change(item.body) };
    return (await checkFile({ ...tfFile, items })).problems;
  }
  throw new Error(`no ${address} in prod`);
}

function without(body: TfBody, key: string): TfBody {
  const { [key]: _dropped, ...rest } = body;
  return rest;
}

function assertOnly(problems: SchemaProblem[], path: string, message: RegExp): void {
  assert.is(problems.length, 1, `expected exactly one problem, got:\n${formatProblems(problems)}`);
  assert.is(problems[0]!.path, path);
  assert.match(problems[0]!.message, message);
}

test("catches a planted unknown argument", async () => {
  assertOnly(await plant("aws_vpc.this", (b) => ({ ...b, colour: "blue" })), "colour", /unknown argument or block "colour"/);
});

test("catches a missing required argument", async () => {
  assertOnly(await plant("aws_nat_gateway.this", (b) => without(b, "subnet_id")), "subnet_id", /missing required argument "subnet_id"/);
});

test("catches a deprecated argument (aws_eip.vpc, the v4 spelling of domain)", async () => {
  assertOnly(await plant("aws_eip.nat", (b) => ({ ...without(b, "domain"), vpc: true })), "vpc", /deprecated/);
});

test("catches a deprecated block (inline versioning on aws_s3_bucket)", async () => {
  assertOnly(await plant("aws_s3_bucket.kops_state", (b) => ({ ...b, versioning: nested({ enabled: true }) })), "versioning", /block is deprecated/);
});

test("catches a literal of the wrong type", async () => {
  assertOnly(await plant("aws_vpc.this", (b) => ({ ...b, enable_dns_support: "yes" })), "enable_dns_support", /expected bool/);
});

test("catches an argument only the provider computes", async () => {
  assertOnly(await plant("aws_s3_bucket.velero", (b) => ({ ...b, arn: "arn:aws:s3:::x" })), "arn", /computed/);
});

test("catches a missing required block and too many blocks", async () => {
  assertOnly(
    await plant("aws_s3_bucket_versioning.velero", (b) => without(b, "versioning_configuration")),
    "versioning_configuration",
    /missing required block/,
  );
  const twice = await plant("aws_s3_bucket_ownership_controls.velero", (b) => {
    const rule = b.rule as TfBlocks;
    return { ...b, rule: new TfBlocks([...rule.items, ...rule.items]) };
  });
  assertOnly(twice, "rule", /at most 1 block/);
});

test("catches an unknown argument inside a nested block and an unknown resource type", async () => {
  assertOnly(
    await plant("aws_s3_bucket_lifecycle_configuration.velero", (b) => ({ ...b, rule: nested({ id: "x", status: "Enabled", filter: nested({ prefixx: "a/" }) }) })),
    "rule[0].filter[0].prefixx",
    /unknown argument/,
  );
  const json = (await parse("x.tf", renderFile({ path: "x.tf", summary: "", items: [resource("aws_s3_buckett", "x", { bucket: "x" })] }, "test"))) as HclJson;
  const problems = checkAgainstSchema("x.tf", json);
  assert.is(problems.length, 1);
  assert.match(problems[0]!.message, /unknown resource type aws_s3_buckett/);
});

test("checks provider blocks too", async () => {
  const src = 'provider "aws" {\n  regoin = "eu-west-1"\n}\n';
  const problems = checkAgainstSchema("providers.tf", (await parse("providers.tf", src)) as HclJson);
  assert.is(problems.length, 1);
  assert.match(problems[0]!.message, /unknown argument or block "regoin"/);
});

test("the schema dump is the 5.100.0 aws provider with the resources stackc uses", () => {
  const schema = awsProviderSchema();
  for (const type of ["aws_vpc", "aws_subnet", "aws_nat_gateway", "aws_s3_bucket_lifecycle_configuration", "aws_flow_log", "aws_kms_key"]) {
    assert.ok(schema.resource_schemas[type], type);
  }
  assert.ok(schema.resource_schemas.aws_eip?.block.attributes?.vpc?.deprecated, "aws_eip.vpc is deprecated in this dump");
});

test.run();
