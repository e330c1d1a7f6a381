// versions.tf: the Terraform and provider versions every generated module needs. Terraform
// 1.11 is the first with S3 state locking (`use_lockfile`) generally available; the aws
// provider floor is the version the output is validated against (5.100.0), and everything
// emitted avoids v6-only arguments and v5 deprecations, so v6 works too.
import { nested, topBlock, type TfFile } from "./tf/blocks.js";

export const TERRAFORM_REQUIRED_VERSION = ">= 1.11.0";
export const AWS_PROVIDER_SOURCE = "hashicorp/aws";
export const AWS_PROVIDER_VERSION = ">= 5.100.0, < 7.0.0";

export function versionsFile(dir: string): TfFile {
  return {
    path: `${dir}/versions.tf`,
    summary: "Terraform and provider versions.",
    items: [
      topBlock("terraform", [], {
        required_version: TERRAFORM_REQUIRED_VERSION,
        required_providers: nested({ aws: { source: AWS_PROVIDER_SOURCE, version: AWS_PROVIDER_VERSION } }),
      }),
    ],
  };
}
