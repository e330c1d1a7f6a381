// backend.tf: remote state in the bucket terraform-bootstrap creates, one key per stack, locked
// with an S3 lock file (`use_lockfile`, Terraform >= 1.11) instead of the deprecated DynamoDB
// table. Backend blocks accept no expressions, so every value is a literal.
import { labeled, topBlock, type TfFile } from "./tf/blocks.js";
import { stateKmsAliasName } from "./kms.js";
import type { TfStack } from "./stack.js";

export function stateKey(stackName: string): string {
  return `stacks/${stackName}/terraform.tfstate`;
}

export function backendFile(dir: string, stack: TfStack): TfFile {
  const { model } = stack;
  const stateBucket = model.stack.spec.stateStore.terraformBucket;
  return {
    path: `${dir}/backend.tf`,
    summary: `State in s3://${stateBucket}/${stateKey(model.name)} (created by ../terraform-bootstrap).`,
    items: [
      topBlock("terraform", [], {
        backend: labeled(["s3"], {
          bucket: stateBucket,
          key: stateKey(model.name),
          region: model.region,
          encrypt: true,
          // the state bucket's key (see terraform-bootstrap): the stack's existing key, or the one
          // the bootstrap module creates, by alias (a backend block takes no expressions). Without
          // it, `encrypt = true` would write the state with SSE-S3 whatever the bucket's default.
          kms_key_id: model.kms.mode === "existing" ? model.kms.arn : model.kms.mode === "create" ? stateKmsAliasName(model.name) : undefined,
          use_lockfile: true,
        }),
      }),
    ],
  };
}
