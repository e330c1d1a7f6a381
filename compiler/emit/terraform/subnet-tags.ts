// Subnet tags shared by a stack's own VPC (network.ts) and its subnets in a shared network
// (shared-network.ts).

/** The tags kops v1.36 writes on a shared subnet (pkg/model/awsmodel/network.go), plus a Name. */
export function kopsSubnetTags(clusterName: string, kind: "utility" | "private"): Record<string, string> {
  return {
    [`kubernetes.io/cluster/${clusterName}`]: "shared",
    ...(kind === "utility" ? { "kubernetes.io/role/elb": "1", SubnetType: "Utility" } : { "kubernetes.io/role/internal-elb": "1", SubnetType: "Private" }),
  };
}
