// The InstanceGroup documents, one per model instance group: control plane (one group per
// instance, min = max = 1, in its zone's subnet), worker groups (spot groups as an ASG mixed
// instances policy), and the bastion in the utility subnets. Every group carries the
// kops.k8s.io/cluster label `kops create -f` needs.
import type { InstanceGroupModel, StackModel } from "../../model/model.js";
import { clusterAutoscalerLabels } from "./addons.js";
import { privateSubnetName, utilitySubnetName } from "./cluster.js";
import type { KopsInstanceGroup, KopsInstanceGroupSpec, KopsMixedInstancesPolicy, KopsRole } from "./types.js";
import { CLUSTER_LABEL, KOPS_API_VERSION } from "./types.js";

const ROLES: Record<InstanceGroupModel["role"], KopsRole> = { ControlPlane: "Master", Node: "Node", Bastion: "Bastion" };

export function buildInstanceGroups(model: StackModel): KopsInstanceGroup[] {
  const autoscalerLabels = clusterAutoscalerLabels(model);
  return model.instanceGroups.map((ig) => ({
    apiVersion: KOPS_API_VERSION,
    kind: "InstanceGroup",
    metadata: { name: ig.name, labels: { [CLUSTER_LABEL]: model.clusterName } },
    spec: instanceGroupSpec(ig, ig.role === "Node" ? autoscalerLabels : undefined),
  }));
}

function instanceGroupSpec(ig: InstanceGroupModel, cloudLabels: Record<string, string> | undefined): KopsInstanceGroupSpec {
  const mixed = mixedInstancesPolicy(ig);
  const labels = Object.keys(ig.labels).length > 0 ? { ...ig.labels } : undefined;
  return {
    role: ROLES[ig.role],
    image: ig.image,
    // kept with a mixed-instances policy too: kops' checks look the primary type up (aws.go:255-259)
    machineType: ig.machineType,
    minSize: ig.min,
    maxSize: ig.max,
    ...(ig.rootVolume.size !== undefined ? { rootVolumeSize: ig.rootVolume.size } : {}),
    rootVolumeType: ig.rootVolume.type,
    // AWS-managed EBS key: the Auto Scaling service-linked role launches the instances and may
    // use it without a key-policy grant.
    rootVolumeEncryption: ig.rootVolume.encrypted,
    subnets: ig.zones.map((z) => (ig.subnetType === "private" ? privateSubnetName(z) : utilitySubnetName(z))),
    ...(mixed ? { mixedInstancesPolicy: mixed } : {}),
    // spot capacity is rebalanced before an interruption rather than after it
    ...(ig.spot ? { capacityRebalance: true as const } : {}),
    ...(ig.taints.length > 0 ? { taints: [...ig.taints] } : {}),
    ...(labels ? { nodeLabels: labels } : {}),
    instanceMetadata: { httpTokens: ig.instanceMetadata.httpTokens, httpPutResponseHopLimit: ig.instanceMetadata.hopLimit },
    ...(cloudLabels ? { cloudLabels: { ...cloudLabels } } : {}),
  };
}

/**
 * Spot groups: all capacity above onDemandBase on spot, spread by price-capacity-optimized (the
 * pools least likely to be interrupted, then the cheapest). Several types without spot: an
 * on-demand group that can use any of them.
 */
function mixedInstancesPolicy(ig: InstanceGroupModel): KopsMixedInstancesPolicy | undefined {
  if (!ig.spot && ig.machineTypes.length < 2) return undefined;
  if (!ig.spot) return { instances: [...ig.machineTypes], onDemandBase: 0, onDemandAboveBase: 100 };
  return {
    instances: [...ig.machineTypes],
    onDemandBase: ig.onDemandBase,
    onDemandAboveBase: 0,
    spotAllocationStrategy: "price-capacity-optimized",
  };
}
