// The InstanceGroup documents: one per model group, in the cluster's subnets for its zones,
// spot groups as mixed-instances policies, autoscaler discovery tags on worker groups only.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emittedSpecs, type EmittedSpec } from "./emitted.js";

async function spec(name: string): Promise<EmittedSpec> {
  const found = (await emittedSpecs()).find((s) => s.name === name);
  if (!found) throw new Error(`no emitted spec ${name}`);
  return found;
}

test("one InstanceGroup per model group, in order, with the v1alpha2 role spelling", async () => {
  for (const { name, model, artifact } of await emittedSpecs()) {
    assert.equal(
      artifact.instanceGroups.map((ig) => `${ig.metadata.name}:${ig.spec.role}`),
      model.instanceGroups.map((ig) => `${ig.name}:${{ ControlPlane: "Master", Node: "Node", Bastion: "Bastion" }[ig.role]}`),
      name,
    );
  }
});

test("spot: price-capacity-optimized above the on-demand base, capacity rebalancing, the model's taints and labels", async () => {
  const prod = (await spec("prod-eu-west-1")).artifact.instanceGroups.find((ig) => ig.metadata.name === "spot")!;
  assert.equal(prod.spec.mixedInstancesPolicy, {
    instances: ["m6i.2xlarge", "m6a.2xlarge", "m5.2xlarge", "m5a.2xlarge", "m5d.2xlarge", "m5n.2xlarge", "m5ad.2xlarge", "m6id.2xlarge", "m6in.2xlarge", "m7i.2xlarge"],
    onDemandBase: 0,
    onDemandAboveBase: 0,
    spotAllocationStrategy: "price-capacity-optimized",
  });
  assert.is(prod.spec.machineType, "m6i.2xlarge");
  assert.is(prod.spec.capacityRebalance, true);
  assert.equal(prod.spec.taints, ["spot=true:PreferNoSchedule"]);
  assert.equal(prod.spec.nodeLabels, { capacity: "spot" });
  const variant = (await spec("variant-public")).artifact.instanceGroups;
  assert.equal(variant.find((ig) => ig.metadata.name === "spot")!.spec.mixedInstancesPolicy!.onDemandBase, 1);
  // several types without spot: on demand only, no spot strategy, no rebalancing
  const mixed = variant.find((ig) => ig.metadata.name === "mixed")!.spec;
  assert.equal(mixed.mixedInstancesPolicy, { instances: ["m6i.large", "m6a.large"], onDemandBase: 0, onDemandAboveBase: 100 });
  assert.is(mixed.capacityRebalance, undefined);
});

test("subnets: private groups in their zones' Private subnets, public topology and the bastion in Utility subnets", async () => {
  const prod = (await spec("prod-eu-west-1")).artifact.instanceGroups;
  assert.equal(prod.find((ig) => ig.metadata.name === "memory")!.spec.subnets, ["eu-west-1a", "eu-west-1b"]);
  assert.equal(prod.find((ig) => ig.metadata.name === "control-plane-eu-west-1b")!.spec.subnets, ["eu-west-1b"]);
  const pub = (await spec("variant-public")).artifact.instanceGroups;
  assert.equal(pub.find((ig) => ig.metadata.name === "spot")!.spec.subnets, ["utility-eu-central-1b"]);
  const bastion = pub.find((ig) => ig.spec.role === "Bastion")!;
  assert.equal(bastion.spec.subnets, ["utility-eu-central-1a", "utility-eu-central-1b", "utility-eu-central-1c"]);
  assert.equal([bastion.spec.minSize, bastion.spec.maxSize], [1, 1]);
});

test("cluster-autoscaler discovery tags on every worker group when the add-on is on; never on control plane or bastion", async () => {
  const { artifact, model } = await spec("prod-eu-west-1");
  const expected = { "k8s.io/cluster-autoscaler/enabled": "1", [`k8s.io/cluster-autoscaler/${model.clusterName}`]: "owned" };
  for (const ig of artifact.instanceGroups) {
    assert.equal(ig.spec.cloudLabels, ig.spec.role === "Node" ? expected : undefined, ig.metadata.name);
  }
  // the variant has no cluster-autoscaler: no discovery tags at all
  for (const ig of (await spec("variant-vpc-cni")).artifact.instanceGroups) assert.is(ig.spec.cloudLabels, undefined);
});

test("IMDS and root volumes as the model says", async () => {
  const { artifact, model } = await spec("prod-eu-west-1");
  artifact.instanceGroups.forEach((ig, i) => {
    const m = model.instanceGroups[i]!;
    assert.equal(ig.spec.instanceMetadata, { httpTokens: m.instanceMetadata.httpTokens, httpPutResponseHopLimit: m.instanceMetadata.hopLimit });
    assert.is(ig.spec.rootVolumeType, m.rootVolume.type);
    assert.is(ig.spec.rootVolumeEncryption, m.rootVolume.encrypted);
    assert.is(ig.spec.rootVolumeSize, m.rootVolume.size);
  });
});

test.run();
