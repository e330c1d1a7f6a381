// dns.tf: the Route53 hosted zone the cluster lives in (kops writes the API record, external-dns
// the service records). A private zone is associated with the stack's VPC; a public zone must be
// delegated from its parent zone with the name servers in the route53_name_servers output.
import { nested, resource, type TfFile } from "./tf/blocks.js";
import { tags } from "./tf/values.js";
import type { TfStack } from "./stack.js";

export function dnsFile(dir: string, stack: TfStack): TfFile {
  const { dns } = stack.model.stack.spec;
  const isPrivate = dns.type === "private";
  return {
    path: `${dir}/dns.tf`,
    summary: `DNS: the ${dns.type} hosted zone ${dns.zone}.`,
    items: [
      resource("aws_route53_zone", "cluster", {
        name: dns.zone,
        comment: `${isPrivate ? "Private" : "Public"} zone of cluster ${stack.model.clusterName} (stackc stack ${stack.stackName})`,
        tags: tags({ Name: dns.zone }),
        vpc: isPrivate ? nested({ vpc_id: stack.vpcId() }) : undefined,
      }),
    ],
  };
}
