// IAM for cert-manager (v1.21.1) solving ACME DNS-01 challenges in Route53. Used only when the
// stack enables DNS-01 (a ClusterIssuer with a route53 solver); HTTP-01 needs no AWS access.
//
// Provenance: cert-manager/website, content/docs/configuration/acme/dns01/route53.md, section
// "Set up an IAM Policy", read 2026-11-21 at commit ccfe3ad939567d352f5c8b5a7c9f28378048fc0d (the
// newest version the index served; the page as published for v1.21 was not readable). Upstream's
// policy: route53:GetChange on `arn:aws:route53:::change/*`; route53:ChangeResourceRecordSets +
// route53:ListResourceRecordSets on `arn:aws:route53:::hostedzone/*`; route53:ListHostedZonesByName
// on `*`. The page notes the zone can be narrowed to one hosted zone, which we do. Current
// versions of the page add to the record-set statement the condition
// `ForAllValues:StringEquals route53:ChangeResourceRecordSetsRecordTypes ["TXT"]` (seen verbatim in
// copies of the page; not in the stored commit above); we include it: DNS-01 only writes TXT
// records, and `ForAllValues` lets ListResourceRecordSets, which carries no record types, through.
//
// route53:ListHostedZonesByName is only needed when the issuer does not name `hostedZoneID`; the
// cluster-issuers emitter could set it and this statement could then go.
import type { IamStatement } from "../../catalog/iam-types.js";
import { inPartition, type IamContext, type Provenance } from "./context.js";

export const CERT_MANAGER_PROVENANCE: Provenance = {
  repo: "cert-manager/website",
  path: "content/docs/configuration/acme/dns01/route53.md",
  ref: "v1.21.1",
  commit: "ccfe3ad939567d352f5c8b5a7c9f28378048fc0d",
  read: "2026-11-21",
  notes:
    "page for v1.21 not readable in the index; hosted zone narrowed to the stack zone; TXT-only condition " +
    "from the current page (not in the stored commit)",
};

export function certManagerStatements(ctx: IamContext): IamStatement[] {
  return [
    {
      sid: "GetChangeStatus",
      effect: "Allow",
      actions: ["route53:GetChange"],
      resources: [inPartition("arn:aws:route53:::change/*", ctx)],
    },
    {
      sid: "ManageStackZoneTxtRecords",
      effect: "Allow",
      actions: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
      resources: [{ ref: "route53-zone" }],
      conditions: [
        {
          test: "ForAllValues:StringEquals",
          variable: "route53:ChangeResourceRecordSetsRecordTypes",
          values: ["TXT"],
        },
      ],
    },
    {
      sid: "FindHostedZone",
      effect: "Allow",
      actions: ["route53:ListHostedZonesByName"],
      // ListHostedZonesByName has no resource-level permissions.
      resources: ["*"],
    },
  ];
}
