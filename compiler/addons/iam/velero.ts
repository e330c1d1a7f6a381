// IAM for Velero (chart 12.1.0, app 1.18.1) with velero-plugin-for-aws v1.14 (S3 object store and
// EBS volume snapshotter), backups in the stack's `velero` bucket.
//
// Provenance: vmware-tanzu/velero-plugin-for-aws, README.md, section "Set permissions for Velero",
// read 2026-11-21 at commit 682678f67adb96013af165ae972381831a72e61c (the v1.9-era README the index
// served; the README at the pinned snapshot 800bcfb1 was not readable), and stackc's
// reference/terraform.md §2, which lists the same three statements. Upstream writes the bucket as
// `arn:aws:s3:::${BUCKET}` and `arn:aws:s3:::${BUCKET}/*`; here they are refs to the bucket the
// stack's Terraform creates. Later READMEs add `s3:PutObjectTagging` to the object statement, noted
// as "only needed if you make use of the config.tagging field in the BackupStorageLocation spec";
// stackc does not set config.tagging, so it is left out.
//
// Actions are sorted (stackc's rule for every add-on but the load-balancer controller); the set
// is upstream's exactly.
import type { IamStatement } from "../../catalog/iam-types.js";
import type { IamContext, Provenance } from "./context.js";

export const VELERO_PROVENANCE: Provenance = {
  repo: "vmware-tanzu/velero-plugin-for-aws",
  path: "README.md",
  ref: "v1.14.x (plugin for Velero 1.18, chart velero-12.1.0)",
  commit: "682678f67adb96013af165ae972381831a72e61c",
  read: "2026-11-21",
  notes: "README at the pinned snapshot not readable in the index; statements equal reference/terraform.md §2; s3:PutObjectTagging omitted (config.tagging unused)",
};

export function veleroStatements(_ctx: IamContext): IamStatement[] {
  return [
    {
      sid: "EbsSnapshots",
      effect: "Allow",
      actions: [
        "ec2:CreateSnapshot",
        "ec2:CreateTags",
        "ec2:CreateVolume",
        "ec2:DeleteSnapshot",
        "ec2:DescribeSnapshots",
        "ec2:DescribeVolumes",
      ],
      resources: ["*"],
    },
    {
      sid: "BackupObjects",
      effect: "Allow",
      actions: [
        "s3:AbortMultipartUpload",
        "s3:DeleteObject",
        "s3:GetObject",
        "s3:ListMultipartUploadParts",
        "s3:PutObject",
      ],
      resources: [{ ref: "bucket-objects", bucket: "velero" }],
    },
    {
      sid: "BackupBucket",
      effect: "Allow",
      actions: ["s3:ListBucket"],
      resources: [{ ref: "bucket", bucket: "velero" }],
    },
  ];
}
