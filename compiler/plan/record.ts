// The change record: what `plan` and the change rules need to know about a build, kept in
// stackc.lock.json next to the file hashes, so a baseline is read as data and never re-parsed
// from generated HCL or YAML. Built from the normalized model and the emitters' artifacts (the
// same data policies see). Pure.
//
//   ChangeRecord = {
//     version: 1,
//     kubernetesVersion: "1.36.1",
//     zones: ["eu-west-1a", …],                       // spec.cloud.zones, in order
//     controlPlaneZones: ["eu-west-1a", …],
//     etcd: { "main": { "a": "control-plane-eu-west-1a", … }, "events": { … } },   // member → instance group
//     addons: { "<key>": { release: "namespace/name", installed: boolean } },     // every add-on the manifest names
//     terraform: { "<module dir>": { "<instance address>": TerraformRecord } },
//     kops: { cluster: { "<spec field>": hash }, instanceGroups: { "<name>": InstanceGroupRecord } },
//     helm: { "<namespace/name>": ReleaseRecord },
//   }
import type { HelmfileArtifact } from "../emit/helmfile/types.js";
import type { KopsArtifact } from "../emit/kops/artifact.js";
import type { ArtifactValue, TerraformArtifact } from "../emit/terraform/tf/artifact.js";
import type { StackModel } from "../model/model.js";
import { valueHash } from "./canonical.js";
import { forceNewEntry } from "./force-new.js";

export const RECORD_VERSION = 1;

export interface TerraformRecord {
  type: string;
  /** What the resource is for (bucket role, add-on, zone key): finds its manifest line later. */
  meta?: { bucketRole?: string; addon?: string; key?: string };
  /** Values of the force-new arguments the resource sets (references kept as `{$ref}`). */
  forceNew: Record<string, ArtifactValue>;
  /** Hash of every argument. */
  hash: string;
  /** Resources any argument refers to (a replaced one changes this resource too). */
  refs?: string[];
  /** The manifest setting the resource comes from (JSON Pointer at build time). */
  pointer: string;
}

export interface InstanceGroupRecord {
  role: string;
  machineType: string;
  image: string;
  minSize: number;
  maxSize: number;
  subnets: string[];
  /** Hash of the spec without sizes and subnets (ASG settings): a change here rolls the group's instances. */
  rollHash: string;
  pointer: string;
}

export interface ReleaseRecord {
  chart: string;
  version: string;
  installed: boolean;
  source: "addon" | "companion" | "chart";
  addon?: string;
  valuesHash: string;
  pointer: string;
}

export interface ChangeRecord {
  version: number;
  kubernetesVersion: string;
  zones: string[];
  controlPlaneZones: string[];
  etcd: Record<string, Record<string, string>>;
  addons: Record<string, { release: string; installed: boolean }>;
  /** Names of spec.charts entries. */
  charts: Record<string, { release: string; installed: boolean }>;
  terraform: Record<string, Record<string, TerraformRecord>>;
  kops: { cluster: Record<string, string>; instanceGroups: Record<string, InstanceGroupRecord> };
  helm: Record<string, ReleaseRecord>;
}

export function buildChangeRecord(model: StackModel, artifacts: Record<string, unknown>): ChangeRecord {
  const helmfile = artifacts.helmfile as HelmfileArtifact | undefined;
  const releases = helmfile?.releases ?? [];
  const addons: ChangeRecord["addons"] = {};
  const charts: ChangeRecord["charts"] = {};
  for (const r of releases) {
    if (r.source === "addon" && r.addon) addons[r.addon] = { release: r.id, installed: r.installed };
    if (r.source === "chart") charts[r.name] = { release: r.id, installed: r.installed };
  }
  const helm: ChangeRecord["helm"] = {};
  for (const r of releases) {
    helm[r.id] = {
      chart: r.chart,
      version: r.version,
      installed: r.installed,
      source: r.source,
      ...(r.addon ? { addon: r.addon } : {}),
      valuesHash: valueHash(r.values),
      pointer: r.pointer,
    };
  }
  return {
    version: RECORD_VERSION,
    kubernetesVersion: model.stack.spec.cluster.kubernetesVersion,
    zones: model.zones.map((z) => z.name),
    controlPlaneZones: [...new Set(model.instanceGroups.filter((g) => g.role === "ControlPlane").flatMap((g) => g.zones))].sort(),
    etcd: etcdRecord(artifacts.kops as KopsArtifact | undefined),
    addons: sortObject(addons),
    charts: sortObject(charts),
    terraform: terraformRecord(model, artifacts.terraform as TerraformArtifact | undefined),
    kops: kopsRecord(model, artifacts.kops as KopsArtifact | undefined),
    helm: sortObject(helm),
  };
}

function etcdRecord(kops: KopsArtifact | undefined): ChangeRecord["etcd"] {
  const out: ChangeRecord["etcd"] = {};
  const clusters = (kops?.cluster.spec as { etcdClusters?: { name: string; etcdMembers: { name: string; instanceGroup: string }[] }[] } | undefined)?.etcdClusters ?? [];
  for (const c of clusters) {
    out[c.name] = {};
    for (const m of c.etcdMembers) out[c.name]![m.name] = m.instanceGroup;
  }
  return out;
}

function terraformRecord(model: StackModel, tf: TerraformArtifact | undefined): ChangeRecord["terraform"] {
  const out: ChangeRecord["terraform"] = {};
  for (const module of tf?.modules ?? []) {
    const resources: Record<string, TerraformRecord> = {};
    for (const r of module.resources) {
      if (r.mode !== "managed") continue;
      const entry = forceNewEntry(r.type);
      for (const instance of r.instances) {
        const forceNew: Record<string, ArtifactValue> = {};
        for (const arg of entry?.forceNew ?? []) {
          const value = instance.attributes[arg];
          if (value !== undefined) forceNew[arg] = value;
        }
        const meta = {
          ...(r.meta.bucketRole ? { bucketRole: r.meta.bucketRole } : {}),
          ...(r.meta.addon ? { addon: r.meta.addon } : {}),
          ...(instance.key !== null ? { key: instance.key } : {}),
        };
        resources[instance.address] = {
          type: r.type,
          ...(Object.keys(meta).length > 0 ? { meta } : {}),
          forceNew,
          hash: valueHash(instance.attributes),
          ...refsOf(instance.attributes),
          pointer: terraformPointer(model, r.type, meta),
        };
      }
    }
    out[module.dir] = sortObject(resources);
  }
  return out;
}

function kopsRecord(model: StackModel, kops: KopsArtifact | undefined): ChangeRecord["kops"] {
  const cluster: Record<string, string> = {};
  for (const [field, value] of Object.entries((kops?.cluster.spec ?? {}) as Record<string, unknown>)) cluster[field] = valueHash(value);
  const instanceGroups: Record<string, InstanceGroupRecord> = {};
  for (const ig of kops?.instanceGroups ?? []) {
    const spec = ig.spec as unknown as Record<string, unknown> & { role: string; machineType: string; image: string; minSize: number; maxSize: number; subnets: string[] };
    const { minSize, maxSize, subnets: _subnets, ...rest } = spec;
    instanceGroups[ig.metadata.name] = {
      role: spec.role,
      machineType: spec.machineType,
      image: spec.image,
      minSize,
      maxSize,
      subnets: [...spec.subnets],
      rollHash: valueHash(rest),
      pointer: model.instanceGroups.find((g) => g.name === ig.metadata.name)?.pointer ?? "/spec/cluster",
    };
  }
  return { cluster: sortObject(cluster), instanceGroups: sortObject(instanceGroups) };
}

function refsOf(attributes: Record<string, ArtifactValue>): { refs?: string[] } {
  const refs = [...new Set(referencedAddresses(attributes))].sort();
  return refs.length > 0 ? { refs } : {};
}

/** Addresses a value refers to: `{$ref, address}` and the refs of a `{$template}`. */
export function referencedAddresses(value: ArtifactValue): string[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap(referencedAddresses);
  if (typeof value.address === "string") return [value.address];
  return Object.values(value).flatMap(referencedAddresses);
}

/** The manifest line a Terraform resource comes from: what the user changes to change it. */
function terraformPointer(model: StackModel, type: string, meta: { bucketRole?: string; addon?: string; key?: string }): string {
  if (meta.bucketRole) return model.buckets.find((b) => b.role === meta.bucketRole)?.pointer ?? "/spec";
  if (meta.addon) return model.addons.find((a) => a.key === meta.addon)?.pointer ?? "/spec/addons";
  const zone = meta.key === undefined ? -1 : model.zones.findIndex((z) => z.name === meta.key);
  if (zone >= 0) {
    const z = model.zones[zone]!;
    // in a shared network a private subnet's range is the stack's block
    if (type === "aws_subnet" && model.network) return model.network.pointer;
    if (type === "aws_subnet" && !z.derived) return `/spec/network/subnets/${z.name}`;
    if (type === "aws_eip" || type === "aws_nat_gateway") return "/spec/network/natGateways";
    return `/spec/cloud/zones/${zone}`;
  }
  if (type.startsWith("aws_kms_")) return "/spec/storage/encryption";
  if (type === "aws_route53_zone") return "/spec/dns/zone";
  if (type === "aws_flow_log") return "/spec/network/flowLogs";
  return model.network ? "/spec/network/use" : "/spec/network/cidr";
}

function sortObject<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(o).sort()) out[key] = o[key]!;
  return out;
}
