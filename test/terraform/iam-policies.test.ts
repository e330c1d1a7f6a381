// iam.tf: one policy document + aws_iam_policy per add-on with inline IRSA statements, with the
// symbolic resources resolved to references to what the module creates, and the KMS permission
// added where an add-on reads or writes a KMS-encrypted stack bucket.
import { emitContext } from "../../compiler/emit/context.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { ArtifactValue } from "../../compiler/emit/terraform/tf/artifact.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";
import { artifactOf, instanceAt, instances, moduleOf } from "./artifact-queries.js";

type Statement = { sid: string; effect: string; actions: string[]; resources: ArtifactValue[]; condition?: unknown[] };

function statementsOf(name: string, stack: Awaited<ReturnType<typeof exampleModel>>): Statement[] {
  const root = moduleOf(artifactOf(stack), "terraform");
  return instanceAt(root, `data.aws_iam_policy_document.${name}`).attributes.statement as unknown as Statement[];
}

test("one aws_iam_policy per add-on with inline statements, named after the stack and release", async () => {
  for (const model of await exampleModels()) {
    const root = moduleOf(artifactOf(model), "terraform");
    const policies = instances(root, "aws_iam_policy");
    const withStatements = model.addons.filter((a) => (a.iam?.statements.length ?? 0) > 0);
    assert.equal(policies.map((p) => p.attributes.name), withStatements.map((a) => `${model.name}-${a.info.release}`), model.name);
    for (const p of policies) assert.match(JSON.stringify(p.attributes.policy), /data\.aws_iam_policy_document\.irsa_/);
  }
});

test("statements keep the add-on's sids, actions and conditions; symbolic resources become references", async () => {
  const model = await exampleModel("prod-eu-west-1");
  const velero = statementsOf("irsa_velero", model);
  const source = model.addons.find((a) => a.key === "velero")!.iam!.statements;
  assert.equal(velero.slice(0, source.length).map((s) => [s.sid, s.effect, s.actions]), source.map((s) => [s.sid, s.effect, s.actions]));
  const resources = JSON.stringify(velero.map((s) => s.resources));
  assert.ok(resources.includes('"$template":"${aws_s3_bucket.velero.arn}/*"'), "bucket-objects → ${arn}/*");
  assert.ok(resources.includes('"$ref":"aws_s3_bucket.velero.arn"'), "bucket → arn");
  assert.not.ok(resources.includes('"ref":"bucket'), "no symbolic ref left");
  const externalDns = statementsOf("irsa_external_dns", model);
  assert.equal(externalDns[0]!.resources, [{ $ref: "aws_route53_zone.cluster.arn", address: "aws_route53_zone.cluster", attribute: "arn" }]);
  const autoscaler = statementsOf("irsa_cluster_autoscaler", model);
  assert.equal(autoscaler[1]!.condition, [
    { test: "StringEquals", variable: `aws:ResourceTag/k8s.io/cluster-autoscaler/${model.clusterName}`, values: ["owned"] },
  ]);
});

test("add-ons using a KMS-encrypted bucket may use the stack key; others, and SSE-S3 stacks, get no KMS statement", async () => {
  const prod = await exampleModel("prod-eu-west-1");
  for (const name of ["irsa_velero", "irsa_loki"]) {
    const kms = statementsOf(name, prod).find((s) => s.sid === "UseStackKmsKeyForBuckets");
    assert.ok(kms, `${name} needs the key`);
    assert.equal(kms!.actions, ["kms:Decrypt", "kms:GenerateDataKey"]);
    assert.equal(kms!.resources, [{ $ref: "aws_kms_key.this.arn", address: "aws_kms_key.this", attribute: "arn" }]);
  }
  assert.not.ok(statementsOf("irsa_external_dns", prod).some((s) => s.sid === "UseStackKmsKeyForBuckets"));
  const sseS3 = structuredClone(prod);
  sseS3.kms = { mode: "none", rotation: false };
  assert.not.ok(statementsOf("irsa_velero", sseS3).some((s) => s.sid === "UseStackKmsKeyForBuckets"));
});

test("a statement naming a bucket the stack lacks is an STK-EMIT-001 diagnostic, not a broken module", async () => {
  const model = structuredClone(await exampleModel("prod-eu-west-1"));
  model.buckets = model.buckets.filter((b) => b.role !== "loki");
  const { terraformEmitter } = await import("../../compiler/emit/terraform/emitter.js");
  const output = terraformEmitter.emit(model, { ...emitContext(), stackcVersion: "test" });
  assert.equal(output.diagnostics?.map((d) => [d.code, d.pointer]), [["STK-EMIT-001", "/spec/addons/loki"]]);
  assert.not.ok(output.files.some((f) => f.contents.includes("irsa_loki")), "the add-on's policy is left out");
});

test.run();
