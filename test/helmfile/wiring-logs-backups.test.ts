// Loki, fluent-bit and Velero write to the stack's own buckets and follow the manifest's
// retention and schedule.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { VELERO_SCHEDULE } from "../../compiler/addons/wiring/index.js";
import { addonByKey, bucketByRole } from "../../compiler/model/model.js";
import { exampleModel } from "../helpers/stacks.js";
import { at, emit, fixtureModel, release } from "./support.js";

test("velero: the Terraform velero bucket, the manifest's schedule and retention, the AWS plugin, IRSA", async () => {
  for (const name of ["prod-eu-west-1", "staging-eu-west-1", "prod-us-east-1"]) {
    const model = await exampleModel(name);
    const { values } = release(emit(model).artifact, "velero");
    const backups = model.stack.spec.backups;
    const locations = at(values, "configuration", "backupStorageLocation") as unknown[];
    assert.is(locations.length, 1);
    assert.is(at(locations[0], "bucket"), bucketByRole(model, "velero")!.name);
    assert.is(at(locations[0], "config", "region"), model.region);
    assert.is(at(values, "schedules", VELERO_SCHEDULE, "schedule"), backups.schedule);
    assert.is(at(values, "schedules", VELERO_SCHEDULE, "template", "ttl"), `${backups.retentionDays * 24}h`);
    assert.is(at(values, "initContainers", 0, "image"), `velero/velero-plugin-for-aws:${addonByKey(model, "velero")!.settings.pluginVersion}`);
    assert.is(at(values, "credentials", "useSecret"), false);
    assert.is(at(values, "serviceAccount", "server", "name"), addonByKey(model, "velero")!.serviceAccount!.name);
  }
  const staging = release(emit(await exampleModel("staging-eu-west-1")).artifact, "velero");
  assert.is(at(staging.values, "schedules", VELERO_SCHEDULE, "template", "ttl"), "336h");
});

test("velero: settings.values merge — lists replace the wired list, maps merge", async () => {
  const { values } = release(emit(await fixtureModel("all-addons")).artifact, "velero");
  assert.equal(at(values, "configuration", "volumeSnapshotLocation"), []);
  assert.is(at(values, "configuration", "backupStorageLocation", 0, "bucket"), "all-addons-velero");
  assert.equal(at(values, "resources"), { requests: { cpu: "200m" } });
  assert.is(at(values, "schedules", VELERO_SCHEDULE, "schedule"), "30 1 * * *");
  assert.is(at(values, "schedules", VELERO_SCHEDULE, "template", "ttl"), "1080h");
});

test("loki: S3 storage in the stack's loki bucket, a schema, retention from the manifest, IRSA", async () => {
  for (const model of [await exampleModel("prod-eu-west-1"), await fixtureModel("all-addons")]) {
    const { values } = release(emit(model).artifact, "loki");
    assert.is(at(values, "loki", "storage", "type"), "s3");
    assert.is(at(values, "loki", "storage", "bucketNames", "chunks"), bucketByRole(model, "loki")!.name);
    assert.is(at(values, "loki", "storage", "s3", "region"), model.region);
    assert.is(at(values, "loki", "schemaConfig", "configs", 0, "object_store"), "s3");
    const days = Number(addonByKey(model, "loki")!.settings.retentionDays);
    assert.is(at(values, "loki", "limits_config", "retention_period"), `${days * 24}h`);
    assert.is(at(values, "loki", "compactor", "retention_enabled"), true);
    assert.is(at(values, "serviceAccount", "name"), addonByKey(model, "loki")!.serviceAccount!.name);
    // replication never exceeds the replicas that exist
    assert.is(at(values, "loki", "commonConfig", "replication_factor"), at(values, "singleBinary", "replicas"));
  }
});

test("fluent-bit: ships to Loki, not the chart's Elasticsearch default, labelled with the cluster", async () => {
  const model = await exampleModel("prod-eu-west-1");
  const { values, needs } = release(emit(model).artifact, "fluent-bit");
  const outputs = String(at(values, "config", "outputs"));
  assert.match(outputs, /Name loki/);
  assert.match(outputs, /Host loki-gateway\.logging\.svc\.cluster\.local/);
  assert.ok(outputs.includes(`cluster=${model.clusterName}`));
  assert.not.match(outputs, /elasticsearch|Name es/);
  assert.ok(needs.includes("logging/loki"));
  assert.equal(at(values, "tolerations"), [{ operator: "Exists" }]);
});

test.run();
