// The reference spec (private topology, existing VPC, 3 AZs) is what stackc's kops emitter aims
// at: kops v1.36.2 must accept it with zero errors and it must fit the CRD schemas exactly.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseAllDocuments } from "yaml";
import { validateKopsCrd } from "../helpers/kops-crd.js";
import { validateKops } from "../helpers/kops-validate.js";
import { VALID, validText } from "./fixtures.js";

test("kops validation accepts the reference spec with zero errors", async () => {
  const result = (await validateKops([VALID])).get(VALID);
  assert.ok(result, "a result for the fixture");
  assert.is(result.decodeError, undefined);
  assert.equal(result.errors, []);
});

test("the reference spec passes the closed CRD check", () => {
  assert.equal(validateKopsCrd(validText()), []);
});

// Zero errors only means something if the fixture still has the features it is meant to cover:
// this guards it against being "simplified" into passing.
test("the reference spec has the production shape it is meant to cover", () => {
  const docs = parseAllDocuments(validText()).map((d) => d.toJS() as Record<string, any>);
  const [cluster, ...igs] = docs;
  assert.is(cluster?.["kind"], "Cluster");
  const spec = cluster!["spec"];
  assert.equal(spec.api.loadBalancer, { type: "Internal", class: "Network" });
  assert.is(spec.topology.dns.type, "Private");
  assert.is(spec.kubernetesVersion, "1.36.1");
  assert.match(spec.networkID, /^vpc-[0-9a-f]{17}$/);
  const subnets = spec.subnets as Array<Record<string, string>>;
  assert.ok(subnets.every((s) => /^subnet-[0-9a-f]{17}$/.test(s["id"] ?? "")), "every subnet is shared (has an id)");
  assert.equal(
    subnets.filter((s) => s["type"] === "Private").map((s) => s["egress"]?.slice(0, 4)),
    ["nat-", "nat-", "nat-"],
  );
  assert.equal(spec.kubeProxy, { enabled: false });
  assert.is(spec.networking.cilium.enableNodePort, true);
  assert.equal(spec.certManager, { enabled: true, managed: false });
  assert.is(spec.cloudConfig.awsEBSCSIDriver.managed, false);
  assert.is(spec.iam.useServiceAccountExternalPermissions, true);
  assert.ok(spec.iam.serviceAccountExternalPermissions[0].aws.policyARNs.length > 0);
  assert.is(spec.serviceAccountIssuerDiscovery.enableAWSOIDCProvider, true);

  const controlPlane = igs.filter((ig) => ig["spec"].role === "Master");
  assert.is(controlPlane.length, 3);
  assert.equal(controlPlane.map((ig) => ig["spec"].subnets).sort(), [["eu-west-1a"], ["eu-west-1b"], ["eu-west-1c"]]);
  for (const etcd of spec.etcdClusters) {
    assert.equal(
      etcd.etcdMembers.map((m: Record<string, unknown>) => m["instanceGroup"]).sort(),
      controlPlane.map((ig) => ig["metadata"].name).sort(),
      `etcd cluster ${etcd.name} has one member per control-plane IG`,
    );
    assert.ok(etcd.etcdMembers.every((m: Record<string, unknown>) => m["encryptedVolume"] === true));
  }
  assert.equal(spec.etcdClusters.map((e: Record<string, unknown>) => e["name"]), ["main", "events"]);
  assert.ok(igs.some((ig) => ig["spec"].mixedInstancesPolicy?.onDemandAboveBase === 0), "a spot IG");
  for (const ig of igs) {
    assert.is(ig["metadata"].labels["kops.k8s.io/cluster"], "prod.k8s.example.com");
    assert.is(ig["spec"].instanceMetadata.httpTokens, "required");
  }
});

test.run();
