// IAM policy statements that add-ons need (IRSA). They are data, rendered by the Terraform
// emitter into `data "aws_iam_policy_document"` + `aws_iam_policy`, and attached to the
// add-on's service account by the kops emitter (`serviceAccountExternalPermissions`).

/**
 * A resource in a statement: a literal ARN (may contain `*`), or a symbolic reference to
 * something the stack's Terraform creates, resolved by the Terraform emitter:
 * - `{ ref: "route53-zone" }`            the ARN of the stack's hosted zone
 * - `{ ref: "bucket", bucket: "velero" }` the ARN of a stack bucket (by role: see BucketRole)
 * - `{ ref: "bucket-objects", bucket: "velero" }` `<bucket arn>/*`
 */
export type IamResource =
  | string
  | { ref: "route53-zone" }
  | { ref: "bucket" | "bucket-objects"; bucket: BucketRole };

/** Buckets a stack can own; names come from the manifest. */
export type BucketRole = "kops-state" | "terraform-state" | "oidc" | "velero" | "flow-logs" | "access-logs" | "loki";

export interface IamCondition {
  /** e.g. "StringEquals", "StringLike" */
  test: string;
  /** e.g. "aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster}" — `${cluster}` is replaced by the cluster name */
  variable: string;
  values: string[];
}

export interface IamStatement {
  /** Statement id: letters and digits only (AWS requirement). */
  sid: string;
  effect: "Allow" | "Deny";
  actions: string[];
  resources: IamResource[];
  conditions?: IamCondition[];
}
