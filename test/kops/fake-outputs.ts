// `terraform output -json` for a stack without a committed fixture (the variant stacks): every
// output the contract (compiler/emit/terraform-outputs.ts) names, with well-formed fake ids
// derived from the stack name, so two stacks never share an id. The example stacks have
// hand-checked fixtures in test/fixtures/bind/ instead.
import { createHash } from "node:crypto";
import type { StackModel } from "../../compiler/index.js";

function hex(seed: string, length: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function entry(type: unknown, value: unknown) {
  return { sensitive: false, type, value };
}

export function fakeTerraformOutputs(model: StackModel): Record<string, { sensitive: boolean; type: unknown; value: unknown }> {
  const id = (prefix: string, seed: string) => `${prefix}-0${hex(`${model.name}/${seed}`, 16)}`;
  const account = model.accountId ?? "123456789012";
  const perZone = (prefix: string, kind: string) => Object.fromEntries(model.zones.map((z) => [z.name, id(prefix, `${kind}/${z.name}`)]));
  const inlinePolicies = model.addons.filter((a) => a.serviceAccount && a.iam && a.iam.statements.length > 0);
  const map = ["map", "string"];
  return {
    bucket_names: entry(map, Object.fromEntries(model.buckets.map((b) => [b.role, b.name]))),
    irsa_policy_arns: entry(map, Object.fromEntries(inlinePolicies.map((a) => [a.key, `arn:aws:iam::${account}:policy/stackc/${model.name}/${a.key}`]))),
    kms_key_arn: entry("string", ""),
    kops_state_store: entry("string", `s3://${model.buckets.find((b) => b.role === "kops-state")!.name}`),
    // like the stack's Terraform: every zone → the NAT its private subnet routes through
    nat_gateway_ids: entry(map, Object.fromEntries(model.zones.map((z) => [z.name, id("nat", `nat/${z.natZone}`)]))),
    private_subnet_ids: entry(map, perZone("subnet", "private")),
    route53_name_servers: entry(["list", "string"], ["ns-1.awsdns-01.org."]),
    route53_zone_id: entry("string", `Z0${hex(`${model.name}/zone`, 19).toUpperCase()}`),
    utility_subnet_ids: entry(map, perZone("subnet", "utility")),
    vpc_cidr_block: entry("string", model.vpcCidr),
    vpc_id: entry("string", id("vpc", "vpc")),
  };
}
