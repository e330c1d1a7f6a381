// The policy input: facts from the given time only, the model view with manifest paths, and
// --now parsing.
import { emitTerraform } from "../../compiler/emit/terraform/emitter.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseNow, policyFacts } from "../../compiler/policy/facts.js";
import { buildPolicyInput, pointerToPath } from "../../compiler/policy/input.js";
import { kubernetesFacts } from "../../compiler/policy/catalog/kubernetes-versions.js";
import { exampleModel } from "../helpers/stacks.js";

test("facts: now in UTC seconds, today its UTC date, whatever the offset given", () => {
  const f = policyFacts("prod", new Date("2026-11-21T23:30:00-05:00"));
  assert.is(f.now, "2026-11-22T04:30:00Z");
  assert.is(f.today, "2026-11-22");
  assert.is(f.environment, "prod");
  assert.is(f.kubernetes, kubernetesFacts);
});

test("--now accepts RFC 3339 and calendar dates, and nothing else", () => {
  assert.is(parseNow("2026-11-21")!.toISOString(), "2026-11-21T00:00:00.000Z");
  assert.is(parseNow("2026-11-21T08:15:00Z")!.toISOString(), "2026-11-21T08:15:00.000Z");
  assert.is(parseNow("2026-11-21T08:15:00.5+02:00")!.toISOString(), "2026-11-21T06:15:00.500Z");
  for (const bad of ["", "tomorrow", "2026-02-30", "2026-13-01", "21.11.2026", "2026-11-21T25:00:00Z", "2026-11-21T08:15:00", "1763712000"]) {
    assert.is(parseNow(bad), undefined, bad);
  }
});

test("the supported window is the kops 1.36 one, with a date for every minor in it", () => {
  assert.is(kubernetesFacts.min, "1.31.0");
  assert.is(kubernetesFacts.max, "1.37.0");
  assert.is(kubernetesFacts.recommendedMin, "1.33.0");
  for (const minor of ["1.31", "1.32", "1.33", "1.34", "1.35", "1.36"]) assert.match(kubernetesFacts.endOfLife[minor] ?? "", /^\d{4}-\d{2}-\d{2}$/, minor);
  const dates = Object.values(kubernetesFacts.endOfLife);
  assert.equal(dates, [...dates].sort(), "later minors end later");
});

test("pointerToPath: array indexes become numbers, keys stay strings (even digit-only ones)", () => {
  const stack = { spec: { cluster: { nodeGroups: [{ name: "a" }, { name: "b" }] }, tags: { "2024": "x" } } };
  assert.equal(pointerToPath(stack, "/spec/cluster/nodeGroups/1"), ["spec", "cluster", "nodeGroups", 1]);
  assert.equal(pointerToPath(stack, "/spec/tags/2024"), ["spec", "tags", "2024"]);
  assert.equal(pointerToPath(stack, "/spec/network/subnets/eu-west-1a~1x"), ["spec", "network", "subnets", "eu-west-1a/x"]);
});

test("model view of the prod example: paths point at the manifest settings", async () => {
  const model = await exampleModel("prod-eu-west-1");
  const input = buildPolicyInput(model, {}, policyFacts(model.environment, new Date("2026-11-21T00:00:00Z")));
  const view = input.model!;
  assert.is(input.stack, model.stack as unknown);
  assert.equal(view.zones.map((z) => [z.name, z.natZone, z.paths.private]), [
    ["eu-west-1a", "eu-west-1a", ["spec", "network", "cidr"]],
    ["eu-west-1b", "eu-west-1b", ["spec", "network", "cidr"]],
    ["eu-west-1c", "eu-west-1c", ["spec", "network", "cidr"]],
  ]);
  const groups = Object.fromEntries(view.instanceGroups.map((g) => [g.name, g.path]));
  assert.equal(groups["control-plane-eu-west-1a"], ["spec", "cluster", "controlPlane"]);
  assert.equal(groups.memory, ["spec", "cluster", "nodeGroups", 1]);
  const buckets = Object.fromEntries(view.buckets.map((b) => [b.name, [b.role, b.path, b.region ?? "", b.replicaOf ?? ""]]));
  assert.equal(buckets["acme-prod-euw1-kops-state"], ["kops-state", ["spec", "stateStore", "bucket"], "", ""]);
  assert.equal(buckets["acme-prod-euw1-velero"], ["velero", ["spec", "backups", "bucket"], "", ""]);
  // every bucket stackc emits is in the view: the replicas in eu-central-1 (with their source's
  // role, so the state and backup rules judge them) and that region's access-log bucket
  const replicaRegion = ["spec", "backups", "replicaRegion"];
  assert.equal(buckets["acme-prod-euw1-kops-state-replica"], ["kops-state", replicaRegion, "eu-central-1", "acme-prod-euw1-kops-state"]);
  assert.equal(buckets["acme-prod-euw1-velero-replica"], ["velero", replicaRegion, "eu-central-1", "acme-prod-euw1-velero"]);
  assert.equal(buckets["acme-prod-euw1-s3-access-logs-eu-central-1"], ["access-logs", ["spec", "storage", "accessLogsBucket"], "eu-central-1", ""]);
  const artifact = emitTerraform(model).artifact as { modules: unknown[] };
  const emitted = (artifact.modules as { resources: { type: string; instances: { attributes: { bucket?: unknown } }[] }[] }[])
    .flatMap((m) => m.resources.filter((r) => r.type === "aws_s3_bucket").flatMap((r) => r.instances.map((i) => String(i.attributes.bucket))))
    .sort();
  assert.equal(view.buckets.map((b) => b.name).sort(), emitted);
  assert.equal(view.kms, { mode: "create", rotation: true });
  assert.ok(view.addons.some((a) => a.key === "velero" && a.release === "velero"));
  // plain data: survives JSON, which is how it reaches wasm
  assert.equal(JSON.parse(JSON.stringify(view)), view);
});

test.run();
