// out/<stack>/terraform-bootstrap/: the Terraform state bucket of the stack. A root module cannot
// create the bucket its own backend lives in, so this tiny module runs first, once, with local
// state (keep its terraform.tfstate, or `terraform import` the bucket if it is lost). The bucket
// gets the same protections as every other bucket (bucket.ts) but server access logging: the
// access-log bucket is created by ../terraform, after this one (STK-S3-004 says so too). It is
// encrypted with the stack's key when that key already exists (storage.kmsKeyArn); a key the main
// module creates does not exist yet, so with sse-kms this module creates a key of its own for
// the state (rotated, account-administered, alias alias/stackc/<stack>-tfstate, which the
// backend of ../terraform names as kms_key_id). Only encryption: sse-s3 leaves it on SSE-S3.
import { bucketResources } from "./bucket.js";
import { accountAdministration, KMS_DELETION_WINDOW_DAYS, stateKmsAliasName } from "./kms.js";
import { policyDocument } from "./policy-document.js";
import { awsProvider } from "./providers.js";
import type { TfStack } from "./stack.js";
import { data, resource, topBlock, type TfFile, type TfItem, type TfModule } from "./tf/blocks.js";
import { ref, tags, type TfValue } from "./tf/values.js";
import { versionsFile } from "./versions.js";

export const BOOTSTRAP_DIR = "terraform-bootstrap";

/** outputs.tf of a bootstrap module: the state bucket (resource aws_s3_bucket.<name>) the backend of ../terraform names. */
export function stateBucketOutputs(dir: string, name: string): TfFile {
  return {
    path: `${dir}/outputs.tf`,
    summary: "The state bucket, for the backend of ../terraform.",
    items: [
      topBlock("output", ["state_bucket"], { description: "Name of the Terraform state bucket.", value: ref(`aws_s3_bucket.${name}`, "bucket") }),
      topBlock("output", ["state_bucket_arn"], { description: "ARN of the Terraform state bucket.", value: ref(`aws_s3_bucket.${name}`, "arn") }),
    ],
  };
}

export function bootstrapModule(stack: TfStack): TfModule {
  const { model } = stack;
  const dir = BOOTSTRAP_DIR;
  const state = model.buckets.find((b) => b.role === "terraform-state");
  const bucketName = state?.name ?? model.stack.spec.stateStore.terraformBucket;
  const name = "terraform_state";
  const ownKey = model.kms.mode === "create";
  const keyArn: TfValue | undefined = model.kms.mode === "existing" ? model.kms.arn : ownKey ? ref(`aws_kms_key.${name}`, "arn") : undefined;
  const keyItems: TfItem[] = ownKey
    ? [
        policyDocument("kms_terraform_state", [accountAdministration(stack)]),
        resource("aws_kms_key", name, {
          description: `stackc ${stack.stackName}: the Terraform state bucket`,
          enable_key_rotation: model.kms.rotation,
          deletion_window_in_days: KMS_DELETION_WINDOW_DAYS,
          policy: ref("data.aws_iam_policy_document.kms_terraform_state", "json"),
          tags: tags({ Name: `${stack.stackName}-tfstate` }),
        }),
        resource("aws_kms_alias", name, { name: stateKmsAliasName(stack.stackName), target_key_id: ref(`aws_kms_key.${name}`, "key_id") }),
      ]
    : [];
  const files: TfFile[] = [
    versionsFile(dir),
    {
      path: `${dir}/providers.tf`,
      summary: "The AWS provider. No backend: this module keeps its state locally.",
      items: [
        awsProvider(model, model.region),
        ...(ownKey ? [data("aws_caller_identity", "current", {}, { comment: "The account Terraform runs in; the key policy names it." })] : []),
      ],
    },
    {
      path: `${dir}/state-bucket.tf`,
      summary: `The bucket holding the Terraform state of ../terraform (${bucketName}).`,
      items: [
        ...keyItems,
        ...bucketResources({
        name,
        bucketName,
        purpose: `${state?.purpose ?? "Terraform state"}.`,
        meta: { bucketRole: "terraform-state" },
          sse: keyArn !== undefined ? { algorithm: "aws:kms", keyArn } : { algorithm: "AES256" },
          publicRead: false,
          noncurrentDays: state?.noncurrentDays ?? 90,
          accessLogs: undefined,
        }),
      ],
    },
    stateBucketOutputs(dir, name),
  ];
  return { dir, files };
}
