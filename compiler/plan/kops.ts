// kops: the Kubernetes version, zones, etcd members, Cluster fields and instance groups, from
// the two change records, with the rolling update each change needs (which groups, and why).
import semver from "semver";
import { type Change, cmp } from "./change.js";
import type { ChangeRecord } from "./record.js";
import { removedPointer } from "./terraform.js";

/**
 * Cluster spec fields kops applies without replacing instances (security groups, DNS, load
 * balancer, the add-ons kops deploys through its channels). Any other field ends up in the
 * nodeup configuration or the launch template, so the instances must be replaced to pick it up.
 */
const noRollFields = new Set([
  "kubernetesApiAccess",
  "sshAccess",
  "api",
  "dnsZone",
  "channel",
  "configBase",
  "subnets",
  "networkCIDR",
  "networkID",
  "certManager",
  "clusterAutoscaler",
  "metricsServer",
  "awsLoadBalancerController",
  "podIdentityWebhook",
  // IRSA roles and instance-profile policies: IAM applies them live
  "iam",
]);
/** The manifest setting behind each Cluster field stackc writes (default: spec.cluster). */
const fieldPointers: Record<string, string> = {
  kubernetesApiAccess: "/spec/cluster/api/access",
  api: "/spec/cluster/api",
  sshAccess: "/spec/cluster/ssh",
  sshKeyName: "/spec/cluster/ssh",
  networking: "/spec/cluster/networking",
  etcdClusters: "/spec/cluster/controlPlane",
  networkCIDR: "/spec/network/cidr",
  networkID: "/spec/network/cidr",
  subnets: "/spec/cloud/zones",
  cloudLabels: "/spec/tags",
  dnsZone: "/spec/dns",
  topology: "/spec/network/topology",
  configBase: "/spec/stateStore",
  encryptionConfig: "/spec/cluster/secretsEncryption",
  certManager: "/spec/addons",
  clusterAutoscaler: "/spec/addons",
  metricsServer: "/spec/addons",
  awsLoadBalancerController: "/spec/addons",
  podIdentityWebhook: "/spec/addons",
  serviceAccountIssuerDiscovery: "/spec/cluster/irsa",
};
/** Fields only the control plane reads. */
const controlPlaneFields = new Set(["etcdClusters", "encryptionConfig", "kubeAPIServer", "authorization", "serviceAccountIssuerDiscovery"]);

export interface KubernetesVersionChange {
  from: string;
  to: string;
  kind: "patch" | "minor" | "downgrade" | "major";
  /** Minor versions the control plane moves by (upgrades). */
  minors: number;
}

export function kubernetesChange(from: string, to: string): KubernetesVersionChange | undefined {
  if (from === to) return undefined;
  const a = semver.coerce(from);
  const b = semver.coerce(to);
  if (!a || !b) return { from, to, kind: "minor", minors: 1 };
  if (semver.lt(b, a)) return { from, to, kind: "downgrade", minors: 0 };
  if (b.major !== a.major) return { from, to, kind: "major", minors: Infinity };
  if (b.minor === a.minor) return { from, to, kind: "patch", minors: 0 };
  return { from, to, kind: "minor", minors: b.minor - a.minor };
}

export interface KopsDiff {
  changes: Change[];
  kubernetes?: KubernetesVersionChange;
  removedZones: string[];
  /** etcd members removed or moved to another instance group: `cluster/member`. */
  removedMembers: { cluster: string; member: string; instanceGroup: string; now?: string }[];
}

export function diffKops(before: ChangeRecord, after: ChangeRecord): KopsDiff {
  const changes: Change[] = [];
  const groups = Object.entries(after.kops.instanceGroups);
  // only groups that already run roll; a new group starts with the new spec
  const running = groups.filter(([name]) => before.kops.instanceGroups[name] !== undefined);
  const allGroups = running.map(([name]) => name);
  const controlPlane = running.filter(([, g]) => g.role === "Master").map(([name]) => name);

  // zones
  const removedZones = before.zones.filter((z) => !after.zones.includes(z));
  for (const zone of after.zones.filter((z) => !before.zones.includes(z))) {
    changes.push({ class: "safe", code: "CHG-ZONE-ADD", tool: "stack", target: `zone ${zone}`, reason: `${zone} is added: new subnets (and NAT gateway), existing ones untouched`, pointer: `/spec/cloud/zones/${after.zones.indexOf(zone)}` });
  }
  for (const zone of removedZones) {
    changes.push({ class: "destructive", code: "CHG-ZONE-REMOVE", tool: "stack", target: `zone ${zone}`, reason: `${zone} is removed: its subnets, NAT gateway and every instance in it are deleted`, pointer: "/spec/cloud/zones" });
  }

  // Kubernetes version
  const kubernetes = kubernetesChange(before.kubernetesVersion, after.kubernetesVersion);
  if (kubernetes) {
    const pointer = "/spec/cluster/kubernetesVersion";
    const base = { tool: "kops" as const, target: "kubernetesVersion", pointer, from: kubernetes.from, to: kubernetes.to, rolls: [...controlPlane, ...allGroups.filter((g) => !controlPlane.includes(g))] };
    if (kubernetes.kind === "downgrade") {
      changes.push({ ...base, class: "destructive", code: "CHG-K8S-DOWNGRADE", reason: `Kubernetes ${kubernetes.from} -> ${kubernetes.to} is a downgrade, which Kubernetes does not support (etcd data and API objects are not migrated back)` });
    } else if (kubernetes.kind === "patch") {
      changes.push({ ...base, class: "disruptive", code: "CHG-K8S-PATCH", reason: `Kubernetes ${kubernetes.from} -> ${kubernetes.to}: every instance group rolls, control plane first` });
    } else {
      changes.push({ ...base, class: "disruptive", code: "CHG-K8S-MINOR", reason: `Kubernetes ${kubernetes.from} -> ${kubernetes.to}: every instance group rolls, control plane first` });
    }
  }

  // etcd members
  const removedMembers: KopsDiff["removedMembers"] = [];
  for (const [cluster, members] of Object.entries(before.etcd)) {
    for (const [member, instanceGroup] of Object.entries(members)) {
      const now = after.etcd[cluster]?.[member];
      if (now === instanceGroup) continue;
      removedMembers.push({ cluster, member, instanceGroup, ...(now !== undefined ? { now } : {}) });
      changes.push({
        class: "destructive",
        code: "CHG-ETCD-REMOVE",
        tool: "kops",
        target: `etcd ${cluster}/${member}`,
        reason: now === undefined ? `etcd member ${member} of ${cluster} (on ${instanceGroup}) is removed` : `etcd member ${member} of ${cluster} moves from ${instanceGroup} to ${now}`,
        pointer: "/spec/cluster/controlPlane",
      });
    }
  }
  for (const [cluster, members] of Object.entries(after.etcd)) {
    for (const [member, instanceGroup] of Object.entries(members)) {
      if (before.etcd[cluster]?.[member] !== undefined || Object.keys(before.etcd).length === 0) continue;
      changes.push({
        class: "disruptive",
        code: "CHG-ETCD-ADD",
        tool: "kops",
        target: `etcd ${cluster}/${member}`,
        reason: `etcd member ${member} of ${cluster} is added on ${instanceGroup}: growing a running etcd cluster follows kops' documented member-add procedure, one member at a time`,
        pointer: "/spec/cluster/controlPlane",
      });
    }
  }

  // Cluster fields (the version has its own change above)
  for (const field of [...new Set([...Object.keys(before.kops.cluster), ...Object.keys(after.kops.cluster)])].sort(cmp)) {
    if (field === "kubernetesVersion" || before.kops.cluster[field] === after.kops.cluster[field]) continue;
    const rolls = noRollFields.has(field) ? [] : controlPlaneFields.has(field) ? controlPlane : [...controlPlane, ...allGroups.filter((g) => !controlPlane.includes(g))];
    changes.push({
      class: rolls.length > 0 ? "disruptive" : "safe",
      code: "CHG-KOPS-CLUSTER",
      tool: "kops",
      target: `Cluster spec.${field}`,
      reason: rolls.length > 0 ? `spec.${field} changes what the instances run: ${controlPlaneFields.has(field) ? "the control plane rolls" : "every group rolls"}` : `spec.${field} changes; kops applies it without replacing instances`,
      pointer: fieldPointers[field] ?? "/spec/cluster",
      ...(rolls.length > 0 ? { rolls } : {}),
    });
  }

  // instance groups
  for (const [name, g] of groups) {
    const was = before.kops.instanceGroups[name];
    if (!was) {
      changes.push({ class: "safe", code: "CHG-KOPS-IG-CREATE", tool: "kops", target: `instancegroup ${name}`, reason: `instance group ${name} (${g.machineType}, ${g.minSize}-${g.maxSize}) is added`, pointer: g.pointer });
      continue;
    }
    if (was.minSize !== g.minSize || was.maxSize !== g.maxSize) {
      const shrinks = g.maxSize < was.maxSize;
      changes.push({
        class: shrinks ? "disruptive" : "safe",
        code: "CHG-KOPS-IG-RESIZE",
        tool: "kops",
        target: `instancegroup ${name}`,
        reason: `size ${was.minSize}-${was.maxSize} -> ${g.minSize}-${g.maxSize}${shrinks ? ": instances above the new maximum are terminated without draining" : ""}`,
        pointer: g.pointer,
        from: `${was.minSize}-${was.maxSize}`,
        to: `${g.minSize}-${g.maxSize}`,
      });
    }
    if (was.subnets.join(",") !== g.subnets.join(",")) {
      changes.push({
        class: "safe",
        code: "CHG-KOPS-IG-ZONES",
        tool: "kops",
        target: `instancegroup ${name}`,
        reason: `zones ${was.subnets.join(",")} -> ${g.subnets.join(",")}: the autoscaling group's subnets change in place (instances in a removed zone go with the zone)`,
        pointer: g.pointer,
        from: was.subnets.join(","),
        to: g.subnets.join(","),
      });
    }
    if (was.rollHash !== g.rollHash) {
      const what: string[] = [];
      if (was.image !== g.image) what.push(`image ${was.image} -> ${g.image}`);
      if (was.machineType !== g.machineType) what.push(`machine type ${was.machineType} -> ${g.machineType}`);
      if (what.length === 0) what.push("instance spec (user data, volumes, labels or taints)");
      changes.push({ class: "disruptive", code: "CHG-KOPS-IG-ROLL", tool: "kops", target: `instancegroup ${name}`, reason: `${what.join("; ")}: the group's instances are replaced one by one`, pointer: g.pointer, rolls: [name] });
    }
  }
  for (const [name, was] of Object.entries(before.kops.instanceGroups)) {
    if (after.kops.instanceGroups[name]) continue;
    changes.push({
      class: "destructive",
      code: "CHG-KOPS-IG-DELETE",
      tool: "kops",
      target: `instancegroup ${name}`,
      reason: `instance group ${name} is removed: its instances are terminated without draining (drain and scale it to 0 first)`,
      pointer: removedPointer(was.pointer),
    });
  }
  return { changes, ...(kubernetes ? { kubernetes } : {}), removedZones, removedMembers };
}
