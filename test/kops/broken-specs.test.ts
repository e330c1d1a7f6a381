// Each fixture in test/fixtures/kops/broken/ is the reference spec with one rule broken. kops must
// reject it with exactly the errors listed (object, apimachinery error type, kops field path):
// exact lists, so an extra error means the fixture breaks more than it claims.
// Field paths are kops' internal ones, quirks included (see test/kops-validate/README.md).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { validateKopsCrdFile } from "../helpers/kops-crd.js";
import { validateKops, type KopsResult } from "../helpers/kops-validate.js";
import { brokenFixture, brokenFixtureNames } from "./fixtures.js";

const CLUSTER = "Cluster/prod.k8s.example.com";

const EXPECTED: Record<string, string[]> = {
  // validation.go:1530-1535, once per etcd cluster
  "etcd-even-members": [
    `${CLUSTER} FieldValueInvalid spec.etcdClusters[0].etcdMembers`,
    `${CLUSTER} FieldValueInvalid spec.etcdClusters[1].etcdMembers`,
  ],
  // validation.go:695-711
  "subnet-cidr-outside-network": [`${CLUSTER} FieldValueForbidden spec.networking.subnets[5].cidr`],
  // validation.go:644-652
  "mixed-subnet-ids": [`${CLUSTER} FieldValueForbidden spec.networking.subnets[5].id`],
  // instancegroup.go:269-282: index 3 of the IG's own spec.subnets, under a cluster-style path
  "ig-unknown-subnet": ["InstanceGroup/nodes FieldValueNotFound spec.networking.subnets[3]"],
  // instancegroup.go:63-72
  "control-plane-max-size-2": ["InstanceGroup/control-plane-eu-west-1a FieldValueInvalid spec.maxSize"],
  // validation.go:1162-1168
  "non-masquerade-overlaps-network": [`${CLUSTER} FieldValueForbidden spec.networking.nonMasqueradeCIDR`],
  // validation.go:293-296
  "iam-legacy": [`${CLUSTER} FieldValueForbidden spec.iam.legacy`],
  // validation.go:275-286
  "internal-lb-without-private-subnet": [`${CLUSTER} FieldValueForbidden spec.api.loadBalancer.type`],
  // validation.go:52-68
  "cluster-name-without-dot": ["Cluster/prod FieldValueInvalid objectMeta.name"],
  // validation.go:1358-1360 (the doubled "spec." is kops' own path)
  "kube-proxy-with-cilium-node-port": [`${CLUSTER} FieldValueForbidden spec.spec.kubeProxy.enabled`],
  // instancegroup.go:396-411
  "control-plane-not-in-every-etcd-cluster": ["InstanceGroup/control-plane-eu-west-1c FieldValueForbidden spec.metadata.name"],
  // validation.go:726-735
  "egress-on-utility-subnet": [`${CLUSTER} FieldValueForbidden spec.networking.subnets[3].egress`],
  // aws.go:69-77 (internal path of v1alpha2 cloudConfig.awsEBSCSIDriver.enabled)
  "ebs-csi-driver-disabled": [`${CLUSTER} FieldValueForbidden spec.cloudProvider.aws.ebsCSIDriver.enabled`],
  // validation.go:86-95, 493-517
  "ssh-access-not-canonical": [`${CLUSTER} FieldValueInvalid spec.sshAccess[0]`],
  // legacy.go:228-238 (path doubled by kops)
  "discovery-store-bucket-with-dots": [
    `${CLUSTER} FieldValueInvalid spec.serviceAccountIssuerDiscovery.serviceAccountIssuerDiscovery.discoveryStore`,
  ],
  // cmd/kops/create.go:157-160, checked by the harness
  "ig-without-cluster-label": ["InstanceGroup/nodes FieldValueRequired metadata.labels[kops.k8s.io/cluster]"],
  // legacy.go:294-296, checked by the harness
  "no-node-instance-group": [`${CLUSTER} FieldValueRequired instanceGroups`],
};

// One harness process for all fixtures; the tests below share its result.
let results: Promise<Map<string, KopsResult>> | undefined;
function resultFor(name: string): Promise<KopsResult> {
  results ??= validateKops(brokenFixtureNames().map(brokenFixture));
  return results.then((all) => {
    const r = all.get(brokenFixture(name));
    if (!r) throw new Error(`no result for ${name}`);
    return r;
  });
}

test("every broken fixture has an expectation, and every expectation a fixture", () => {
  assert.equal(brokenFixtureNames(), Object.keys(EXPECTED).sort());
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`kops rejects ${name}`, async () => {
    const result = await resultFor(name);
    assert.is(result.decodeError, undefined, "the fixture decodes");
    assert.equal(
      result.errors.map((e) => `${e.object} ${e.type} ${e.field}`),
      expected,
    );
  });
}

// The breakage is semantic, not structural: the CRD check alone lets every one of these through,
// which is why the kops harness is needed at all.
test("every broken fixture is structurally valid (only kops' rules catch it)", () => {
  for (const name of brokenFixtureNames()) {
    assert.equal(validateKopsCrdFile(brokenFixture(name)), [], name);
  }
});

test("the kops messages say what is wrong", async () => {
  const detail = async (name: string) => (await resultFor(name)).errors[0]?.detail ?? "";
  assert.match(await detail("etcd-even-members"), "odd number");
  assert.match(await detail("subnet-cidr-outside-network"), 'cidr "10.30.8.0/22" is not a subnet of the networkCIDR "10.20.0.0/16"');
  assert.match(await detail("ssh-access-not-canonical"), 'did you mean "10.0.0.0/8"');
  assert.match(await detail("control-plane-not-in-every-etcd-cluster"), 'must have a member in etcd cluster "events"');
  assert.equal((await resultFor("ig-unknown-subnet")).errors[0]?.badValue, "eu-west-1d");
});

test.run();
