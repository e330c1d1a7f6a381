// What bin/down destroys and keeps in the Terraform root module (lifecycle/keep.ts): every bucket
// with everything it depends on is kept, the network and IAM go, and no destroyed resource is one
// a kept resource depends on (Terraform would destroy the kept one with it).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { planFor, teardownPlan } from "../../compiler/emit/lifecycle/keep.js";
import { terraformModules } from "../../compiler/emit/terraform/emitter.js";
import { moduleArtifact, type ArtifactValue, type ModuleArtifact, type ResourceArtifact } from "../../compiler/emit/terraform/tf/artifact.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";

function refsOf(value: ArtifactValue | undefined, into: Set<string>): Set<string> {
  if (value === null || typeof value !== "object") return into;
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, into));
  else {
    if (typeof value.address === "string") into.add(value.address.replace(/\[.*$/, ""));
    Object.values(value).forEach((v) => refsOf(v, into));
  }
  return into;
}

test("every example stack: buckets and their keys kept, network and IAM destroyed, nothing kept depends on a destroyed resource", async () => {
  for (const model of await exampleModels()) {
    const root = moduleArtifact(terraformModules(model).modules.find((m) => m.dir === "terraform")!);
    const plan = teardownPlan(model);
    const managed = root.resources.filter((r) => r.mode === "managed").map((r) => r.address);
    assert.equal([...plan.keep, ...plan.destroy].sort(), [...managed].sort(), model.name);
    for (const r of root.resources) {
      if (r.mode === "managed" && r.meta.bucketRole !== undefined) assert.ok(plan.keep.includes(r.address), `${model.name}: ${r.address} kept`);
    }
    // a stack in a shared network destroys only what it added to the network: its private
    // subnets, routes and tags (the VPC, NAT gateways and utility subnets are the network's)
    const network = model.network
      ? ["aws_subnet.private", "aws_route_table.private", "aws_route.private_default", "aws_ec2_tag.utility_cluster"]
      : ["aws_vpc.this", "aws_nat_gateway.this", "aws_subnet.private", "aws_subnet.utility", "aws_internet_gateway.this"];
    for (const gone of network) {
      assert.ok(plan.destroy.includes(gone), `${model.name}: ${gone} destroyed`);
    }
    if (model.network) for (const never of ["aws_vpc.this", "aws_nat_gateway.this"]) assert.not.ok(managed.includes(never), `${model.name}: ${never}`);
    if (root.resources.some((r) => r.address === "aws_kms_key.this")) {
      assert.ok(plan.keep.includes("aws_kms_key.this") && plan.keep.includes("aws_kms_alias.this"), model.name);
    }
    // closure, checked independently: walk each kept resource's references through data sources
    const byAddress = new Map(root.resources.map((r) => [r.address, r]));
    const destroyed = new Set(plan.destroy);
    for (const address of plan.keep) {
      const seen = new Set<string>();
      const walk = (r: ResourceArtifact) => {
        const refs = new Set<string>(r.dependsOn.map((d) => d.replace(/\[.*$/, "")));
        for (const i of r.instances) refsOf(i.attributes, refs);
        for (const ref of refs) {
          assert.not.ok(destroyed.has(ref), `${model.name}: kept ${address} depends on destroyed ${ref}`);
          const next = byAddress.get(ref);
          if (next && !seen.has(ref)) (seen.add(ref), walk(next));
        }
      };
      walk(byAddress.get(address)!);
    }
  }
});

test("a private zone is destroyed with the VPC; a public one is kept (its delegation stays valid)", async () => {
  const staging = await exampleModel("staging-eu-west-1");
  assert.ok(teardownPlan(staging).destroy.includes("aws_route53_zone.cluster"));
  const publicZone = { ...staging, stack: { ...staging.stack, spec: { ...staging.stack.spec, dns: { ...staging.stack.spec.dns, type: "public" as const } } } };
  assert.ok(teardownPlan(publicZone).keep.includes("aws_route53_zone.cluster"));
});

test("planFor: dependencies of kept resources are kept, dependents are not", () => {
  const resource = (address: string, attributes: Record<string, ArtifactValue>, meta: ResourceArtifact["meta"] = {}, mode: "managed" | "data" = "managed"): ResourceArtifact => {
    const [type, name] = address.replace(/^data\./, "").split(".") as [string, string];
    return { mode, type, name, address, file: "terraform/x.tf", provider: "aws", forEach: null, dependsOn: [], meta, instances: [{ key: null, address, attributes }] };
  };
  const ref = (address: string) => ({ $ref: `${address}.arn`, address, attribute: "arn" });
  const module = {
    resources: [
      resource("aws_iam_role.replication", {}),
      resource("data.aws_iam_policy_document.key", { principal: ref("aws_iam_role.replication") }, {}, "data"),
      resource("aws_kms_key.this", { policy: { $ref: "data.aws_iam_policy_document.key.json", address: "data.aws_iam_policy_document.key" } }),
      resource("aws_kms_alias.this", { target_key_id: ref("aws_kms_key.this") }),
      resource("aws_s3_bucket.velero", {}, { bucketRole: "velero" }),
      resource("aws_s3_bucket_server_side_encryption_configuration.velero", { bucket: ref("aws_s3_bucket.velero"), key: ref("aws_kms_key.this") }, { bucketRole: "velero" }),
      resource("aws_iam_policy.irsa_velero", { policy: { $template: "${aws_s3_bucket.velero.arn}/*", refs: [ref("aws_s3_bucket.velero")] } }),
      resource("aws_vpc.this", {}),
      resource("aws_subnet.private", { vpc_id: { $expr: "aws_vpc.this.id" } }),
    ],
  } as unknown as ModuleArtifact;
  assert.equal(planFor(module, false), {
    destroy: ["aws_iam_policy.irsa_velero", "aws_vpc.this", "aws_subnet.private"],
    keep: ["aws_iam_role.replication", "aws_kms_key.this", "aws_kms_alias.this", "aws_s3_bucket.velero", "aws_s3_bucket_server_side_encryption_configuration.velero"],
  });
});

test.run();
