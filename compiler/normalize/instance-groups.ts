// Instance groups: the control plane (one group per instance, spread over the zones in
// order, as kops requires: min = max = 1 each), the worker node groups, and the bastion.
import type { NormalizeContext } from "./context.js";
import type { InstanceGroupModel } from "../model/model.js";

/** kops' conventional names, which `kops create cluster` would also produce. */
export const BASTION_GROUP = "bastions";
export const BASTION_MACHINE_TYPE = "t3.micro";

export function controlPlaneGroupName(zone: string, nth: number): string {
  return nth === 0 ? `control-plane-${zone}` : `control-plane-${zone}-${nth + 1}`;
}

export function buildInstanceGroups(ctx: NormalizeContext): InstanceGroupModel[] {
  const { cluster, cloud, network } = ctx.stack.spec;
  const defaultSubnet = network.topology === "private" ? "private" : "utility";
  const groups: InstanceGroupModel[] = [];

  const cp = cluster.controlPlane;
  const perZone = new Map<string, number>();
  for (let i = 0; i < cp.count; i++) {
    const zone = cloud.zones[i % cloud.zones.length]!;
    const nth = perZone.get(zone) ?? 0;
    perZone.set(zone, nth + 1);
    groups.push({
      name: controlPlaneGroupName(zone, nth),
      role: "ControlPlane",
      zones: [zone],
      subnetType: cp.subnetType ?? defaultSubnet,
      machineType: cp.machineType,
      machineTypes: [cp.machineType],
      min: 1,
      max: 1,
      spot: false,
      onDemandBase: 0,
      image: cp.image ?? cluster.image,
      rootVolume: { ...cp.rootVolume },
      instanceMetadata: { ...cluster.instanceMetadata },
      labels: {},
      taints: [],
      pointer: "/spec/cluster/controlPlane",
    });
  }

  const reserved = new Map<string, string>(groups.map((g) => [g.name, "/spec/cluster/controlPlane"]));
  if (cluster.ssh.bastion) reserved.set(BASTION_GROUP, "/spec/cluster/ssh/bastion");
  const firstByName = new Map<string, number>();

  cluster.nodeGroups.forEach((group, i) => {
    const pointer = `/spec/cluster/nodeGroups/${i}`;
    const previous = firstByName.get(group.name);
    if (previous !== undefined) {
      ctx.report("STK-MODEL-007", `Node group name "${group.name}" is used twice`, `${pointer}/name`, {
        related: [ctx.related(`/spec/cluster/nodeGroups/${previous}/name`, "first used here")],
      });
    } else if (reserved.has(group.name)) {
      ctx.report("STK-MODEL-007", `Node group name "${group.name}" is taken by a group stackc creates`, `${pointer}/name`, {
        related: [ctx.related(reserved.get(group.name)!, "that group comes from here")],
      });
    } else {
      firstByName.set(group.name, i);
    }
    if (group.min > group.max) {
      ctx.report("STK-MODEL-008", `Node group "${group.name}" has min ${group.min} greater than max ${group.max}`, `${pointer}/min`, {
        related: [ctx.related(`${pointer}/max`, "max is set here")],
      });
    }
    const types = group.machineTypes ?? (group.machineType !== undefined ? [group.machineType] : []);
    if (group.machineType !== undefined && group.machineTypes !== undefined) {
      ctx.report("STK-MODEL-009", `Node group "${group.name}" sets both machineType and machineTypes`, `${pointer}/machineTypes`, {
        prefer: "key",
        hint: "Use machineTypes alone for a mixed-instances group (its first type is the primary one)",
      });
    } else if (types.length === 0) {
      ctx.report("STK-MODEL-009", `Node group "${group.name}" needs machineType or machineTypes`, pointer, {
        hint: "Add machineType: m6i.xlarge (or machineTypes: [m6i.xlarge, m6a.xlarge] for spot diversification)",
      });
    }
    const zones = group.zones ?? cloud.zones;
    (group.zones ?? []).forEach((zone, z) => {
      if (!cloud.zones.includes(zone)) {
        ctx.report("STK-MODEL-010", `Node group "${group.name}" uses zone ${zone}, which is not in spec.cloud.zones`, `${pointer}/zones/${z}`, {
          hint: `Stack zones: ${cloud.zones.join(", ")}`,
        });
      }
    });
    if (group.spot && group.onDemandBase > group.max) {
      ctx.report("STK-MODEL-016", `Node group "${group.name}" has onDemandBase ${group.onDemandBase} above max ${group.max}`, `${pointer}/onDemandBase`);
    }
    groups.push({
      name: group.name,
      role: "Node",
      zones: zones.filter((z) => cloud.zones.includes(z)),
      subnetType: group.subnetType ?? defaultSubnet,
      machineType: types[0] ?? "",
      machineTypes: types,
      min: group.min,
      max: group.max,
      spot: group.spot,
      onDemandBase: group.onDemandBase,
      image: group.image ?? cluster.image,
      rootVolume: { ...group.rootVolume },
      instanceMetadata: { ...(group.instanceMetadata ?? cluster.instanceMetadata) },
      labels: Object.fromEntries(Object.entries(group.labels).filter((e): e is [string, string] => e[1] !== undefined)),
      taints: [...group.taints],
      pointer,
    });
  });

  if (cluster.ssh.bastion) {
    groups.push({
      name: BASTION_GROUP,
      role: "Bastion",
      zones: [...cloud.zones],
      subnetType: "utility",
      machineType: BASTION_MACHINE_TYPE,
      machineTypes: [BASTION_MACHINE_TYPE],
      min: 1,
      max: 1,
      spot: false,
      onDemandBase: 0,
      image: cluster.image,
      rootVolume: { type: "gp3", encrypted: true },
      instanceMetadata: { ...cluster.instanceMetadata },
      labels: {},
      taints: [],
      pointer: "/spec/cluster/ssh/bastion",
    });
  }
  return groups;
}
