/* eslint-disable */
// Generated from schema/stack.schema.json by `npm run gen:types`. DO NOT EDIT.
// A test fails when this file is stale.

/**
 * An AWS availability zone name: the region followed by one letter.
 */
export type Zone = string;
/**
 * An IPv4 CIDR block with host bits zero.
 */
export type Cidr = string;
/**
 * CIDRs allowed to reach the API (kops kubernetesApiAccess). Defaults to the VPC CIDR.
 */
export type CidrList = Cidr[];
/**
 * CIDRs allowed to SSH (kops sshAccess). Empty: no SSH (use SSM Session Manager).
 */
export type CidrList1 = Cidr[];
/**
 * An EC2 instance type.
 */
export type MachineType = string;

/**
 * A stackc stack manifest: one production Kubernetes cluster on AWS (kops), its network, buckets, DNS and add-ons. stackc validates it and compiles it to Terraform, a kops Cluster Spec and a Helmfile.
 */
export interface Stack {
  /**
   * Manifest format version.
   */
  apiVersion: "stackc.dev/v1alpha1";
  /**
   * `Stack` for a cluster that stackc compiles; `StackBase` for a partial manifest that only exists to be extended (never compiled on its own).
   */
  kind: "Stack" | "StackBase";
  /**
   * Path of a base manifest (relative to this file) that this one overlays: maps deep-merge, lists of items with a `name` merge by name, other lists and scalars are replaced, `null` removes an inherited key.
   */
  extends?: string;
  /**
   * Identity of the stack.
   */
  metadata: {
    /**
     * Stack name: a DNS label, unique across all stacks compiled together. Output goes to out/<name>/ and it keys the Terraform state.
     */
    name: string;
    /**
     * Environment class. Policies are stricter in prod (rules marked deny(prod) fail the gate only there).
     */
    environment: "dev" | "staging" | "prod";
    /**
     * Team that owns the stack; written as the `owner` tag on every AWS resource.
     */
    owner?: string;
    /**
     * Free text shown in the runbook.
     */
    description?: string;
  };
  /**
   * Desired state of the stack.
   */
  spec: {
    cloud: Cloud;
    /**
     * Extra tags on every AWS resource (Terraform default_tags and kops cloudLabels). stackc adds `stackc.dev/stack`, `stackc.dev/environment` and `managed-by` itself.
     */
    tags?: {
      [k: string]: string | undefined;
    };
    network: Network;
    dns: Dns;
    stateStore: StateStore;
    storage?: Storage;
    cluster: Cluster;
    addons?: Addons;
    /**
     * Helm releases beyond the curated add-ons. Each is pinned to an exact version.
     */
    charts?: Chart[];
    backups?: Backups;
    /**
     * Blue/green: the path (relative to this file) of the stack this one replaces, running beside it until the cut-over. stackc checks that the two can coexist (cluster names, external-dns owner ids, IRSA issuers, IAM names, address ranges, bucket and zone names), gives this stack's Velero a read-only backup location on the old stack's backup bucket (with read-only IAM on it), and writes the cut-over into this stack's runbook. Remove it once the old stack is retired.
     */
    replaces?: string;
    policy?: Policy;
  };
}
/**
 * Where the stack runs.
 */
export interface Cloud {
  /**
   * Cloud provider. Only AWS is supported.
   */
  provider: "aws";
  /**
   * AWS region.
   */
  region: string;
  /**
   * Availability zones of the region to use, one private and one utility subnet (and one NAT gateway with natGateways: perZone) each.
   *
   * @minItems 1
   * @maxItems 7
   */
  zones: [Zone, ...Zone[]];
  /**
   * AWS account id the stack belongs to; Terraform refuses to run against any other account (provider allowed_account_ids).
   */
  accountId?: string;
}
/**
 * The VPC and its subnets: the stack's own (cidr), or a shared network it lives in (use).
 */
export interface Network {
  /**
   * The `kind: Network` manifest this stack lives in: a path relative to this file, or the network's metadata.name (a name without dots or slashes), looked up among the .yaml files beside this file. The stack then creates no VPC, NAT or utility subnet: it reads the network's outputs from the network's Terraform state and creates only its private subnets, in its block. Excludes cidr, natGateways, subnets and flowLogs (they are the network's).
   */
  use?: string;
  /**
   * This stack's private address block in the network: an index (the n-th block of the network's clusterBlockPrefix, 1 and up) or a CIDR inside the network. Each zone's private subnet is the eighth of the block numbered by its zone letter, so adding or removing a stack or a zone never moves another's ranges.
   */
  block?: number | string;
  /**
   * VPC CIDR block (RFC 1918) of the stack's own VPC. With a /16 to /22 block stackc derives the subnets; otherwise give spec.network.subnets. Required unless `use` names a network.
   */
  cidr?: string;
  /**
   * `private`: nodes and control plane in private subnets behind NAT, load balancers in utility subnets. `public`: instances in public subnets (not for production).
   */
  topology?: "private" | "public";
  /**
   * `perZone`: one NAT gateway per zone, each private subnet routes through its own zone's NAT (no single point of failure, no cross-zone traffic). `single`: one NAT in the first zone (cheaper, for dev).
   */
  natGateways?: "perZone" | "single";
  /**
   * Explicit subnet CIDRs per zone; zones not listed get derived CIDRs (see README: subnet derivation).
   */
  subnets?: {
    /**
     * The two subnets of one zone.
     */
    [k: string]:
      | {
          /**
           * Private subnet CIDR of the zone.
           */
          private: string;
          /**
           * Utility (public) subnet CIDR of the zone.
           */
          utility: string;
        }
      | undefined;
  };
  /**
   * VPC flow logs, delivered to an S3 bucket the stack owns.
   */
  flowLogs?: {
    /**
     * Record VPC flow logs.
     */
    enabled?: boolean;
    /**
     * Bucket for the flow logs (created by the stack). Required when enabled.
     */
    bucket?: string;
    /**
     * Days after which flow log objects expire.
     */
    retentionDays?: number;
  };
  /**
   * Manage the VPC default security group with no rules, so nothing can use it by accident.
   */
  restrictDefaultSecurityGroup?: boolean;
}
/**
 * The Route53 hosted zone the cluster lives in (API record, external-dns records).
 */
export interface Dns {
  /**
   * Hosted zone name, created by the stack. The cluster name must be inside it.
   */
  zone: string;
  /**
   * `private`: zone associated with the VPC only. `public`: resolvable from the internet (delegate it from the parent zone).
   */
  type?: "private" | "public";
}
/**
 * Buckets that hold state: the kops state store and the Terraform backend.
 */
export interface StateStore {
  /**
   * kops state store bucket (created by the stack's Terraform).
   */
  bucket: string;
  /**
   * Terraform backend bucket, created by out/<stack>/terraform-bootstrap (a root module cannot create its own backend).
   */
  terraformBucket: string;
}
/**
 * How every bucket and volume the stack creates is protected.
 */
export interface Storage {
  /**
   * `sse-kms`: a customer-managed KMS key (created by the stack unless kmsKeyArn is given). `sse-s3`: S3-managed keys.
   */
  encryption?: "sse-kms" | "sse-s3";
  /**
   * Existing KMS key to use instead of creating one.
   */
  kmsKeyArn?: string;
  /**
   * Yearly automatic rotation of the KMS key the stack creates.
   */
  keyRotation?: boolean;
  /**
   * Bucket (created by the stack) receiving S3 server access logs of the state and backup buckets.
   */
  accessLogsBucket?: string;
}
/**
 * The kops cluster.
 */
export interface Cluster {
  /**
   * Cluster name: a DNS name inside spec.dns.zone (kops uses it for the API record and every AWS resource).
   */
  name: string;
  /**
   * Exact Kubernetes version MAJOR.MINOR.PATCH, inside the window the pinned kops supports.
   */
  kubernetesVersion: string;
  /**
   * Container network (CNI).
   */
  networking?: "cilium" | "calico" | "amazonvpc";
  /**
   * Default machine image of every instance group.
   */
  image?: string;
  /**
   * The Kubernetes API endpoint.
   */
  api?: {
    /**
     * `internal`: a Network Load Balancer in the private subnets. `public`: an internet-facing NLB in the utility subnets.
     */
    loadBalancer?: "internal" | "public";
    access?: CidrList;
  };
  /**
   * SSH access to the instances.
   */
  ssh?: {
    access?: CidrList1;
    /**
     * Run a bastion instance group in the utility subnets; SSH then goes through it only.
     */
    bastion?: boolean;
  };
  instanceMetadata?: InstanceMetadata;
  /**
   * Control-plane instances: one instance group per instance, spread over the zones in order, each member of every etcd cluster.
   */
  controlPlane: {
    /**
     * Instance type of the control-plane nodes.
     */
    machineType: string;
    /**
     * Number of control-plane instances (and etcd members): 1, 3 or 5 — etcd needs an odd count.
     */
    count?: 1 | 3 | 5;
    /**
     * Subnets of the control plane; defaults to private with topology private.
     */
    subnetType?: "private" | "utility";
    rootVolume?: RootVolume;
    /**
     * Machine image of the control plane (defaults to spec.cluster.image).
     */
    image?: string;
  };
  /**
   * Worker instance groups.
   *
   * @minItems 1
   */
  nodeGroups: [NodeGroup, ...NodeGroup[]];
  /**
   * etcd clusters (main and events) run by etcd-manager.
   */
  etcd?: {
    /**
     * Days etcd-manager keeps its backups in the state store.
     */
    backupRetentionDays?: number;
    /**
     * Encrypt the etcd EBS volumes.
     */
    encryptedVolumes?: boolean;
  };
  /**
   * Encrypt Kubernetes Secrets at rest in etcd (kops encryptionConfig; create the key with `kops create secret encryptionconfig` before the first apply, see the runbook).
   */
  secretsEncryption?: boolean;
  /**
   * API server audit logging to the control-plane hosts.
   */
  auditLogging?: {
    /**
     * Write an audit log with stackc's audit policy (metadata for everything, request bodies for RBAC and secrets changes are never logged).
     */
    enabled?: boolean;
    /**
     * Days audit log files are kept on the host.
     */
    maxAgeDays?: number;
  };
  /**
   * IAM roles for service accounts: add-ons get AWS permissions through their own role, never the node's.
   */
  irsa?: {
    /**
     * Publish the service-account issuer through an S3 discovery bucket and create an AWS OIDC provider.
     */
    enabled?: boolean;
    /**
     * Public-read bucket holding the OIDC discovery documents (created by the stack). Required when enabled.
     */
    discoveryBucket?: string;
  };
}
/**
 * IMDS settings of every instance group (node groups may override).
 */
export interface InstanceMetadata {
  /**
   * `required` enforces IMDSv2 (session tokens), which stops SSRF credential theft.
   */
  httpTokens?: "required" | "optional";
  /**
   * PUT response hop limit; 1 keeps pods (one hop further) away from node credentials.
   */
  hopLimit?: number;
}
/**
 * Root EBS volume of the instances.
 */
export interface RootVolume {
  /**
   * Size in GiB.
   */
  size?: number;
  /**
   * EBS volume type.
   */
  type?: "gp3" | "gp2" | "io1" | "io2";
  /**
   * Encrypt the root volume (with the account's EBS encryption key).
   */
  encrypted?: boolean;
}
/**
 * A worker instance group.
 */
export interface NodeGroup {
  /**
   * Instance group name, unique in the stack.
   */
  name: string;
  /**
   * Instance type (give this or machineTypes).
   */
  machineType?: string;
  /**
   * Several instance types for a mixed-instances group (spot diversification); the first is the group's primary type.
   *
   * @minItems 1
   */
  machineTypes?: [MachineType, ...MachineType[]];
  /**
   * Minimum instance count.
   */
  min: number;
  /**
   * Maximum instance count (cluster-autoscaler scales between min and max).
   */
  max: number;
  /**
   * Run on spot capacity (price-capacity-optimized, capacity rebalancing, tainted spot=true:PreferNoSchedule).
   */
  spot?: boolean;
  /**
   * For spot groups: instances always on demand before spot is used.
   */
  onDemandBase?: number;
  /**
   * Zones of the group (defaults to all stack zones).
   *
   * @minItems 1
   */
  zones?: [Zone, ...Zone[]];
  /**
   * Subnets of the group; defaults to private with topology private.
   */
  subnetType?: "private" | "utility";
  rootVolume?: RootVolume1;
  /**
   * Machine image (defaults to spec.cluster.image).
   */
  image?: string;
  instanceMetadata?: InstanceMetadata1;
  /**
   * Kubernetes node labels.
   */
  labels?: {
    [k: string]: string | undefined;
  };
  /**
   * Kubernetes node taints as key[=value]:Effect.
   */
  taints?: string[];
}
/**
 * Root EBS volume of the instances.
 */
export interface RootVolume1 {
  /**
   * Size in GiB.
   */
  size?: number;
  /**
   * EBS volume type.
   */
  type?: "gp3" | "gp2" | "io1" | "io2";
  /**
   * Encrypt the root volume (with the account's EBS encryption key).
   */
  encrypted?: boolean;
}
/**
 * IMDS settings (defaults to spec.cluster.instanceMetadata).
 */
export interface InstanceMetadata1 {
  /**
   * `required` enforces IMDSv2 (session tokens), which stops SSRF credential theft.
   */
  httpTokens?: "required" | "optional";
  /**
   * PUT response hop limit; 1 keeps pods (one hop further) away from node credentials.
   */
  hopLimit?: number;
}
/**
 * Curated add-ons, wired to the stack (cluster name, region, zone, buckets, IRSA roles) and pinned.
 */
export interface Addons {
  /**
   * cert-manager (chart jetstack/cert-manager).
   */
  certManager?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version (cert-manager charts carry a leading v).
     */
    version: string;
    /**
     * Give cert-manager Route53 DNS-01 permissions on the stack zone.
     */
    dns01?: boolean;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * external-dns (chart external-dns/external-dns), managing records in spec.dns.zone.
   */
  externalDns?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * `upsert-only` never deletes records; `sync` also deletes records it owns that no longer have a source.
     */
    policy?: "upsert-only" | "sync";
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * cluster-autoscaler (chart autoscaler/cluster-autoscaler) with ASG auto-discovery.
   */
  clusterAutoscaler?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * How a node group is chosen for scale-up.
     */
    expander?: "least-waste" | "random" | "most-pods" | "priority";
    /**
     * cluster-autoscaler image tag; defaults to the release matching the Kubernetes minor.
     */
    imageTag?: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * metrics-server (chart metrics-server/metrics-server).
   */
  metricsServer?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * AWS Load Balancer Controller (chart eks/aws-load-balancer-controller).
   */
  awsLoadBalancerController?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * AWS EBS CSI driver installed by Helm instead of kops (kops' copy is then switched to managed: false).
   */
  awsEbsCsiDriver?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * External Secrets Operator (chart external-secrets/external-secrets), reading AWS Secrets Manager and SSM Parameter Store.
   */
  externalSecrets?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Only secrets and parameters under this prefix are readable; defaults to `<cluster name>/`.
     */
    secretsPrefix?: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * Prometheus, Alertmanager and Grafana (chart prometheus-community/kube-prometheus-stack).
   */
  kubePrometheusStack?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Prometheus retention.
     */
    retention?: string;
    /**
     * Prometheus persistent volume size.
     */
    storageSize?: string;
    /**
     * Exact version of the prometheus-operator-crds chart, installed in the first group so every add-on's ServiceMonitor has its CRD; pair it with the kube-prometheus-stack version (same prometheus-operator release).
     */
    crdsVersion?: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * Loki log store (chart grafana-community/loki) on S3.
   */
  loki?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Bucket for Loki chunks and indexes (created by the stack).
     */
    bucket: string;
    /**
     * Days logs are kept.
     */
    retentionDays?: number;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * Fluent Bit log shipper (chart fluent/fluent-bit), sending to Loki.
   */
  fluentBit?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * Velero cluster backups (chart vmware-tanzu/velero) with the AWS plugin; schedule, retention and bucket come from spec.backups.
   */
  velero?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * velero-plugin-for-aws image tag paired with the Velero version.
     */
    pluginVersion?: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * ingress-nginx (retired upstream in March 2026: kept selectable, with a warning).
   */
  ingressNginx?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Scheme of the Network Load Balancer in front of the controller: reachable from the VPC only, or from the internet.
     */
    loadBalancerScheme?: "internal" | "internet-facing";
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
  /**
   * Traefik Proxy (chart traefik/traefik): the maintained ingress controller stackc offers in place of the retired ingress-nginx, behind an AWS Network Load Balancer.
   */
  traefik?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled?: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Scheme of the Network Load Balancer in front of Traefik: reachable from the VPC only, or from the internet.
     */
    loadBalancerScheme?: "internal" | "internet-facing";
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values?: {};
  };
}
/**
 * A Helm release beyond the curated add-ons.
 */
export interface Chart {
  /**
   * Release name, unique in the stack (curated add-ons included).
   */
  name: string;
  /**
   * Chart repository: an https:// Helm repository or an oci:// registry path.
   */
  repo: string;
  /**
   * Chart name in the repository.
   */
  chart: string;
  /**
   * Exact chart version (no ranges).
   */
  version: string;
  /**
   * Namespace of the release.
   */
  namespace: string;
  /**
   * Helm values of the release.
   */
  values?: {};
  /**
   * Releases installed before this one: a release name, or namespace/name.
   */
  needs?: string[];
  /**
   * Capabilities.APIVersions the chart's templates test (.Capabilities.APIVersions.Has) that the cluster will serve, as group/version or group/version/Kind. Written as the release's helmfile apiVersions, which helmfile passes to helm template and to the diff helmfile apply runs first (--api-versions), so an offline render matches the cluster: e.g. monitoring.coreos.com/v1 for a ServiceMonitor template that checks for the Prometheus Operator CRDs another release installs.
   */
  apiVersions?: string[];
  /**
   * Wait until the release's resources are ready before dependent releases start.
   */
  wait?: boolean;
  /**
   * Helm timeout in seconds.
   */
  timeout?: number;
  /**
   * false: helmfile uninstalls the release (the safe way to remove a chart the cluster runs: set installed: false, build and apply, then delete the entry).
   */
  installed?: boolean;
}
/**
 * Cluster backups with Velero (spec.addons.velero) to an S3 bucket the stack owns.
 */
export interface Backups {
  /**
   * Take scheduled backups.
   */
  enabled?: boolean;
  /**
   * Backup schedule: a 5-field cron expression (UTC), at least daily.
   */
  schedule?: string;
  /**
   * Days a backup is kept (Velero TTL).
   */
  retentionDays?: number;
  /**
   * Backup bucket (created by the stack). Required when enabled.
   */
  bucket?: string;
  /**
   * Replicate the backup bucket to a bucket `<bucket>-replica` in this region.
   */
  replicaRegion?: string;
}
/**
 * Policy gate settings of this stack.
 */
export interface Policy {
  /**
   * Rules waived for this stack; each needs a reason and an expiry date (an expired waiver is itself an error).
   *
   * Items: A waiver of one policy rule.
   */
  waivers?: {
    /**
     * Policy rule id: a catalog rule (STK-NET-009) or a user policy's code, USER-<package>-<rule> (waivable in runs that load that policy with --policy).
     */
    rule: string;
    /**
     * Why the rule does not apply here (shown in reports).
     */
    reason: string;
    /**
     * Last day the waiver applies (YYYY-MM-DD).
     */
    expires: string;
  }[];
  /**
   * The longest a waiver may run: its expires date at most this many days after today (STK-WAIVER-001). Set it once in the organisation's base manifest.
   */
  maxWaiverDays?: number;
  /**
   * Changes from the last build that a change rule refuses (STK-CHANGE-…), accepted after review. Each names the exact change the finding prints; one that matches nothing is a warning.
   *
   * Items: An acknowledgement of one refused change.
   */
  acknowledgements?: {
    /**
     * Change rule id.
     */
    rule: string;
    /**
     * The exact change, as the finding prints it.
     */
    change: string;
    /**
     * Why it is safe to go ahead (reviewed in the pull request).
     */
    reason: string;
  }[];
}

/**
 * An AWS availability zone name: the region followed by one letter.
 */
export type ResolvedZone = string;
/**
 * VPC CIDR block (RFC 1918) of the stack's own VPC. With a /16 to /22 block stackc derives the subnets; otherwise give spec.network.subnets. Required unless `use` names a network.
 */
export type ResolvedCidr = string;
/**
 * Private subnet CIDR of the zone.
 */
export type ResolvedCidr1 = string;
/**
 * Utility (public) subnet CIDR of the zone.
 */
export type ResolvedCidr2 = string;
/**
 * Bucket for the flow logs (created by the stack). Required when enabled.
 */
export type ResolvedBucketName = string;
/**
 * Hosted zone name, created by the stack. The cluster name must be inside it.
 */
export type ResolvedDnsName = string;
/**
 * kops state store bucket (created by the stack's Terraform).
 */
export type ResolvedBucketName1 = string;
/**
 * Terraform backend bucket, created by out/<stack>/terraform-bootstrap (a root module cannot create its own backend).
 */
export type ResolvedBucketName2 = string;
/**
 * Bucket (created by the stack) receiving S3 server access logs of the state and backup buckets.
 */
export type ResolvedBucketName3 = string;
/**
 * Cluster name: a DNS name inside spec.dns.zone (kops uses it for the API record and every AWS resource).
 */
export type ResolvedDnsName1 = string;
/**
 * Default machine image of every instance group.
 */
export type ResolvedImage = string;
/**
 * An IPv4 CIDR block with host bits zero.
 */
export type ResolvedCidr3 = string;
/**
 * CIDRs allowed to reach the API (kops kubernetesApiAccess). Defaults to the VPC CIDR.
 */
export type ResolvedCidrList = ResolvedCidr3[];
/**
 * CIDRs allowed to SSH (kops sshAccess). Empty: no SSH (use SSM Session Manager).
 */
export type ResolvedCidrList1 = ResolvedCidr3[];
/**
 * Instance type of the control-plane nodes.
 */
export type ResolvedMachineType = string;
/**
 * Subnets of the control plane; defaults to private with topology private.
 */
export type ResolvedSubnetType = "private" | "utility";
/**
 * Machine image of the control plane (defaults to spec.cluster.image).
 */
export type ResolvedImage1 = string;
/**
 * Instance group name, unique in the stack.
 */
export type ResolvedDnsLabel = string;
/**
 * Instance type (give this or machineTypes).
 */
export type ResolvedMachineType1 = string;
/**
 * An EC2 instance type.
 */
export type ResolvedMachineType2 = string;
/**
 * Subnets of the group; defaults to private with topology private.
 */
export type ResolvedSubnetType1 = "private" | "utility";
/**
 * Machine image (defaults to spec.cluster.image).
 */
export type ResolvedImage2 = string;
/**
 * Public-read bucket holding the OIDC discovery documents (created by the stack). Required when enabled.
 */
export type ResolvedBucketName4 = string;
/**
 * Bucket for Loki chunks and indexes (created by the stack).
 */
export type ResolvedBucketName5 = string;
/**
 * Release name, unique in the stack (curated add-ons included).
 */
export type ResolvedDnsLabel1 = string;
/**
 * Namespace of the release.
 */
export type ResolvedDnsLabel2 = string;
/**
 * Backup bucket (created by the stack). Required when enabled.
 */
export type ResolvedBucketName6 = string;

/**
 * A stackc stack manifest: one production Kubernetes cluster on AWS (kops), its network, buckets, DNS and add-ons. stackc validates it and compiles it to Terraform, a kops Cluster Spec and a Helmfile.
 */
export interface ResolvedStack {
  /**
   * Manifest format version.
   */
  apiVersion: "stackc.dev/v1alpha1";
  /**
   * `Stack` for a cluster that stackc compiles; `StackBase` for a partial manifest that only exists to be extended (never compiled on its own).
   */
  kind: "Stack" | "StackBase";
  /**
   * Path of a base manifest (relative to this file) that this one overlays: maps deep-merge, lists of items with a `name` merge by name, other lists and scalars are replaced, `null` removes an inherited key.
   */
  extends?: string;
  /**
   * Identity of the stack.
   */
  metadata: {
    /**
     * Stack name: a DNS label, unique across all stacks compiled together. Output goes to out/<name>/ and it keys the Terraform state.
     */
    name: string;
    /**
     * Environment class. Policies are stricter in prod (rules marked deny(prod) fail the gate only there).
     */
    environment: "dev" | "staging" | "prod";
    /**
     * Team that owns the stack; written as the `owner` tag on every AWS resource.
     */
    owner?: string;
    /**
     * Free text shown in the runbook.
     */
    description?: string;
  };
  /**
   * Desired state of the stack.
   */
  spec: {
    cloud: ResolvedCloud;
    /**
     * Extra tags on every AWS resource (Terraform default_tags and kops cloudLabels). stackc adds `stackc.dev/stack`, `stackc.dev/environment` and `managed-by` itself.
     */
    tags: {
      [k: string]: string | undefined;
    };
    network: ResolvedNetwork;
    dns: ResolvedDns;
    stateStore: ResolvedStateStore;
    storage: ResolvedStorage;
    cluster: ResolvedCluster;
    addons: ResolvedAddons;
    /**
     * Helm releases beyond the curated add-ons. Each is pinned to an exact version.
     */
    charts: ResolvedChart[];
    backups: ResolvedBackups;
    /**
     * Blue/green: the path (relative to this file) of the stack this one replaces, running beside it until the cut-over. stackc checks that the two can coexist (cluster names, external-dns owner ids, IRSA issuers, IAM names, address ranges, bucket and zone names), gives this stack's Velero a read-only backup location on the old stack's backup bucket (with read-only IAM on it), and writes the cut-over into this stack's runbook. Remove it once the old stack is retired.
     */
    replaces?: string;
    policy: ResolvedPolicy;
  };
}
/**
 * Where the stack runs.
 */
export interface ResolvedCloud {
  /**
   * Cloud provider. Only AWS is supported.
   */
  provider: "aws";
  /**
   * AWS region.
   */
  region: string;
  /**
   * Availability zones of the region to use, one private and one utility subnet (and one NAT gateway with natGateways: perZone) each.
   *
   * @minItems 1
   * @maxItems 7
   */
  zones: [ResolvedZone, ...ResolvedZone[]];
  /**
   * AWS account id the stack belongs to; Terraform refuses to run against any other account (provider allowed_account_ids).
   */
  accountId?: string;
}
/**
 * The VPC and its subnets: the stack's own (cidr), or a shared network it lives in (use).
 */
export interface ResolvedNetwork {
  /**
   * The `kind: Network` manifest this stack lives in: a path relative to this file, or the network's metadata.name (a name without dots or slashes), looked up among the .yaml files beside this file. The stack then creates no VPC, NAT or utility subnet: it reads the network's outputs from the network's Terraform state and creates only its private subnets, in its block. Excludes cidr, natGateways, subnets and flowLogs (they are the network's).
   */
  use?: string;
  /**
   * This stack's private address block in the network: an index (the n-th block of the network's clusterBlockPrefix, 1 and up) or a CIDR inside the network. Each zone's private subnet is the eighth of the block numbered by its zone letter, so adding or removing a stack or a zone never moves another's ranges.
   */
  block?: number | string;
  cidr?: ResolvedCidr;
  /**
   * `private`: nodes and control plane in private subnets behind NAT, load balancers in utility subnets. `public`: instances in public subnets (not for production).
   */
  topology: "private" | "public";
  /**
   * `perZone`: one NAT gateway per zone, each private subnet routes through its own zone's NAT (no single point of failure, no cross-zone traffic). `single`: one NAT in the first zone (cheaper, for dev).
   */
  natGateways: "perZone" | "single";
  /**
   * Explicit subnet CIDRs per zone; zones not listed get derived CIDRs (see README: subnet derivation).
   */
  subnets?: {
    /**
     * The two subnets of one zone.
     */
    [k: string]:
      | {
          private: ResolvedCidr1;
          utility: ResolvedCidr2;
        }
      | undefined;
  };
  /**
   * VPC flow logs, delivered to an S3 bucket the stack owns.
   */
  flowLogs: {
    /**
     * Record VPC flow logs.
     */
    enabled: boolean;
    bucket?: ResolvedBucketName;
    /**
     * Days after which flow log objects expire.
     */
    retentionDays: number;
  };
  /**
   * Manage the VPC default security group with no rules, so nothing can use it by accident.
   */
  restrictDefaultSecurityGroup: boolean;
}
/**
 * The Route53 hosted zone the cluster lives in (API record, external-dns records).
 */
export interface ResolvedDns {
  zone: ResolvedDnsName;
  /**
   * `private`: zone associated with the VPC only. `public`: resolvable from the internet (delegate it from the parent zone).
   */
  type: "private" | "public";
}
/**
 * Buckets that hold state: the kops state store and the Terraform backend.
 */
export interface ResolvedStateStore {
  bucket: ResolvedBucketName1;
  terraformBucket: ResolvedBucketName2;
}
/**
 * How every bucket and volume the stack creates is protected.
 */
export interface ResolvedStorage {
  /**
   * `sse-kms`: a customer-managed KMS key (created by the stack unless kmsKeyArn is given). `sse-s3`: S3-managed keys.
   */
  encryption: "sse-kms" | "sse-s3";
  /**
   * Existing KMS key to use instead of creating one.
   */
  kmsKeyArn?: string;
  /**
   * Yearly automatic rotation of the KMS key the stack creates.
   */
  keyRotation: boolean;
  accessLogsBucket?: ResolvedBucketName3;
}
/**
 * The kops cluster.
 */
export interface ResolvedCluster {
  name: ResolvedDnsName1;
  /**
   * Exact Kubernetes version MAJOR.MINOR.PATCH, inside the window the pinned kops supports.
   */
  kubernetesVersion: string;
  /**
   * Container network (CNI).
   */
  networking: "cilium" | "calico" | "amazonvpc";
  image: ResolvedImage;
  /**
   * The Kubernetes API endpoint.
   */
  api: {
    /**
     * `internal`: a Network Load Balancer in the private subnets. `public`: an internet-facing NLB in the utility subnets.
     */
    loadBalancer: "internal" | "public";
    access?: ResolvedCidrList;
  };
  /**
   * SSH access to the instances.
   */
  ssh: {
    access: ResolvedCidrList1;
    /**
     * Run a bastion instance group in the utility subnets; SSH then goes through it only.
     */
    bastion: boolean;
  };
  instanceMetadata: ResolvedInstanceMetadata;
  /**
   * Control-plane instances: one instance group per instance, spread over the zones in order, each member of every etcd cluster.
   */
  controlPlane: {
    machineType: ResolvedMachineType;
    /**
     * Number of control-plane instances (and etcd members): 1, 3 or 5 — etcd needs an odd count.
     */
    count: 1 | 3 | 5;
    subnetType?: ResolvedSubnetType;
    rootVolume: ResolvedRootVolume;
    image?: ResolvedImage1;
  };
  /**
   * Worker instance groups.
   *
   * @minItems 1
   */
  nodeGroups: [ResolvedNodeGroup, ...ResolvedNodeGroup[]];
  /**
   * etcd clusters (main and events) run by etcd-manager.
   */
  etcd: {
    /**
     * Days etcd-manager keeps its backups in the state store.
     */
    backupRetentionDays: number;
    /**
     * Encrypt the etcd EBS volumes.
     */
    encryptedVolumes: boolean;
  };
  /**
   * Encrypt Kubernetes Secrets at rest in etcd (kops encryptionConfig; create the key with `kops create secret encryptionconfig` before the first apply, see the runbook).
   */
  secretsEncryption: boolean;
  /**
   * API server audit logging to the control-plane hosts.
   */
  auditLogging: {
    /**
     * Write an audit log with stackc's audit policy (metadata for everything, request bodies for RBAC and secrets changes are never logged).
     */
    enabled: boolean;
    /**
     * Days audit log files are kept on the host.
     */
    maxAgeDays: number;
  };
  /**
   * IAM roles for service accounts: add-ons get AWS permissions through their own role, never the node's.
   */
  irsa: {
    /**
     * Publish the service-account issuer through an S3 discovery bucket and create an AWS OIDC provider.
     */
    enabled: boolean;
    discoveryBucket?: ResolvedBucketName4;
  };
}
/**
 * IMDS settings of every instance group (node groups may override).
 */
export interface ResolvedInstanceMetadata {
  /**
   * `required` enforces IMDSv2 (session tokens), which stops SSRF credential theft.
   */
  httpTokens: "required" | "optional";
  /**
   * PUT response hop limit; 1 keeps pods (one hop further) away from node credentials.
   */
  hopLimit: number;
}
/**
 * Root EBS volume of the instances.
 */
export interface ResolvedRootVolume {
  /**
   * Size in GiB.
   */
  size?: number;
  /**
   * EBS volume type.
   */
  type: "gp3" | "gp2" | "io1" | "io2";
  /**
   * Encrypt the root volume (with the account's EBS encryption key).
   */
  encrypted: boolean;
}
/**
 * A worker instance group.
 */
export interface ResolvedNodeGroup {
  name: ResolvedDnsLabel;
  machineType?: ResolvedMachineType1;
  /**
   * Several instance types for a mixed-instances group (spot diversification); the first is the group's primary type.
   *
   * @minItems 1
   */
  machineTypes?: [ResolvedMachineType2, ...ResolvedMachineType2[]];
  /**
   * Minimum instance count.
   */
  min: number;
  /**
   * Maximum instance count (cluster-autoscaler scales between min and max).
   */
  max: number;
  /**
   * Run on spot capacity (price-capacity-optimized, capacity rebalancing, tainted spot=true:PreferNoSchedule).
   */
  spot: boolean;
  /**
   * For spot groups: instances always on demand before spot is used.
   */
  onDemandBase: number;
  /**
   * Zones of the group (defaults to all stack zones).
   *
   * @minItems 1
   */
  zones?: [ResolvedZone, ...ResolvedZone[]];
  subnetType?: ResolvedSubnetType1;
  rootVolume: ResolvedRootVolume1;
  image?: ResolvedImage2;
  instanceMetadata?: ResolvedInstanceMetadata1;
  /**
   * Kubernetes node labels.
   */
  labels: {
    [k: string]: string | undefined;
  };
  /**
   * Kubernetes node taints as key[=value]:Effect.
   */
  taints: string[];
}
/**
 * Root EBS volume of the instances.
 */
export interface ResolvedRootVolume1 {
  /**
   * Size in GiB.
   */
  size?: number;
  /**
   * EBS volume type.
   */
  type: "gp3" | "gp2" | "io1" | "io2";
  /**
   * Encrypt the root volume (with the account's EBS encryption key).
   */
  encrypted: boolean;
}
/**
 * IMDS settings (defaults to spec.cluster.instanceMetadata).
 */
export interface ResolvedInstanceMetadata1 {
  /**
   * `required` enforces IMDSv2 (session tokens), which stops SSRF credential theft.
   */
  httpTokens: "required" | "optional";
  /**
   * PUT response hop limit; 1 keeps pods (one hop further) away from node credentials.
   */
  hopLimit: number;
}
/**
 * Curated add-ons, wired to the stack (cluster name, region, zone, buckets, IRSA roles) and pinned.
 */
export interface ResolvedAddons {
  /**
   * cert-manager (chart jetstack/cert-manager).
   */
  certManager?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version (cert-manager charts carry a leading v).
     */
    version: string;
    /**
     * Give cert-manager Route53 DNS-01 permissions on the stack zone.
     */
    dns01: boolean;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * external-dns (chart external-dns/external-dns), managing records in spec.dns.zone.
   */
  externalDns?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * `upsert-only` never deletes records; `sync` also deletes records it owns that no longer have a source.
     */
    policy: "upsert-only" | "sync";
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * cluster-autoscaler (chart autoscaler/cluster-autoscaler) with ASG auto-discovery.
   */
  clusterAutoscaler?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * How a node group is chosen for scale-up.
     */
    expander: "least-waste" | "random" | "most-pods" | "priority";
    /**
     * cluster-autoscaler image tag; defaults to the release matching the Kubernetes minor.
     */
    imageTag?: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * metrics-server (chart metrics-server/metrics-server).
   */
  metricsServer?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * AWS Load Balancer Controller (chart eks/aws-load-balancer-controller).
   */
  awsLoadBalancerController?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * AWS EBS CSI driver installed by Helm instead of kops (kops' copy is then switched to managed: false).
   */
  awsEbsCsiDriver?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * External Secrets Operator (chart external-secrets/external-secrets), reading AWS Secrets Manager and SSM Parameter Store.
   */
  externalSecrets?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Only secrets and parameters under this prefix are readable; defaults to `<cluster name>/`.
     */
    secretsPrefix?: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * Prometheus, Alertmanager and Grafana (chart prometheus-community/kube-prometheus-stack).
   */
  kubePrometheusStack?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Prometheus retention.
     */
    retention: string;
    /**
     * Prometheus persistent volume size.
     */
    storageSize: string;
    /**
     * Exact version of the prometheus-operator-crds chart, installed in the first group so every add-on's ServiceMonitor has its CRD; pair it with the kube-prometheus-stack version (same prometheus-operator release).
     */
    crdsVersion: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * Loki log store (chart grafana-community/loki) on S3.
   */
  loki?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    bucket: ResolvedBucketName5;
    /**
     * Days logs are kept.
     */
    retentionDays: number;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * Fluent Bit log shipper (chart fluent/fluent-bit), sending to Loki.
   */
  fluentBit?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * Velero cluster backups (chart vmware-tanzu/velero) with the AWS plugin; schedule, retention and bucket come from spec.backups.
   */
  velero?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * velero-plugin-for-aws image tag paired with the Velero version.
     */
    pluginVersion: string;
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * ingress-nginx (retired upstream in March 2026: kept selectable, with a warning).
   */
  ingressNginx?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Scheme of the Network Load Balancer in front of the controller: reachable from the VPC only, or from the internet.
     */
    loadBalancerScheme: "internal" | "internet-facing";
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
  /**
   * Traefik Proxy (chart traefik/traefik): the maintained ingress controller stackc offers in place of the retired ingress-nginx, behind an AWS Network Load Balancer.
   */
  traefik?: {
    /**
     * Install the add-on (set false to keep the settings but not install it).
     */
    enabled: boolean;
    /**
     * Exact chart version.
     */
    version: string;
    /**
     * Scheme of the Network Load Balancer in front of Traefik: reachable from the VPC only, or from the internet.
     */
    loadBalancerScheme: "internal" | "internet-facing";
    /**
     * Helm values deep-merged over the values stackc wires for this add-on.
     */
    values: {};
  };
}
/**
 * A Helm release beyond the curated add-ons.
 */
export interface ResolvedChart {
  name: ResolvedDnsLabel1;
  /**
   * Chart repository: an https:// Helm repository or an oci:// registry path.
   */
  repo: string;
  /**
   * Chart name in the repository.
   */
  chart: string;
  /**
   * Exact chart version (no ranges).
   */
  version: string;
  namespace: ResolvedDnsLabel2;
  /**
   * Helm values of the release.
   */
  values: {};
  /**
   * Releases installed before this one: a release name, or namespace/name.
   */
  needs: string[];
  /**
   * Capabilities.APIVersions the chart's templates test (.Capabilities.APIVersions.Has) that the cluster will serve, as group/version or group/version/Kind. Written as the release's helmfile apiVersions, which helmfile passes to helm template and to the diff helmfile apply runs first (--api-versions), so an offline render matches the cluster: e.g. monitoring.coreos.com/v1 for a ServiceMonitor template that checks for the Prometheus Operator CRDs another release installs.
   */
  apiVersions: string[];
  /**
   * Wait until the release's resources are ready before dependent releases start.
   */
  wait: boolean;
  /**
   * Helm timeout in seconds.
   */
  timeout?: number;
  /**
   * false: helmfile uninstalls the release (the safe way to remove a chart the cluster runs: set installed: false, build and apply, then delete the entry).
   */
  installed: boolean;
}
/**
 * Cluster backups with Velero (spec.addons.velero) to an S3 bucket the stack owns.
 */
export interface ResolvedBackups {
  /**
   * Take scheduled backups.
   */
  enabled: boolean;
  /**
   * Backup schedule: a 5-field cron expression (UTC), at least daily.
   */
  schedule: string;
  /**
   * Days a backup is kept (Velero TTL).
   */
  retentionDays: number;
  bucket?: ResolvedBucketName6;
  /**
   * Replicate the backup bucket to a bucket `<bucket>-replica` in this region.
   */
  replicaRegion?: string;
}
/**
 * Policy gate settings of this stack.
 */
export interface ResolvedPolicy {
  /**
   * Rules waived for this stack; each needs a reason and an expiry date (an expired waiver is itself an error).
   *
   * Items: A waiver of one policy rule.
   */
  waivers: {
    /**
     * Policy rule id: a catalog rule (STK-NET-009) or a user policy's code, USER-<package>-<rule> (waivable in runs that load that policy with --policy).
     */
    rule: string;
    /**
     * Why the rule does not apply here (shown in reports).
     */
    reason: string;
    /**
     * Last day the waiver applies (YYYY-MM-DD).
     */
    expires: string;
  }[];
  /**
   * The longest a waiver may run: its expires date at most this many days after today (STK-WAIVER-001). Set it once in the organisation's base manifest.
   */
  maxWaiverDays: number;
  /**
   * Changes from the last build that a change rule refuses (STK-CHANGE-…), accepted after review. Each names the exact change the finding prints; one that matches nothing is a warning.
   *
   * Items: An acknowledgement of one refused change.
   */
  acknowledgements: {
    /**
     * Change rule id.
     */
    rule: string;
    /**
     * The exact change, as the finding prints it.
     */
    change: string;
    /**
     * Why it is safe to go ahead (reviewed in the pull request).
     */
    reason: string;
  }[];
}
