// The normalized model of the example stacks: defaults, inheritance and derived facts that
// every emitter relies on.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { compileExampleStacks, exampleModel } from "../helpers/stacks.js";
import { repoRoot } from "../helpers/repo.js";

test("the example stacks compile without any diagnostic", async () => {
  const result = await compileExampleStacks();
  assert.equal(result.diagnostics, []);
  assert.equal(result.stacks.map((s) => s.name), [
    "dev-eu-west-1",
    "legacy-staging-euw1",
    "staging-euw1-legacy",
    "prod-ap-southeast-2",
    "prod-us-east-1",
    "prod-eu-west-1",
    "shared-prod-euw1",
    "prod-euw1-blue",
    "prod-euw1-green",
    "staging-eu-west-1",
  ]);
});

test("prod: three zones with derived subnets and a NAT in each", async () => {
  const m = await exampleModel("prod-eu-west-1");
  assert.equal(
    m.zones.map((z) => [z.name, z.utilityCidr, z.privateCidr, z.natZone]),
    [
      ["eu-west-1a", "10.20.0.0/22", "10.20.32.0/19", "eu-west-1a"],
      ["eu-west-1b", "10.20.4.0/22", "10.20.64.0/19", "eu-west-1b"],
      ["eu-west-1c", "10.20.8.0/22", "10.20.96.0/19", "eu-west-1c"],
    ],
  );
  assert.equal(m.natZones, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
});

test("dev: one NAT in the first zone serves both zones", async () => {
  const m = await exampleModel("dev-eu-west-1");
  assert.equal(m.natZones, ["eu-west-1a"]);
  assert.equal(m.zones.map((z) => z.natZone), ["eu-west-1a", "eu-west-1a"]);
});

test("prod: one control-plane group per zone, node groups inherit the base and keep their own settings", async () => {
  const m = await exampleModel("prod-eu-west-1");
  const cp = m.instanceGroups.filter((g) => g.role === "ControlPlane");
  assert.equal(cp.map((g) => [g.name, g.zones, g.min, g.max, g.machineType]), [
    ["control-plane-eu-west-1a", ["eu-west-1a"], 1, 1, "m6i.xlarge"],
    ["control-plane-eu-west-1b", ["eu-west-1b"], 1, 1, "m6i.xlarge"],
    ["control-plane-eu-west-1c", ["eu-west-1c"], 1, 1, "m6i.xlarge"],
  ]);
  const general = m.instanceGroups.find((g) => g.name === "general")!;
  // machineType and rootVolume from stacks/base.yaml, min/max from stacks/prod.yaml
  assert.equal([general.machineType, general.rootVolume.size, general.min, general.max], ["m6i.xlarge", 100, 3, 12]);
  const spot = m.instanceGroups.find((g) => g.name === "spot")!;
  assert.equal([spot.spot, spot.machineType, spot.machineTypes.length], [true, "m6i.2xlarge", 10]);
  assert.equal(m.instanceGroups.find((g) => g.name === "memory")!.zones, ["eu-west-1a", "eu-west-1b"]);
});

test("dev: the inherited velero add-on is removed by `velero: null`", async () => {
  const m = await exampleModel("dev-eu-west-1");
  assert.not.ok(m.addons.some((a) => a.key === "velero"));
  assert.not.ok(m.buckets.some((b) => b.role === "velero"));
});

test("prod: buckets by role, the OIDC bucket alone public, the backup bucket replicated", async () => {
  const m = await exampleModel("prod-eu-west-1");
  assert.equal(
    m.buckets.map((b) => [b.role, b.name, b.publicRead]),
    [
      ["kops-state", "acme-prod-euw1-kops-state", false],
      ["terraform-state", "acme-prod-euw1-tfstate", false],
      ["oidc", "acme-prod-euw1-oidc", true],
      ["flow-logs", "acme-prod-euw1-flow-logs", false],
      ["velero", "acme-prod-euw1-velero", false],
      ["loki", "acme-prod-euw1-loki", false],
      ["access-logs", "acme-prod-euw1-s3-access-logs", false],
    ],
  );
  assert.is(m.buckets.find((b) => b.role === "velero")!.replicaRegion, "eu-central-1");
  assert.equal(m.kms, { mode: "create", rotation: true });
});

test("tags: stackc's own, the owner, then the manifest's, keys sorted", async () => {
  const m = await exampleModel("prod-eu-west-1");
  assert.equal(Object.keys(m.tags), ["cost-center", "data-classification", "managed-by", "owner", "stackc.dev/environment", "stackc.dev/stack", "team"]);
  assert.is(m.tags["stackc.dev/stack"], "prod-eu-west-1");
});

test("add-ons: IRSA service accounts and IAM where the add-on calls AWS; cert-manager only with dns01", async () => {
  const m = await exampleModel("prod-eu-west-1");
  const velero = m.addons.find((a) => a.key === "velero")!;
  assert.equal(velero.serviceAccount, { name: "velero", namespace: "velero" });
  assert.ok(velero.iam!.statements.length > 0);
  assert.is(m.addons.find((a) => a.key === "certManager")!.serviceAccount, undefined);
  assert.is(m.addons.find((a) => a.key === "metricsServer")!.iam, undefined);
  // derived from the Kubernetes minor (prod runs 1.35)
  assert.is(m.addons.find((a) => a.key === "clusterAutoscaler")!.settings.imageTag, "v1.35.2");
});

test("api access defaults to the VPC CIDR when not given", async () => {
  const result = await compile(["test/fixtures/valid/minimal/stack.yaml"], { cwd: repoRoot });
  assert.equal(result.diagnostics, []);
  assert.equal(result.stacks[0]!.model!.stack.spec.cluster.api.access, ["10.20.0.0/16"]);
});

test.run();
