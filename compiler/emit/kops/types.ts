// The subset of kops.k8s.io/v1alpha2 Cluster and InstanceGroup that stackc writes, typed, so a
// field name that does not exist in kops (v1.36.2) fails here at compile time; tests check the
// emitted objects against the CRD schemas with unknown fields rejected. Field order in these
// interfaces is the order the emitter builds (and the YAML shows) them in.
// Strings typed Bindable may be an OutputRef: filled in from `terraform output -json`.
import type { Bindable } from "./refs.js";

export const KOPS_API_VERSION = "kops.k8s.io/v1alpha2";
/** Label naming an InstanceGroup's cluster (`kops create -f` requires it, cmd/kops/create.go:157-160). */
export const CLUSTER_LABEL = "kops.k8s.io/cluster";

/** v1alpha2 spelling of the control-plane role (kops writes Master back; ControlPlane is accepted on input). */
export type KopsRole = "Master" | "Node" | "Bastion";

export interface KopsSubnet {
  name: string;
  zone: string;
  type: "Private" | "Utility";
  cidr: string;
  id: Bindable;
  /** Private subnets only (validation.go:726-735). */
  egress?: Bindable;
}

export interface KopsEtcdMember {
  name: string;
  instanceGroup: string;
  encryptedVolume: boolean;
}

export interface KopsEtcdCluster {
  name: "main" | "events";
  manager: { backupRetentionDays: number };
  etcdMembers: KopsEtcdMember[];
}

export interface KopsServiceAccountPermissions {
  name: string;
  namespace: string;
  aws: { policyARNs: Bindable[] };
}

export interface KopsFileAsset {
  name: string;
  path: string;
  roles: KopsRole[];
  content: string;
}

export interface KopsClusterSpec {
  cloudProvider: "aws";
  kubernetesVersion: string;
  channel: "stable";
  configBase: string;
  /** The Route53 hosted zone id (unambiguous when a private and a public zone share the name). */
  dnsZone: Bindable;
  api: { loadBalancer: { type: "Internal" | "Public"; class: "Network" } };
  topology: { dns: { type: "Private" | "Public" }; bastion?: { loadBalancer: { type: "Internal" | "Public" } } };
  authorization: { rbac: Record<string, never> };
  iam: {
    legacy: false;
    allowContainerRegistry: boolean;
    useServiceAccountExternalPermissions?: true;
    serviceAccountExternalPermissions?: KopsServiceAccountPermissions[];
  };
  serviceAccountIssuerDiscovery?: { discoveryStore: string; enableAWSOIDCProvider: true };
  /** managed: false when Helm installs cert-manager; kops installs it otherwise (the pod-identity webhook needs it). */
  certManager?: { enabled: true; managed?: false };
  /** Mutates pods of IRSA service accounts so they assume their roles (docs/addons.md, "Pod Identity Webhook"). */
  podIdentityWebhook?: { enabled: true };
  clusterAutoscaler?: { enabled: false };
  metricsServer?: { enabled: false };
  awsLoadBalancerController?: { enabled: false };
  cloudConfig?: { awsEBSCSIDriver?: { managed: false }; manageStorageClasses?: false };
  kubeProxy?: { enabled: false };
  networking: { cilium: { enableNodePort: true } } | { calico: Record<string, never> } | { amazonvpc: Record<string, never> };
  networkID: Bindable;
  networkCIDR: string;
  nonMasqueradeCIDR: string;
  kubernetesApiAccess: string[];
  sshAccess: string[];
  /** "" launches instances without an EC2 key pair (no SSH at all). */
  sshKeyName?: "";
  subnets: KopsSubnet[];
  etcdClusters: KopsEtcdCluster[];
  encryptionConfig?: true;
  kubeAPIServer?: {
    auditLogPath: string;
    auditLogMaxAge: number;
    auditLogMaxBackups: number;
    auditLogMaxSize: number;
    auditPolicyFile: string;
  };
  fileAssets?: KopsFileAsset[];
  cloudLabels: Record<string, string>;
}

export interface KopsCluster {
  apiVersion: typeof KOPS_API_VERSION;
  kind: "Cluster";
  metadata: { name: string };
  spec: KopsClusterSpec;
}

export interface KopsMixedInstancesPolicy {
  instances: string[];
  onDemandBase: number;
  onDemandAboveBase: number;
  spotAllocationStrategy?: "price-capacity-optimized";
}

export interface KopsInstanceGroupSpec {
  role: KopsRole;
  image: string;
  machineType: string;
  minSize: number;
  maxSize: number;
  rootVolumeSize?: number;
  rootVolumeType: string;
  rootVolumeEncryption: boolean;
  subnets: string[];
  mixedInstancesPolicy?: KopsMixedInstancesPolicy;
  capacityRebalance?: true;
  taints?: string[];
  nodeLabels?: Record<string, string>;
  instanceMetadata: { httpTokens: "required" | "optional"; httpPutResponseHopLimit: number };
  cloudLabels?: Record<string, string>;
}

export interface KopsInstanceGroup {
  apiVersion: typeof KOPS_API_VERSION;
  kind: "InstanceGroup";
  metadata: { name: string; labels: { [CLUSTER_LABEL]: string } };
  spec: KopsInstanceGroupSpec;
}

/** One cluster's spec: the Cluster document first, then its InstanceGroups (cmd/kops/create.go:155-168). */
export interface KopsSpec {
  cluster: KopsCluster;
  instanceGroups: KopsInstanceGroup[];
}
