// IAM for the AWS EBS CSI driver (chart 2.64.0, app 1.64.0), only when Helm installs it (kops
// `cloudConfig.awsEBSCSIDriver.managed: false`); otherwise kops grants its own driver permissions.
//
// Provenance: kubernetes-sigs/aws-ebs-csi-driver, docs/install.md, section "Set up driver
// permission", read 2026-11-21 at commit d338fca13c2b1e5554529a82426b8f93f7e8c6b5 (the index did not
// serve the file at the pinned tag helm-chart-aws-ebs-csi-driver-2.64.0 / 9767d852): "AWS maintains
// a managed policy, available at ARN arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy".
// No inline statements: the controller's service account gets the managed policy via kops
// `serviceAccountExternalPermissions[].aws.policyARNs`, so AWS keeps it current with the driver.
//
// Partition: the ARN is written as upstream writes it and rewritten per partition (aws-cn →
// `arn:aws-cn:iam::aws:policy/…`, aws-us-gov → `arn:aws-us-gov:…`); AWS publishes its managed
// policies under the same path in every partition.
//
// Encrypted volumes with a customer-managed KMS key need the extra kms statement upstream shows
// (kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext, kms:CreateGrant); the AWS-managed `aws/ebs`
// key needs nothing more. stackc's default storage class uses the AWS-managed key.
import type { IamStatement } from "../../catalog/iam-types.js";
import { inPartition, type IamContext, type Provenance } from "./context.js";

export const AWS_EBS_CSI_DRIVER_PROVENANCE: Provenance = {
  repo: "kubernetes-sigs/aws-ebs-csi-driver",
  path: "docs/install.md",
  ref: "helm-chart-aws-ebs-csi-driver-2.64.0",
  commit: "d338fca13c2b1e5554529a82426b8f93f7e8c6b5",
  read: "2026-11-21",
  notes: "doc at the pinned tag not readable in the index; managed policy ARN unchanged across the versions read",
};

/** The managed policy as docs/install.md writes it (aws partition). */
export const AMAZON_EBS_CSI_DRIVER_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy";

export function awsEbsCsiDriverManagedPolicyArns(ctx: IamContext): string[] {
  return [inPartition(AMAZON_EBS_CSI_DRIVER_POLICY_ARN, ctx)];
}

export function awsEbsCsiDriverStatements(_ctx: IamContext): IamStatement[] {
  return [];
}
