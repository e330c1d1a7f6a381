// The normalized model: the manifest with every default applied (`stack`, which keeps the
// manifest's shape so policy paths are manifest paths) plus the facts every emitter needs,
// derived once: zones with their subnets, instance groups, buckets, enabled add-ons, tags.
// Emitters read only this; none of them re-derives anything from the raw manifest.
import type { AddonInfo, AddonKey } from "../catalog/addons.js";
import type { BucketRole, IamStatement } from "../catalog/iam-types.js";
import type { ResolvedChart, ResolvedStack } from "../../schema/stack.types.js";
import type { StackNetwork } from "./network.js";

export type Environment = ResolvedStack["metadata"]["environment"];

export interface ZoneModel {
  name: string;
  /** The zone letter (a, b, …): subnet derivation and resource naming key on it. */
  letter: string;
  privateCidr: string;
  utilityCidr: string;
  /** True when the CIDRs were derived (not given in spec.network.subnets). */
  derived: boolean;
  /** Zone whose NAT gateway this zone's private subnet routes through. */
  natZone: string;
  /**
   * In an existing network: the ids given for this zone (utility subnet, NAT gateway, and the
   * shared private subnet when the network names one; else the stack creates its own).
   */
  existing?: { utilitySubnetId: string; natGatewayId: string; privateSubnetId?: string };
}

export type InstanceGroupRole = "ControlPlane" | "Node" | "Bastion";

export interface InstanceGroupModel {
  name: string;
  role: InstanceGroupRole;
  zones: string[];
  subnetType: "private" | "utility";
  /** Primary instance type (kops needs one even for mixed-instances groups). */
  machineType: string;
  /** All instance types; more than one means a mixed-instances policy. */
  machineTypes: string[];
  min: number;
  max: number;
  spot: boolean;
  onDemandBase: number;
  image: string;
  rootVolume: { size?: number; type: string; encrypted: boolean };
  instanceMetadata: { httpTokens: "required" | "optional"; hopLimit: number };
  labels: Record<string, string>;
  taints: string[];
  /** Manifest pointer of the setting the group comes from (for diagnostics). */
  pointer: string;
}

export interface BucketModel {
  role: BucketRole;
  name: string;
  /** One line for comments and the runbook. */
  purpose: string;
  /** Only the IRSA discovery bucket: it serves public OIDC documents. */
  publicRead: boolean;
  /** Expire current objects after this many days (flow logs, access logs). */
  expireDays?: number;
  /** Keep noncurrent versions this many days. */
  noncurrentDays: number;
  /** Replicate to a bucket `<name>-replica` in this region. */
  replicaRegion?: string;
  /** Set on the buckets of model.remoteBuckets: the region they live in (not the stack's). */
  region?: string;
  /** Set on a replica: the name of the bucket it replicates. */
  replicaOf?: string;
  pointer: string;
}

export interface AddonModel {
  key: AddonKey;
  info: AddonInfo;
  version: string;
  /** The add-on's resolved settings from the manifest (version, values, knobs). */
  settings: Record<string, unknown> & { values: Record<string, unknown> };
  /** Service account that gets an IRSA role, when the add-on calls AWS. */
  serviceAccount?: { name: string; namespace: string };
  /**
   * AWS permissions of that service account: inline statements (the Terraform emitter renders
   * them as one aws_iam_policy per add-on) and AWS-managed policy ARNs (attached as they are).
   */
  iam?: { statements: IamStatement[]; managedPolicyArns: string[] };
  pointer: string;
}

export interface KmsModel {
  /** create: the stack's Terraform creates a key; existing: kmsKeyArn; none: SSE-S3. */
  mode: "create" | "existing" | "none";
  arn?: string;
  rotation: boolean;
}

/** A Region the stack names (its own, a backup replica's) as compiler/catalog/aws-zones.ts knows it. */
export interface RegionModel {
  region: string;
  /** Which setting names it. */
  setting: "cloud" | "backups-replica";
  /** False when the table does not know the Region (a typo, or one newer than the table). */
  known: boolean;
  /** Its Availability Zones per the table (empty when unknown). */
  zones: string[];
  pointer: string;
}

export interface StackModel {
  /** Display path of the entry manifest (relative to the working folder: for diagnostics). */
  file: string;
  /**
   * Path of the entry manifest relative to the workspace root it lives in (`/` separators): what
   * generated files name, so out/ does not depend on the folder stackc ran from.
   */
  source: string;
  name: string;
  environment: Environment;
  /** The manifest with all defaults applied; same shape (and pointers) as the YAML. */
  stack: ResolvedStack;
  region: string;
  /** The stack's Region, then the backup replica Region when set, with their known zones. */
  regions: RegionModel[];
  accountId?: string;
  vpcCidr: string;
  zones: ZoneModel[];
  /** Zones that hold a NAT gateway. */
  natZones: string[];
  clusterName: string;
  /** MAJOR.MINOR of kubernetesVersion when it parses, e.g. "1.36". */
  kubernetesMinor?: string;
  instanceGroups: InstanceGroupModel[];
  /** The buckets in the stack's region, one per role. */
  buckets: BucketModel[];
  /**
   * The buckets stackc creates in the replica regions: each replica (role of its source,
   * `replicaOf`) and, when the stack has an access-log bucket, one access-log bucket per replica
   * region (S3 delivers server access logs only within a region). Sorted by name.
   */
  remoteBuckets: BucketModel[];
  kms: KmsModel;
  /** Enabled curated add-ons, in catalog order. */
  addons: AddonModel[];
  charts: ResolvedChart[];
  /** Tags for every AWS resource, keys sorted. */
  tags: Record<string, string>;
  /** Set when the stack lives in a shared network (spec.network.use) instead of its own VPC. */
  network?: StackNetwork;
  /**
   * Blue/green: the stack this one replaces (spec.replaces), normalized. Its Velero bucket is
   * this stack's read-only restore source; the runbook carries the cut-over from it.
   */
  replaces?: StackModel;
}

export function bucketByRole(model: StackModel, role: BucketRole): BucketModel | undefined {
  return model.buckets.find((b) => b.role === role);
}

export function addonByKey(model: StackModel, key: AddonKey): AddonModel | undefined {
  return model.addons.find((a) => a.key === key);
}

/**
 * Add-ons whose service account gets an inline IAM policy: the Terraform emitter creates one
 * policy per add-on, exported as `irsa_policy_arns[<key>]`, which the kops spec attaches. Both
 * sides ask this one function so they cannot disagree.
 */
export function addonsWithInlinePolicy(model: StackModel): AddonModel[] {
  return model.addons.filter((a) => a.serviceAccount !== undefined && (a.iam?.statements.length ?? 0) > 0);
}
