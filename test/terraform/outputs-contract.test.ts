// outputs.tf implements exactly the contract of compiler/emit/terraform-outputs.ts (the kops
// template and `stackc bind` read these names): checked on the parsed HCL itself, not only on the
// artifact, and the map outputs are keyed by zone / bucket role / add-on key.
import { emitContext } from "../../compiler/emit/context.js";
import { parse } from "@cdktf/hcl2json";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { terraformEmitter } from "../../compiler/emit/terraform/emitter.js";
import { terraformOutputs } from "../../compiler/emit/terraform-outputs.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";
import { artifactOf, moduleOf } from "./artifact-queries.js";

type OutputJson = { output: Record<string, [{ description: string; value: unknown }]> };

async function parsedOutputs(name: string): Promise<OutputJson["output"]> {
  const files = terraformEmitter.emit(await exampleModel(name), emitContext()).files;
  const file = files.find((f) => f.path === "terraform/outputs.tf");
  assert.ok(file, "terraform/outputs.tf exists");
  const json = (await parse("outputs.tf", file!.contents)) as OutputJson;
  return json.output;
}

test("outputs.tf declares exactly the contract's outputs, in its order, each with a description", async () => {
  for (const model of await exampleModels()) {
    const outputs = await parsedOutputs(model.name);
    assert.equal(Object.keys(outputs).sort(), Object.values(terraformOutputs).sort(), model.name);
    assert.equal(moduleOf(artifactOf(model), "terraform").outputs.map((o) => o.name), Object.values(terraformOutputs));
    for (const [name, [block]] of Object.entries(outputs)) assert.ok(block.description.length > 10, `${name} needs a description`);
  }
});

test("output values point at the resources the contract names", async () => {
  const outputs = await parsedOutputs("prod-eu-west-1");
  const value = (name: string) => outputs[name]![0].value;
  assert.is(value("vpc_id"), "${aws_vpc.this.id}");
  assert.is(value("vpc_cidr_block"), "${aws_vpc.this.cidr_block}");
  assert.is(value("private_subnet_ids"), "${{ for zone, subnet in aws_subnet.private : zone => subnet.id }}");
  assert.is(value("utility_subnet_ids"), "${{ for zone, subnet in aws_subnet.utility : zone => subnet.id }}");
  // keyed by every zone: its own NAT, or the single NAT
  assert.is(value("nat_gateway_ids"), "${{ for zone, z in local.zones : zone => aws_nat_gateway.this[z.nat_zone].id }}");
  assert.is(value("route53_zone_id"), "${aws_route53_zone.cluster.zone_id}");
  assert.is(value("route53_name_servers"), "${aws_route53_zone.cluster.name_servers}");
  assert.is(value("kops_state_store"), "s3://${aws_s3_bucket.kops_state.bucket}");
  assert.is(value("kms_key_arn"), "${aws_kms_key.this.arn}");
  assert.equal(value("bucket_names"), {
    "kops-state": "${aws_s3_bucket.kops_state.bucket}",
    "terraform-state": "acme-prod-euw1-tfstate",
    oidc: "${aws_s3_bucket.oidc.bucket}",
    "flow-logs": "${aws_s3_bucket.flow_logs.bucket}",
    velero: "${aws_s3_bucket.velero.bucket}",
    loki: "${aws_s3_bucket.loki.bucket}",
    "access-logs": "${aws_s3_bucket.access_logs.bucket}",
  });
});

test("irsa_policy_arns has one entry per add-on with inline statements, keyed by add-on key; kms_key_arn is empty without KMS", async () => {
  for (const model of await exampleModels()) {
    const outputs = await parsedOutputs(model.name);
    const arns = outputs.irsa_policy_arns![0].value as Record<string, string>;
    const expected = model.addons.filter((a) => (a.iam?.statements.length ?? 0) > 0).map((a) => a.key);
    // hcl2json returns object keys sorted (Go maps); the emitted order is model order
    assert.equal(Object.keys(arns).sort(), [...expected].sort(), model.name);
    for (const [key, ref] of Object.entries(arns)) assert.match(ref, /^\$\{aws_iam_policy\.irsa_[a-z_]+\.arn\}$/, key);
    assert.is(outputs.kms_key_arn![0].value === "", model.kms.mode === "none", model.name);
  }
});

test.run();
