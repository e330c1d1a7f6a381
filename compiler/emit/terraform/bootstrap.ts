// out/<stack>/terraform-bootstrap/: the Terraform state bucket of the stack. A root module cannot
// create the bucket its own backend lives in, so this tiny module runs first, once, with local
// state (keep its terraform.tfstate, or `terraform import` the bucket if it is lost). The bucket
// gets the same protections as every other bucket (bucket.ts). It is encrypted with the stack's
// key only when that key already exists (storage.kmsKeyArn): a key created by the main module
// does not exist yet, so the state bucket then uses SSE-S3.
import { bucketResources } from "./bucket.js";
import { awsProvider } from "./providers.js";
import type { TfStack } from "./stack.js";
import { topBlock, type TfFile, type TfModule } from "./tf/blocks.js";
import { ref } from "./tf/values.js";
import { versionsFile } from "./versions.js";

export const BOOTSTRAP_DIR = "terraform-bootstrap";

export function bootstrapModule(stack: TfStack): TfModule {
  const { model } = stack;
  const dir = BOOTSTRAP_DIR;
  const state = model.buckets.find((b) => b.role === "terraform-state");
  const bucketName = state?.name ?? model.stack.spec.stateStore.terraformBucket;
  const existingKey = model.kms.mode === "existing" ? model.kms.arn : undefined;
  const name = "terraform_state";
  const files: TfFile[] = [
    versionsFile(dir),
    {
      path: `${dir}/providers.tf`,
      summary: "The AWS provider. No backend: this module keeps its state locally.",
      items: [awsProvider(model, model.region)],
    },
    {
      path: `${dir}/state-bucket.tf`,
      summary: `The bucket holding the Terraform state of ../terraform (${bucketName}).`,
      items: bucketResources({
        name,
        bucketName,
        purpose: `${state?.purpose ?? "Terraform state"}.`,
        meta: { bucketRole: "terraform-state" },
        sse: existingKey
          ? { algorithm: "aws:kms", keyArn: existingKey }
          : {
              algorithm: "AES256",
              why: stack.usesKms ? "The stack's KMS key is created by ../terraform, after this bucket, so the state bucket uses SSE-S3." : undefined,
            },
        publicRead: false,
        noncurrentDays: state?.noncurrentDays ?? 90,
        accessLogs: undefined,
      }),
    },
    {
      path: `${dir}/outputs.tf`,
      summary: "The state bucket, for the backend of ../terraform.",
      items: [
        topBlock("output", ["state_bucket"], { description: "Name of the Terraform state bucket.", value: ref(`aws_s3_bucket.${name}`, "bucket") }),
        topBlock("output", ["state_bucket_arn"], { description: "ARN of the Terraform state bucket.", value: ref(`aws_s3_bucket.${name}`, "arn") }),
      ],
    },
  ];
  return { dir, files };
}
