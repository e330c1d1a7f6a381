// The add-ons that call AWS are wired to this stack: cluster name, region, VPC, zone, tags, and
// the service account kops created the IRSA role `<sa>.<ns>.sa.<cluster>` for.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { addonByKey, type StackModel } from "../../compiler/model/model.js";
import { exampleModel } from "../helpers/stacks.js";
import { at, emit, fixtureModel, release } from "./support.js";

function serviceAccountOf(model: StackModel, key: Parameters<typeof addonByKey>[1]): string {
  const name = addonByKey(model, key)?.serviceAccount?.name;
  if (!name) throw new Error(`${key} has no IRSA service account in the model`);
  return name;
}

test("aws-load-balancer-controller: cluster, region, the stack's VPC tag, IRSA service account", async () => {
  for (const model of [await exampleModel("prod-eu-west-1"), await fixtureModel("all-addons")]) {
    const { values, needs } = release(emit(model).artifact, "aws-load-balancer-controller");
    assert.is(at(values, "clusterName"), model.clusterName);
    assert.is(at(values, "region"), model.region);
    // the VPC ID does not exist before terraform apply; the tag Terraform puts on it does
    assert.equal(at(values, "vpcTags"), { "stackc.dev/stack": model.tags["stackc.dev/stack"] });
    assert.is(at(values, "serviceAccount", "name"), serviceAccountOf(model, "awsLoadBalancerController"));
    assert.is(at(values, "enableCertManager"), true);
    assert.ok(needs.includes("cert-manager/cert-manager"));
    assert.ok((at(values, "replicaCount") as number) >= 2);
    assert.ok(at(values, "podDisruptionBudget"));
  }
});

test("aws-ebs-csi-driver: region, cluster tag, stack tags on volumes, default encrypted gp3 class", async () => {
  const model = await fixtureModel("all-addons");
  const { values } = release(emit(model).artifact, "aws-ebs-csi-driver");
  assert.is(at(values, "controller", "region"), "us-west-2");
  assert.is(at(values, "controller", "k8sTagClusterId"), model.clusterName);
  assert.equal(at(values, "controller", "extraVolumeTags"), model.tags);
  assert.is(at(values, "controller", "serviceAccount", "name"), serviceAccountOf(model, "awsEbsCsiDriver"));
  const classes = at(values, "storageClasses") as Record<string, unknown>[];
  assert.is(classes.length, 1);
  assert.is(at(classes[0], "name"), "gp3");
  assert.is(at(classes[0], "annotations", "storageclass.kubernetes.io/is-default-class"), "true");
  assert.equal(at(classes[0], "parameters"), { type: "gp3", encrypted: "true" });
});

test("cluster-autoscaler: auto-discovery of the kops cluster, image matching the Kubernetes minor", async () => {
  for (const model of [await exampleModel("prod-eu-west-1"), await exampleModel("staging-eu-west-1"), await fixtureModel("all-addons")]) {
    const addon = addonByKey(model, "clusterAutoscaler")!;
    const { values } = release(emit(model).artifact, "cluster-autoscaler");
    assert.is(at(values, "autoDiscovery", "clusterName"), model.clusterName);
    assert.is(at(values, "awsRegion"), model.region);
    assert.is(at(values, "cloudProvider"), "aws");
    assert.is(at(values, "image", "tag"), addon.settings.imageTag);
    assert.ok(String(addon.settings.imageTag).startsWith(`v${model.kubernetesMinor}.`), `${addon.settings.imageTag} vs ${model.kubernetesMinor}`);
    assert.is(at(values, "extraArgs", "expander"), addon.settings.expander);
    assert.is(at(values, "rbac", "serviceAccount", "name"), serviceAccountOf(model, "clusterAutoscaler"));
  }
  const prod = release(emit(await exampleModel("prod-eu-west-1")).artifact, "cluster-autoscaler");
  assert.is(at(prod.values, "image", "tag"), "v1.35.2");
});

test("external-dns: the stack zone only, a per-cluster owner id, the zone type, an explicit policy", async () => {
  const prod = await exampleModel("prod-eu-west-1");
  const prodValues = release(emit(prod).artifact, "external-dns").values;
  assert.equal(at(prodValues, "domainFilters"), ["prod.k8s.acme.example"]);
  assert.is(at(prodValues, "txtOwnerId"), prod.clusterName);
  assert.equal(at(prodValues, "extraArgs"), ["--aws-zone-type=private"]);
  assert.is(at(prodValues, "policy"), "sync");
  assert.equal(at(prodValues, "env"), [{ name: "AWS_DEFAULT_REGION", value: "eu-west-1" }]);
  assert.is(at(prodValues, "serviceAccount", "name"), serviceAccountOf(prod, "externalDns"));

  const other = await fixtureModel("all-addons");
  const values = release(emit(other).artifact, "external-dns").values;
  assert.equal(at(values, "extraArgs"), ["--aws-zone-type=public"]);
  assert.is(at(values, "policy"), "upsert-only");
  assert.is.not(at(values, "txtOwnerId"), at(prodValues, "txtOwnerId"));
});

test.run();
