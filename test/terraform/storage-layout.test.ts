// Buckets of every example stack, read from the artifact (what STK-S3-001..004 and STK-KMS-001
// read): each bucket versioned, encrypted, behind a public access block (the OIDC bucket only
// blocks ACLs), ACLs off, a lifecycle with a filter, a TLS-only policy; encryption per role;
// access logging, replication and KMS rotation where the manifest asks for them.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { StackModel } from "../../compiler/index.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";
import { artifactOf, attachedTo, firstBlock, instanceAt, instances, moduleOf, refAddress, resourceAt } from "./artifact-queries.js";
import type { ModuleArtifact } from "../../compiler/emit/terraform/tf/artifact.js";

function checkBucket(module: ModuleArtifact, address: string, expect: { publicRead: boolean; sse: string; noncurrentDays: number; expireDays?: number }, where: string): void {
  const one = (type: string) => {
    const found = attachedTo(module, type, address);
    assert.is(found.length, 1, `${where}: ${address} needs exactly one ${type}`);
    return found[0]!.attributes;
  };
  assert.is(firstBlock(one("aws_s3_bucket_versioning").versioning_configuration).status, "Enabled", `${where} versioning`);
  const rule = firstBlock(one("aws_s3_bucket_server_side_encryption_configuration").rule);
  assert.is(firstBlock(rule.apply_server_side_encryption_by_default).sse_algorithm, expect.sse, `${where} SSE`);
  assert.is(rule.bucket_key_enabled, expect.sse === "aws:kms" ? true : undefined);
  const pab = one("aws_s3_bucket_public_access_block");
  assert.equal(
    [pab.block_public_acls, pab.ignore_public_acls, pab.block_public_policy, pab.restrict_public_buckets],
    [true, true, !expect.publicRead, !expect.publicRead],
    `${where} public access block`,
  );
  assert.is(firstBlock(one("aws_s3_bucket_ownership_controls").rule).object_ownership, "BucketOwnerEnforced");
  const lifecycle = firstBlock(one("aws_s3_bucket_lifecycle_configuration").rule);
  assert.equal(lifecycle.filter, [{}], `${where}: a lifecycle rule without filter is deprecated in aws 5.x`);
  assert.is(lifecycle.status, "Enabled");
  assert.is(firstBlock(lifecycle.noncurrent_version_expiration).noncurrent_days, expect.noncurrentDays);
  assert.equal(lifecycle.expiration, expect.expireDays === undefined ? undefined : [{ days: expect.expireDays }]);
  assert.ok(firstBlock(lifecycle.abort_incomplete_multipart_upload).days_after_initiation);
  assert.ok(one("aws_s3_bucket_policy"));
}

function expectedSse(model: StackModel, role: string): string {
  if (model.kms.mode === "none" || role === "oidc" || role === "access-logs") return "AES256";
  return "aws:kms";
}

test("every bucket of every stack is versioned, encrypted, non-public (OIDC: ACLs only), ACL-free and lifecycle-managed", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    const buckets = instances(module, "aws_s3_bucket");
    // every model bucket but the Terraform state bucket, plus the buckets of the replica regions
    // (a replica per replicated bucket, an access-log bucket per region): exactly the model's
    const expected = [...model.buckets.filter((b) => b.role !== "terraform-state"), ...model.remoteBuckets].map((b) => b.name).sort();
    assert.equal(buckets.map((b) => String(b.attributes.bucket)).sort(), expected, model.name);
    for (const logs of model.remoteBuckets.filter((b) => b.role === "access-logs")) {
      const address = `aws_s3_bucket.access_logs_${logs.region!.replace(/-/g, "_")}`;
      assert.is(instanceAt(module, address).attributes.bucket, logs.name);
      checkBucket(module, address, { publicRead: false, sse: "AES256", noncurrentDays: logs.noncurrentDays, expireDays: 365 }, `${model.name} ${logs.name}`);
    }
    for (const bucket of model.buckets.filter((b) => b.role !== "terraform-state")) {
      const address = `aws_s3_bucket.${bucket.role.replace(/-/g, "_")}`;
      assert.is(instanceAt(module, address).attributes.bucket, bucket.name);
      const expect = { publicRead: bucket.publicRead, sse: expectedSse(model, bucket.role), noncurrentDays: bucket.noncurrentDays, ...(bucket.expireDays ? { expireDays: bucket.expireDays } : {}) };
      checkBucket(module, address, expect, `${model.name} ${bucket.role}`);
      if (bucket.replicaRegion) {
        assert.is(instanceAt(module, `${address}_replica`).attributes.bucket, `${bucket.name}-replica`);
        checkBucket(module, `${address}_replica`, { ...expect, publicRead: false }, `${model.name} ${bucket.role} replica`);
      }
    }
    const oidc = model.buckets.filter((b) => b.publicRead);
    assert.equal(oidc.map((b) => b.role), ["oidc"], "only the OIDC bucket is public");
  }
});

test("KMS-encrypted buckets use the stack key; replicas the key in their region; created keys rotate (STK-KMS-001)", async () => {
  const prod = moduleOf(artifactOf(await exampleModel("prod-eu-west-1")), "terraform");
  const keyOf = (address: string) =>
    refAddress(firstBlock(firstBlock(attachedTo(prod, "aws_s3_bucket_server_side_encryption_configuration", address)[0]!.attributes.rule).apply_server_side_encryption_by_default).kms_master_key_id);
  assert.is(keyOf("aws_s3_bucket.velero"), "aws_kms_key.this");
  assert.is(keyOf("aws_s3_bucket.kops_state"), "aws_kms_key.this");
  assert.is(keyOf("aws_s3_bucket.velero_replica"), "aws_kms_key.replica_eu_central_1");
  assert.is(resourceAt(prod, "aws_kms_key.replica_eu_central_1").provider, "aws.replica_eu_central_1");
  for (const key of instances(prod, "aws_kms_key")) assert.is(key.attributes.enable_key_rotation, true);
  const dev = moduleOf(artifactOf(await exampleModel("dev-eu-west-1")), "terraform");
  assert.is(instances(dev, "aws_kms_key").length, 0, "sse-s3 stacks create no key");
});

test("the OIDC bucket policy allows public reads; flow-logs and access-logs buckets let their AWS services write", async () => {
  const prod = moduleOf(artifactOf(await exampleModel("prod-eu-west-1")), "terraform");
  const statements = (name: string) => instanceAt(prod, `data.aws_iam_policy_document.${name}_bucket_policy`).attributes.statement as { [k: string]: unknown }[];
  const sids = (name: string) => statements(name).map((s) => s.sid);
  assert.equal(sids("oidc"), ["DenyInsecureTransport", "PublicReadOidcDocuments"]);
  assert.equal(sids("flow_logs"), ["DenyInsecureTransport", "AWSLogDeliveryWrite", "AWSLogDeliveryAclCheck"]);
  assert.equal(sids("access_logs"), ["DenyInsecureTransport", "S3ServerAccessLogsDelivery"]);
  assert.equal(sids("velero"), ["DenyInsecureTransport"]);
  const deny = statements("velero")[0]!;
  assert.is(deny.effect, "Deny");
  assert.equal(deny.condition, [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }]);
  // the public policy is only accepted once the public access block allows it
  assert.equal(resourceAt(prod, "aws_s3_bucket_policy.oidc").dependsOn, ["aws_s3_bucket_public_access_block.oidc"]);
});

test("with an access-logs bucket, every bucket but the access-log buckets logs (replicas in their region); without one, none does", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    const hasAccessLogs = model.buckets.some((b) => b.role === "access-logs");
    // every bucket of the module but the access-log buckets themselves, replicas included: a
    // replica logs to the access-log bucket of its own region
    const expected = hasAccessLogs
      ? model.buckets
          .filter((b) => !["terraform-state", "access-logs"].includes(b.role))
          .flatMap((b) => {
            const address = `aws_s3_bucket.${b.role.replace(/-/g, "_")}`;
            return b.replicaRegion ? [[address, "aws_s3_bucket.access_logs"], [`${address}_replica`, `aws_s3_bucket.access_logs_${b.replicaRegion.replace(/-/g, "_")}`]] : [[address, "aws_s3_bucket.access_logs"]];
          })
          .sort()
      : [];
    const logging = instances(module, "aws_s3_bucket_logging");
    assert.equal(logging.map((i) => [refAddress(i.attributes.bucket), refAddress(i.attributes.target_bucket)]).sort(), expected, model.name);
    for (const i of logging) assert.match(String(i.attributes.target_prefix), /\/$/);
  }
  // prod's state and backup buckets are among them (STK-S3-004)
  const prod = moduleOf(artifactOf(await exampleModel("prod-eu-west-1")), "terraform");
  const logged = instances(prod, "aws_s3_bucket_logging").map((i) => refAddress(i.attributes.bucket));
  assert.ok(logged.includes("aws_s3_bucket.kops_state") && logged.includes("aws_s3_bucket.velero"));
});

test("backups replicate to <bucket>-replica in the replica region, with delete markers, through their own role", async () => {
  const prod = moduleOf(artifactOf(await exampleModel("prod-eu-west-1")), "terraform");
  const replication = instanceAt(prod, "aws_s3_bucket_replication_configuration.velero").attributes;
  assert.is(refAddress(replication.bucket), "aws_s3_bucket.velero");
  assert.is(refAddress(replication.role), "aws_iam_role.velero_replication");
  const rule = firstBlock(replication.rule);
  assert.equal(rule.filter, [{}]);
  assert.is(firstBlock(rule.delete_marker_replication).status, "Enabled");
  assert.is(refAddress(firstBlock(rule.destination).bucket), "aws_s3_bucket.velero_replica");
  assert.is(resourceAt(prod, "aws_s3_bucket.velero_replica").provider, "aws.replica_eu_central_1");
  assert.equal(resourceAt(prod, "aws_s3_bucket_replication_configuration.velero").dependsOn, ["aws_s3_bucket_versioning.velero", "aws_s3_bucket_versioning.velero_replica"]);
  for (const model of await exampleModels()) {
    const replicated = model.buckets.filter((b) => b.replicaRegion).map((b) => `aws_s3_bucket.${b.role.replace(/-/g, "_")}`);
    const module = moduleOf(artifactOf(model), "terraform");
    assert.equal(instances(module, "aws_s3_bucket_replication_configuration").map((i) => refAddress(i.attributes.bucket)), replicated, model.name);
  }
});

test("terraform-bootstrap creates only the state bucket, fully protected, with local state", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform-bootstrap");
    assert.is(module.backend, null, "local state");
    assert.equal(instances(module, "aws_s3_bucket").map((i) => i.attributes.bucket), [model.stack.spec.stateStore.terraformBucket]);
    checkBucket(module, "aws_s3_bucket.terraform_state", { publicRead: false, sse: model.kms.mode === "none" ? "AES256" : "aws:kms", noncurrentDays: 90 }, `${model.name} bootstrap`);
    if (model.kms.mode === "create") {
      // its own key: the stack's key is created later, by ../terraform
      const sse = firstBlock(firstBlock(attachedTo(module, "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket.terraform_state")[0]!.attributes.rule).apply_server_side_encryption_by_default);
      assert.equal(sse.kms_master_key_id, { $ref: "aws_kms_key.terraform_state.arn", address: "aws_kms_key.terraform_state", attribute: "arn" });
      assert.is(instanceAt(module, "aws_kms_key.terraform_state").attributes.enable_key_rotation, true);
      assert.is(instanceAt(module, "aws_kms_alias.terraform_state").attributes.name, `alias/stackc/${model.name}-tfstate`);
    } else {
      assert.is(instances(module, "aws_kms_key").length, 0);
    }
    const policy = instanceAt(module, "data.aws_iam_policy_document.terraform_state_bucket_policy").attributes.statement as { sid: string }[];
    assert.equal(policy.map((s) => s.sid), ["DenyInsecureTransport"]);
  }
});

test("an existing KMS key encrypts the buckets and the state (backend kms_key_id) and no key is created", async () => {
  const model = structuredClone(await exampleModel("staging-eu-west-1"));
  const arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";
  model.kms = { mode: "existing", arn, rotation: true };
  const artifact = artifactOf(model);
  const root = moduleOf(artifact, "terraform");
  assert.is(instances(root, "aws_kms_key").length, 0);
  const sse = firstBlock(firstBlock(attachedTo(root, "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket.velero")[0]!.attributes.rule).apply_server_side_encryption_by_default);
  assert.is(sse.kms_master_key_id, arn);
  assert.is(root.backend?.attributes.kms_key_id, arn);
  const bootstrapSse = firstBlock(
    firstBlock(attachedTo(moduleOf(artifact, "terraform-bootstrap"), "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket.terraform_state")[0]!.attributes.rule)
      .apply_server_side_encryption_by_default,
  );
  assert.equal([bootstrapSse.sse_algorithm, bootstrapSse.kms_master_key_id], ["aws:kms", arn]);
  assert.is(root.outputs.find((o) => o.name === "kms_key_arn")?.value, arn);
});

test("a prod stack replicates its kops state store (PKI, etcd backups) wherever it replicates its backups; other environments do not", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    const replicated = instances(module, "aws_s3_bucket_replication_configuration").map((i) => refAddress(i.attributes.bucket));
    const region = model.stack.spec.backups.replicaRegion;
    assert.is(replicated.includes("aws_s3_bucket.kops_state"), model.environment === "prod" && region !== undefined, model.name);
    if (!replicated.includes("aws_s3_bucket.kops_state")) continue;
    assert.equal(model.remoteBuckets.find((b) => b.replicaOf === model.stack.spec.stateStore.bucket)?.region, region);
  }
});

test.run();
