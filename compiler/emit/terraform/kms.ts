// kms.tf: the stack's customer-managed key (storage.encryption sse-kms without kmsKeyArn) with
// yearly rotation and an alias, and one key per replica region whose replicas need SSE-KMS (a
// key cannot leave its region). Key policies give the account full control, so IAM policies
// (IRSA roles, the replication role) grant the use; the VPC flow log delivery service, which has
// no IAM role in the account, is allowed in the key policy when flow logs go to an SSE-KMS bucket.
import { policyDocument, type DocStatement } from "./policy-document.js";
import { replicaAlias, type TfStack } from "./stack.js";
import { resource, type TfFile, type TfResource } from "./tf/blocks.js";
import { flowLogKeyStatement } from "./flow-logs.js";
import { ref, tags, template } from "./tf/values.js";

/** Days a deleted key can still be restored. */
export const KMS_DELETION_WINDOW_DAYS = 30;

/** Resource name of the key in a replica region. */
export function replicaKeyName(region: string): string {
  return replicaAlias(region);
}

export function kmsAliasName(stackName: string, replicaRegion?: string): string {
  return replicaRegion === undefined ? `alias/stackc/${stackName}` : `alias/stackc/${stackName}-replica`;
}

/** Alias of the key terraform-bootstrap creates for the Terraform state bucket. */
export function stateKmsAliasName(stackName: string): string {
  return `alias/stackc/${stackName}-tfstate`;
}

export function accountAdministration(stack: TfStack): DocStatement {
  return {
    sid: "AccountAdministration",
    effect: "Allow",
    actions: ["kms:*"],
    resources: ["*"],
    principals: [{ type: "AWS", identifiers: [stack.accountRoot()] }],
  };
}

/** Regions that need a replica key: some bucket replicates there and is SSE-KMS. */
export function replicaKeyRegions(stack: TfStack): string[] {
  return stack.replicaRegions.filter((region) => stack.buckets.some((b) => b.replicaRegion === region && stack.sseAlgorithm(b) === "aws:kms"));
}

export function kmsResources(stack: TfStack): TfResource[] {
  const { model } = stack;
  const out: TfResource[] = [];
  const rotation = model.kms.rotation;
  if (model.kms.mode === "create") {
    const statements = [accountAdministration(stack)];
    const flowLogs = stack.flowLogsBucket;
    if (flowLogs && stack.sseAlgorithm(flowLogs) === "aws:kms") {
      const account = stack.accountId();
      statements.push(flowLogKeyStatement(account, template(`arn:${stack.partition}:logs:${model.region}:`, account, ":*")));
    }
    out.push(
      policyDocument("kms", statements),
      resource("aws_kms_key", "this", {
        description: `stackc ${stack.stackName}: the stack's buckets`,
        enable_key_rotation: rotation,
        deletion_window_in_days: KMS_DELETION_WINDOW_DAYS,
        policy: ref("data.aws_iam_policy_document.kms", "json"),
        tags: tags({ Name: stack.stackName }),
      }),
      resource("aws_kms_alias", "this", { name: kmsAliasName(stack.stackName), target_key_id: ref("aws_kms_key.this", "key_id") }),
    );
  }
  const regions = replicaKeyRegions(stack);
  if (regions.length > 0) out.push(policyDocument("kms_replica", [accountAdministration(stack)]));
  for (const region of regions) {
    const name = replicaKeyName(region);
    const provider = `aws.${replicaAlias(region)}`;
    out.push(
      resource(
        "aws_kms_key",
        name,
        {
          description: `stackc ${stack.stackName}: bucket replicas in ${region}`,
          enable_key_rotation: rotation,
          deletion_window_in_days: KMS_DELETION_WINDOW_DAYS,
          policy: ref("data.aws_iam_policy_document.kms_replica", "json"),
          tags: tags({ Name: `${stack.stackName}-replica` }),
        },
        { provider },
      ),
      resource(
        "aws_kms_alias",
        name,
        { name: kmsAliasName(stack.stackName, region), target_key_id: ref(`aws_kms_key.${name}`, "key_id") },
        { provider },
      ),
    );
  }
  return out;
}

export function kmsFile(dir: string, stack: TfStack): TfFile | undefined {
  const items = kmsResources(stack);
  if (items.length === 0) return undefined;
  return { path: `${dir}/kms.tf`, summary: "KMS keys for the stack's buckets, rotated yearly.", items };
}
