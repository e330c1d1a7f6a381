// The Cluster document: everything kops would otherwise look up (in AWS or in the channel on
// GitHub) written explicitly (reference/kops.md §5.3-5.5): networkCIDR, nonMasqueradeCIDR,
// every subnet CIDR, kubernetesVersion, the API load balancer class, the DNS type. Private
// topology in the VPC Terraform creates: a Private subnet per zone, routed through its natZone's
// NAT, and a Utility subnet per zone, all with ids ("shared subnets", all-or-none).
import { bucketByRole, type StackModel } from "../../model/model.js";
import { KOPS_NON_MASQUERADE_CIDR } from "../../normalize/cidr.js";
import { terraformOutputs } from "../terraform-outputs.js";
import { addonOwnership, serviceAccountPermissions } from "./addons.js";
import { auditLogging } from "./audit-policy.js";
import { OutputRef } from "./refs.js";
import type { KopsCluster, KopsClusterSpec, KopsEtcdCluster, KopsFileAsset, KopsSubnet } from "./types.js";
import { KOPS_API_VERSION } from "./types.js";

/** kops subnet names: `kops create cluster` names private subnets after the zone. */
export function privateSubnetName(zone: string): string {
  return zone;
}

export function utilitySubnetName(zone: string): string {
  return `utility-${zone}`;
}

export function buildCluster(model: StackModel): KopsCluster {
  const { cluster, dns, network } = model.stack.spec;
  const kopsState = bucketByRole(model, "kops-state");
  if (!kopsState) throw new Error("the stack has no kops-state bucket");
  const oidc = bucketByRole(model, "oidc");
  const irsa = cluster.irsa.enabled && oidc !== undefined;
  const apiType = cluster.api.loadBalancer === "internal" ? "Internal" : "Public";
  const noSsh = cluster.ssh.access.length === 0 && !cluster.ssh.bastion;
  const permissions = irsa ? serviceAccountPermissions(model) : [];
  const audit = cluster.auditLogging.enabled ? auditLogging(cluster.auditLogging.maxAgeDays) : undefined;
  const fileAssets: KopsFileAsset[] = audit ? [audit.asset] : [];

  const spec: KopsClusterSpec = {
    cloudProvider: "aws",
    kubernetesVersion: cluster.kubernetesVersion,
    channel: "stable",
    configBase: `s3://${kopsState.name}/${model.clusterName}`,
    dnsZone: new OutputRef(terraformOutputs.route53ZoneId),
    // class is always written: an empty class is defaulted to Classic (populate_cluster_spec.go:257-258)
    api: { loadBalancer: { type: apiType, class: "Network" } },
    // type is always written: v1alpha2 defaults it to Public (v1alpha2/defaults.go:45)
    topology: {
      dns: { type: dns.type === "private" ? "Private" : "Public" },
      // the bastion's load balancer is as reachable as the API's
      ...(cluster.ssh.bastion ? { bastion: { loadBalancer: { type: apiType } } } : {}),
    },
    authorization: { rbac: {} },
    iam: {
      legacy: false,
      allowContainerRegistry: true,
      ...(irsa ? { useServiceAccountExternalPermissions: true as const } : {}),
      ...(permissions.length > 0 ? { serviceAccountExternalPermissions: permissions } : {}),
    },
    ...(irsa ? { serviceAccountIssuerDiscovery: { discoveryStore: `s3://${oidc.name}`, enableAWSOIDCProvider: true as const } } : {}),
    ...addonOwnership(model, permissions.length > 0),
    ...networking(cluster.networking),
    // an existing VPC's ids are known from its network manifest: written as they are
    networkID: model.network?.model.existing?.vpcId ?? new OutputRef(terraformOutputs.vpcId),
    networkCIDR: model.vpcCidr,
    nonMasqueradeCIDR: KOPS_NON_MASQUERADE_CIDR,
    kubernetesApiAccess: [...(cluster.api.access ?? [model.vpcCidr])],
    // Written even when empty: on AWS an empty or missing list opens SSH to nobody
    // (pkg/model/awsmodel/external_access.go:42-90), and the explicit [] says so.
    sshAccess: [...cluster.ssh.access],
    // Without SSH there is no use for a key pair: no EC2 key is installed, even if someone adds
    // an sshpublickey secret to the state store later (pkg/model/context.go:348-356).
    ...(noSsh ? { sshKeyName: "" as const } : {}),
    subnets: subnets(model),
    etcdClusters: etcdClusters(model),
    ...(cluster.secretsEncryption ? { encryptionConfig: true as const } : {}),
    ...(audit ? { kubeAPIServer: audit.kubeAPIServer } : {}),
    ...(fileAssets.length > 0 ? { fileAssets } : {}),
    cloudLabels: cloudLabels(model),
  };
  return { apiVersion: KOPS_API_VERSION, kind: "Cluster", metadata: { name: model.clusterName }, spec };
}

function networking(cni: StackModel["stack"]["spec"]["cluster"]["networking"]): Pick<KopsClusterSpec, "networking" | "kubeProxy"> {
  switch (cni) {
    case "cilium":
      // Cilium replaces kube-proxy; kops only checks that when kubeProxy is set
      // (validation.go:1358-1360), so it is written out.
      return { kubeProxy: { enabled: false }, networking: { cilium: { enableNodePort: true } } };
    case "calico":
      return { networking: { calico: {} } };
    case "amazonvpc":
      return { networking: { amazonvpc: {} } };
  }
}

function subnets(model: StackModel): KopsSubnet[] {
  const privates: KopsSubnet[] = model.zones.map((z) => ({
    name: privateSubnetName(z.name),
    zone: z.name,
    type: "Private",
    cidr: z.privateCidr,
    id: z.existing?.privateSubnetId ?? new OutputRef(terraformOutputs.privateSubnetIds, z.name),
    // With ids, kops creates no routes: Terraform routes each private subnet through the NAT
    // of its natZone, and egress states the same (reference/kops.md §5.2).
    egress: z.existing?.natGatewayId ?? new OutputRef(terraformOutputs.natGatewayIds, z.natZone),
  }));
  const utilities: KopsSubnet[] = model.zones.map((z) => ({
    name: utilitySubnetName(z.name),
    zone: z.name,
    type: "Utility",
    cidr: z.utilityCidr,
    id: z.existing?.utilitySubnetId ?? new OutputRef(terraformOutputs.utilitySubnetIds, z.name),
  }));
  return [...privates, ...utilities];
}

/** etcd member name of a control-plane group: the zone letter, `-2`, `-3` … for more in one zone. */
function etcdClusters(model: StackModel): KopsEtcdCluster[] {
  const { etcd } = model.stack.spec.cluster;
  const perZone = new Map<string, number>();
  const members = model.instanceGroups
    .filter((ig) => ig.role === "ControlPlane")
    .map((ig) => {
      const zone = ig.zones[0]!;
      const nth = (perZone.get(zone) ?? 0) + 1;
      perZone.set(zone, nth);
      const letter = model.zones.find((z) => z.name === zone)?.letter ?? zone.slice(-1);
      return { name: nth === 1 ? letter : `${letter}-${nth}`, instanceGroup: ig.name, encryptedVolume: etcd.encryptedVolumes };
    });
  // Every control-plane group is a member of every etcd cluster (instancegroup.go:396-411).
  return (["main", "events"] as const).map((name) => ({
    name,
    manager: { backupRetentionDays: etcd.backupRetentionDays },
    etcdMembers: members.map((m) => ({ ...m })),
  }));
}

/** The stack's tags on every AWS resource kops creates, without the keys kops reserves. */
function cloudLabels(model: StackModel): Record<string, string> {
  // The schema refuses the tag keys kops reserves (Name, KubernetesCluster, kubernetes.io/cluster/…),
  // so every stack tag is a valid cloudLabel.
  return { ...model.tags };
}
