// IAM for Loki (grafana-community chart 18.11.0, app 3.7.6) storing chunks, ruler and admin data
// in the stack's `loki` bucket (loki.storage.type: s3; all bucketNames point at that bucket).
//
// Provenance: grafana/loki, docs/sources/setup/install/helm/deployment-guides/aws.md, the
// `loki-s3-policy.json` step ("Defining IAM roles and policies"), read 2026-11-21 at commit
// 053bfa2e402efe4afd726771d3c7e631c2ff4c92 (the version the index served; the guide is not
// versioned with the chart). The OSS chart moved to grafana-community/helm-charts; the IAM guidance stays in grafana/loki.
// Upstream's single statement "LokiStorage" grants s3:ListBucket, s3:PutObject, s3:GetObject and
// s3:DeleteObject on both `arn:aws:s3:::<bucket>` and `arn:aws:s3:::<bucket>/*`.
//
// We split it by resource type, which grants exactly the same effective permissions
// (s3:ListBucket applies only to buckets, the object actions only to objects) and reads as what
// it is. s3:DeleteObject stays: the compactor deletes chunks when retention is enabled.
import type { IamStatement } from "../../catalog/iam-types.js";
import type { IamContext, Provenance } from "./context.js";

export const LOKI_PROVENANCE: Provenance = {
  repo: "grafana/loki",
  path: "docs/sources/setup/install/helm/deployment-guides/aws.md",
  ref: "loki-18.11.0 (app 3.7.6)",
  commit: "053bfa2e402efe4afd726771d3c7e631c2ff4c92",
  read: "2026-11-21",
  notes: "upstream's one statement split into bucket and object statements (same effective permissions)",
};

export function lokiStatements(_ctx: IamContext): IamStatement[] {
  return [
    {
      sid: "ListLokiBucket",
      effect: "Allow",
      actions: ["s3:ListBucket"],
      resources: [{ ref: "bucket", bucket: "loki" }],
    },
    {
      sid: "ReadWriteLokiObjects",
      effect: "Allow",
      actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
      resources: [{ ref: "bucket-objects", bucket: "loki" }],
    },
  ];
}
