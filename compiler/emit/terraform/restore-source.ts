// Blue/green (spec.replaces): what this stack's Terraform knows of the stack it replaces. Its
// Velero bucket name and region come from its manifest; the ARN of the KMS key its buckets are
// encrypted with exists only in its own Terraform state, so it is read from there
// (terraform_remote_state on the replaced stack's backend), never copied by hand.
import type { StackModel } from "../../model/model.js";
import { stateKey } from "./backend.js";
import type { TfStack } from "./stack.js";
import { data, type TfItem } from "./tf/blocks.js";
import { ref, type TfRef } from "./tf/values.js";

export interface RestoreSource {
  stack: string;
  bucket: string;
  region: string;
  /** The bucket is encrypted with the replaced stack's KMS key (created by it, or given). */
  kms: boolean;
  /** The replaced stack's Terraform state (its backend.tf). */
  state: { bucket: string; key: string; region: string };
}

export function restoreSource(model: StackModel): RestoreSource | undefined {
  const old = model.replaces;
  const bucket = old?.buckets.find((b) => b.role === "velero");
  if (!old || !bucket) return undefined;
  return {
    stack: old.name,
    bucket: bucket.name,
    region: old.region,
    kms: old.kms.mode !== "none",
    state: { bucket: old.stack.spec.stateStore.terraformBucket, key: stateKey(old.name), region: old.region },
  };
}

const REMOTE = "data.terraform_remote_state.restore_source";

export function restoreSourceKmsKeyArn(): TfRef {
  return ref(`${REMOTE}.outputs.kms_key_arn`);
}

/** The remote state data source, when a statement needs the replaced stack's key. */
export function restoreSourceItems(stack: TfStack): TfItem[] {
  const source = restoreSource(stack.model);
  if (!source?.kms) return [];
  return [
    data(
      "terraform_remote_state",
      "restore_source",
      { backend: "s3", config: { bucket: source.state.bucket, key: source.state.key, region: source.state.region } },
      { comment: `The stack this one replaces, ${source.stack}: the KMS key of its backup bucket, read from its own Terraform state.` },
    ),
  ];
}
