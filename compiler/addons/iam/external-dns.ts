// IAM for external-dns (chart 1.21.1, app 0.21.0) with the aws provider, restricted to the
// stack's hosted zone.
//
// Provenance: kubernetes-sigs/external-dns, docs/tutorials/aws.md, section "IAM Policy", read
// 2026-11-21 at commit 76f7a66333833fdbad0d2f927430d96a27561c4c (the version the index served; the
// file at the pinned tag external-dns-helm-chart-1.21.1 / 9f264513 was not readable). Upstream's
// policy: route53:ChangeResourceRecordSets on `arn:aws:route53:::hostedzone/*`, and
// route53:ListHostedZones + route53:ListResourceRecordSets on `*`; the document itself says to
// "fine-tune the policy to permit updates only to explicit Hosted Zone IDs", which we do. Later
// versions of the page also list route53:ListTagsForResource(s); the provider (provider/aws/aws.go,
// `zones()`, recent upstream) calls ListTagsForResources only when a zone tag filter
// (`--aws-zone-tags`) is set, which stackc never sets, so it is left out.
//
// Least privilege versus upstream: ChangeResourceRecordSets and ListResourceRecordSets (both
// support hosted-zone resources) are scoped to the stack zone; only ListHostedZones, which has no
// resource-level permissions, stays on `*`. The zone filter in the chart values (`domainFilters`,
// `--aws-zone-type`) still has to match: external-dns lists every zone, and would fail on any other
// zone it decided to touch.
import type { IamStatement } from "../../catalog/iam-types.js";
import type { IamContext, Provenance } from "./context.js";

export const EXTERNAL_DNS_PROVENANCE: Provenance = {
  repo: "kubernetes-sigs/external-dns",
  path: "docs/tutorials/aws.md",
  ref: "external-dns-helm-chart-1.21.1",
  commit: "76f7a66333833fdbad0d2f927430d96a27561c4c",
  read: "2026-11-21",
  notes:
    "doc at the pinned tag not readable in the index; write + record listing scoped to the stack zone; " +
    "ListTagsForResources omitted (only called with --aws-zone-tags)",
};

export function externalDnsStatements(_ctx: IamContext): IamStatement[] {
  return [
    {
      sid: "ManageStackZoneRecords",
      effect: "Allow",
      actions: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
      resources: [{ ref: "route53-zone" }],
    },
    {
      sid: "ListHostedZones",
      effect: "Allow",
      actions: ["route53:ListHostedZones"],
      // ListHostedZones has no resource-level permissions.
      resources: ["*"],
    },
  ];
}
