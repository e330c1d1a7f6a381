// The policy input for one stack: the manifest with defaults (`stack`), a plain-data view of the
// normalized model (`model`), the emitters' artifacts (`artifacts`) and the host's facts
// (`facts`). The model view exists so policies do not re-derive what normalize already knows
// (zones and their subnets, instance groups, buckets by role) and can still point at the
// manifest: every entity carries `path`, the manifest path (keys and indexes into `stack`)
// of the setting it comes from.
//
//   input.stack      ResolvedStack: apiVersion, kind, metadata, spec (defaults applied)
//   input.model      {name, environment, region, vpcCidr, kubernetesMinor,
//                     regions: [{region, setting: "cloud" | "backups-replica", known, zones, path}]
//                              (Availability Zones from compiler/catalog/aws-zones.ts),
//                     zones: [{name, letter, privateCidr, utilityCidr, derived, natZone,
//                              paths: {private, utility}}],
//                     natZones: [zone],
//                     instanceGroups: [{name, role, zones, subnetType, machineType, machineTypes,
//                              min, max, spot, onDemandBase, rootVolume, instanceMetadata,
//                              image, imageArchitecture: "amd64" | "arm64" | null,
//                              architectures: {<type>: "amd64" | "arm64"} (types the
//                              compiler/catalog/instance-architectures.ts table knows), path}],
//                     buckets: [{role, name, publicRead, noncurrentDays, expireDays?,
//                              replicaRegion?, region?, replicaOf?, path}]  (model.buckets and
//                              model.remoteBuckets: replicas carry their source's role),
//                     kms: {mode, rotation, arn?},
//                     addons: [{key, release, namespace, version, path}]}
//   input.artifacts  {terraform?, kops?, helmfile?}: EmitOutput.artifact of each emitter that ran
//   input.facts      {environment, now, today, kubernetes: {kops, min, max, recommendedMin,
//                     endOfLife: {minor: date}, eolWarningDays}}
import type { PathSegment } from "../load/pointer.js";
import { escapeSegment, parsePointer } from "../load/pointer.js";
import type { StackModel } from "../model/model.js";
import type { NetworkModel } from "../model/network.js";
import { regionZones } from "../catalog/aws-zones.js";
import { type Architecture, imageArchitecture, instanceArchitecture } from "../catalog/instance-architectures.js";
import type { PolicyFacts } from "./facts.js";

export interface PolicyModelView {
  name: string;
  environment: string;
  region: string;
  vpcCidr: string;
  kubernetesMinor: string | null;
  regions: { region: string; setting: string; known: boolean; zones: string[]; path: PathSegment[] }[];
  zones: {
    name: string;
    letter: string;
    privateCidr: string;
    utilityCidr: string;
    derived: boolean;
    natZone: string;
    paths: { private: PathSegment[]; utility: PathSegment[] };
  }[];
  natZones: string[];
  instanceGroups: {
    name: string;
    role: string;
    zones: string[];
    subnetType: string;
    machineType: string;
    machineTypes: string[];
    min: number;
    max: number;
    spot: boolean;
    onDemandBase: number;
    rootVolume: { size?: number; type: string; encrypted: boolean };
    instanceMetadata: { httpTokens: string; hopLimit: number };
    image: string;
    imageArchitecture: Architecture | null;
    architectures: Record<string, Architecture>;
    path: PathSegment[];
  }[];
  buckets: {
    role: string;
    name: string;
    publicRead: boolean;
    noncurrentDays: number;
    expireDays?: number;
    replicaRegion?: string;
    region?: string;
    replicaOf?: string;
    path: PathSegment[];
  }[];
  kms: { mode: string; rotation: boolean; arn?: string };
  addons: { key: string; release: string; namespace: string; version: string; path: PathSegment[] }[];
  /**
   * "Stack", or "Network" for a kind: Network manifest (its view has zones with only a utility
   * subnet, and no instance groups, buckets or add-ons).
   */
  kind: "Stack" | "Network";
  /** A stack in a shared network: what the network rules need to know of it. */
  network?: { name: string; file: string; existing: boolean; natPerZone: boolean; flowLogs: boolean; restrictDefaultSecurityGroup: boolean };
}

/** `input` of every policy (catalog and user policies alike). */
export interface PolicyInput {
  /** The manifest with defaults applied, same shape as the YAML. */
  stack: Readonly<Record<string, unknown>>;
  /** The normalized model as data (absent in unit tests that only need the manifest). */
  model?: PolicyModelView;
  /** Emitted artifacts as data, by emitter id, when emitting ran. */
  artifacts?: Readonly<Record<string, unknown>>;
  facts: PolicyFacts;
}

/**
 * A JSON Pointer into `stack` as a policy path: segments that index an array become numbers
 * (what Rego needs to walk the value), others stay strings.
 */
export function pointerToPath(stack: unknown, pointer: string): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = stack;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(segment)) {
      path.push(Number(segment));
      node = node[Number(segment)];
    } else {
      path.push(segment);
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

export function modelView(model: StackModel): PolicyModelView {
  const stack = model.stack;
  const path = (pointer: string) => pointerToPath(stack, pointer);
  return {
    name: model.name,
    environment: model.environment,
    region: model.region,
    vpcCidr: model.vpcCidr,
    kubernetesMinor: model.kubernetesMinor ?? null,
    regions: model.regions.map((r) => ({ region: r.region, setting: r.setting, known: r.known, zones: [...r.zones], path: path(r.pointer) })),
    zones: model.zones.map((z) => {
      const given = `/spec/network/subnets/${escapeSegment(z.name)}`;
      const block = model.network?.block !== undefined ? "/spec/network/block" : "/spec/network/use";
      return {
        name: z.name,
        letter: z.letter,
        privateCidr: z.privateCidr,
        utilityCidr: z.utilityCidr,
        derived: z.derived,
        natZone: z.natZone,
        paths: model.network
          ? // in a shared network: the private subnet comes from the stack's block, the utility subnet is the network's
            { private: path(block), utility: path("/spec/network/use") }
          : z.derived
            ? // derived subnets come from the VPC CIDR: that is the value to change
              { private: path("/spec/network/cidr"), utility: path("/spec/network/cidr") }
            : { private: path(`${given}/private`), utility: path(`${given}/utility`) },
      };
    }),
    natZones: [...model.natZones],
    instanceGroups: model.instanceGroups.map((g) => ({
      name: g.name,
      role: g.role,
      zones: [...g.zones],
      subnetType: g.subnetType,
      machineType: g.machineType,
      machineTypes: [...g.machineTypes],
      min: g.min,
      max: g.max,
      spot: g.spot,
      onDemandBase: g.onDemandBase,
      rootVolume: { ...g.rootVolume },
      instanceMetadata: { ...g.instanceMetadata },
      image: g.image,
      imageArchitecture: imageArchitecture(g.image) ?? null,
      architectures: architecturesOf(g.machineTypes),
      path: path(g.pointer),
    })),
    // every bucket stackc creates, the replica regions' included, so the bucket rules judge them all
    buckets: [...model.buckets, ...model.remoteBuckets].map((b) => ({
      role: b.role,
      name: b.name,
      publicRead: b.publicRead,
      noncurrentDays: b.noncurrentDays,
      ...(b.expireDays !== undefined ? { expireDays: b.expireDays } : {}),
      ...(b.replicaRegion !== undefined ? { replicaRegion: b.replicaRegion } : {}),
      ...(b.region !== undefined ? { region: b.region } : {}),
      ...(b.replicaOf !== undefined ? { replicaOf: b.replicaOf } : {}),
      path: path(b.pointer),
    })),
    kms: { mode: model.kms.mode, rotation: model.kms.rotation, ...(model.kms.arn !== undefined ? { arn: model.kms.arn } : {}) },
    addons: model.addons.map((a) => ({
      key: a.key,
      release: a.info.release,
      namespace: a.info.namespace,
      version: a.version,
      path: path(a.pointer),
    })),
    kind: "Stack",
    ...(model.network ? { network: sharedNetworkView(model.network.model) } : {}),
  };
}

/** The known architecture of each instance type (types of unknown families are left out). */
function architecturesOf(types: readonly string[]): Record<string, Architecture> {
  const out: Record<string, Architecture> = {};
  for (const t of types) {
    const arch = instanceArchitecture(t);
    if (arch !== undefined) out[t] = arch;
  }
  return out;
}

/** The whole input for one stack. Artifacts are passed through as the emitters returned them. */
export function buildPolicyInput(model: StackModel, artifacts: Readonly<Record<string, unknown>>, facts: PolicyFacts): PolicyInput {
  return {
    stack: model.stack as unknown as Record<string, unknown>,
    model: modelView(model),
    artifacts,
    facts,
  };
}

function sharedNetworkView(n: NetworkModel): NonNullable<PolicyModelView["network"]> {
  return {
    name: n.name,
    file: n.file,
    existing: n.existing !== undefined,
    natPerZone: n.zones.every((z) => z.natZone === z.name),
    flowLogs: n.manifest.spec.flowLogs.enabled,
    restrictDefaultSecurityGroup: n.manifest.spec.restrictDefaultSecurityGroup,
  };
}

/**
 * The view of a kind: Network manifest: the network rules read zones (utility subnets and the
 * NAT zone of each), natZones and vpcCidr as they do for a stack; the paths point into the
 * network manifest.
 */
export function networkModelView(network: NetworkModel): PolicyModelView {
  const manifest = network.manifest;
  const path = (pointer: string) => pointerToPath(manifest, pointer);
  return {
    name: network.name,
    environment: network.environment,
    region: network.region,
    vpcCidr: network.vpcCidr,
    kubernetesMinor: null,
    // the network's region and its zones, so the zone-existence rule judges a network too
    regions: [{ region: network.region, setting: "cloud", known: regionZones(network.region) !== undefined, zones: [...(regionZones(network.region) ?? [])], path: path("/spec/region") }],
    zones: network.zones.map((z) => {
      const zone = escapeSegment(z.name);
      const utility = network.existing
        ? `/spec/existing/zones/${zone}/utilitySubnet/cidr`
        : manifest.spec.subnets?.[z.name]
          ? `/spec/subnets/${zone}/utility`
          : "/spec/cidr";
      return {
        name: z.name,
        letter: z.letter,
        utilityCidr: z.utilityCidr,
        derived: utility === "/spec/cidr",
        natZone: z.natZone,
        paths: { private: path("/spec/cidr"), utility: path(utility) },
      } as PolicyModelView["zones"][number];
    }),
    natZones: [...network.natZones],
    instanceGroups: [],
    buckets: [],
    kms: { mode: "none", rotation: false },
    addons: [],
    kind: "Network",
  };
}

/** The whole input for one network manifest. */
export function buildNetworkPolicyInput(network: NetworkModel, artifacts: Readonly<Record<string, unknown>>, facts: PolicyFacts): PolicyInput {
  return { stack: network.manifest as unknown as Record<string, unknown>, model: networkModelView(network), artifacts, facts };
}
