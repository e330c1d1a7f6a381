// The buckets a stack owns, each with one role. Names come from the manifest; a feature
// that is on without its bucket, or one bucket named for two purposes, is reported here.
import type { BucketRole } from "../catalog/iam-types.js";
import type { NormalizeContext } from "./context.js";
import { regionalAccessLogsBucketName, replicaBucketName, S3_BUCKET_NAME_MAX } from "../model/bucket-names.js";
import type { BucketModel, KmsModel } from "../model/model.js";

export function buildBuckets(ctx: NormalizeContext, veleroEnabled: boolean, lokiBucket: string | undefined): BucketModel[] {
  const { spec } = ctx.stack;
  const buckets: BucketModel[] = [];
  const add = (role: BucketRole, name: string, pointer: string, purpose: string, extra: Partial<BucketModel> = {}) =>
    buckets.push({ role, name, purpose, publicRead: false, noncurrentDays: 30, pointer, ...extra });

  add("kops-state", spec.stateStore.bucket, "/spec/stateStore/bucket", "kops state store (cluster spec, PKI, secrets)", {
    // etcd-manager keeps its backups here too; old versions must outlive the etcd retention
    noncurrentDays: Math.max(30, spec.cluster.etcd.backupRetentionDays),
    // the cluster's PKI and etcd backups are what a regional outage would otherwise take with
    // it: a prod stack replicates them wherever it replicates its Velero backups
    ...(ctx.stack.metadata.environment === "prod" && spec.backups.replicaRegion ? { replicaRegion: spec.backups.replicaRegion } : {}),
  });
  add("terraform-state", spec.stateStore.terraformBucket, "/spec/stateStore/terraformBucket", "Terraform state (created by terraform-bootstrap)", {
    noncurrentDays: 90,
  });

  const irsa = spec.cluster.irsa;
  if (irsa.enabled) {
    if (irsa.discoveryBucket) {
      add("oidc", irsa.discoveryBucket, "/spec/cluster/irsa/discoveryBucket", "IRSA OIDC discovery documents (public read)", { publicRead: true });
    } else {
      ctx.report("STK-MODEL-013", "IRSA is enabled but spec.cluster.irsa.discoveryBucket is not set", "/spec/cluster/irsa", {
        prefer: "key",
        hint: "Set discoveryBucket to a new bucket name such as <org>-<stack>-oidc, or disable IRSA with enabled: false",
      });
    }
  }

  const flowLogs = spec.network.flowLogs;
  if (flowLogs.enabled) {
    if (flowLogs.bucket) {
      add("flow-logs", flowLogs.bucket, "/spec/network/flowLogs/bucket", "VPC flow logs", { expireDays: flowLogs.retentionDays });
    } else {
      ctx.report("STK-MODEL-013", "Flow logs are enabled but spec.network.flowLogs.bucket is not set", "/spec/network/flowLogs", {
        prefer: "key",
      });
    }
  }

  const backups = spec.backups;
  if (backups.enabled || veleroEnabled) {
    if (backups.bucket) {
      add("velero", backups.bucket, "/spec/backups/bucket", "Velero cluster backups", {
        noncurrentDays: Math.max(7, backups.retentionDays),
        ...(backups.replicaRegion ? { replicaRegion: backups.replicaRegion } : {}),
      });
    } else {
      ctx.report(
        "STK-MODEL-013",
        backups.enabled ? "Backups are enabled but spec.backups.bucket is not set" : "Velero is installed but spec.backups.bucket is not set",
        backups.enabled ? "/spec/backups" : "/spec/addons/velero",
        { prefer: "key", hint: "Set spec.backups.bucket to the bucket Velero writes to" },
      );
    }
  }

  if (lokiBucket) add("loki", lokiBucket, "/spec/addons/loki/bucket", "Loki chunks and indexes");
  if (spec.storage.accessLogsBucket) {
    add("access-logs", spec.storage.accessLogsBucket, "/spec/storage/accessLogsBucket", "S3 server access logs", { expireDays: 365 });
  }

  const seen = new Map<string, BucketModel>();
  // the replicas and regional access-log buckets are named after these: check them all at once
  for (const bucket of [...buckets, ...remoteBuckets(buckets)]) {
    const name = bucket.name;
    if (name.length > S3_BUCKET_NAME_MAX) {
      ctx.report(
        "STK-MODEL-023",
        `Bucket ${name} (${bucket.purpose}) is ${name.length} characters long; S3 allows ${S3_BUCKET_NAME_MAX}`,
        bucket.pointer,
        { hint: `stackc derives this name from the one set here; shorten it by ${name.length - S3_BUCKET_NAME_MAX} characters` },
      );
    }
    const first = seen.get(name);
    if (first) {
      ctx.report("STK-MODEL-012", `Bucket ${name} is named for two purposes: ${first.purpose} and ${bucket.purpose}`, bucket.pointer, {
        related: [ctx.related(first.pointer, `also named here (${first.purpose})`)],
      });
    } else {
      seen.set(name, bucket);
    }
  }
  return buckets;
}

/**
 * The buckets outside the stack's region (model.remoteBuckets): the replica of every bucket
 * with a replicaRegion, and the access-log bucket each replica region needs so the replicas
 * log too. Derived here, once, so the emitters, the fleet checks and the policies see the same
 * names. Sorted by name.
 */
export function remoteBuckets(buckets: readonly BucketModel[]): BucketModel[] {
  const out: BucketModel[] = [];
  const accessLogs = buckets.find((b) => b.role === "access-logs");
  const regions = new Set<string>();
  for (const b of buckets) {
    if (!b.replicaRegion) continue;
    regions.add(b.replicaRegion);
    out.push({
      role: b.role,
      name: replicaBucketName(b.name),
      purpose: `Replica of ${b.name} in ${b.replicaRegion} (${b.purpose})`,
      publicRead: false,
      noncurrentDays: b.noncurrentDays,
      ...(b.expireDays !== undefined ? { expireDays: b.expireDays } : {}),
      region: b.replicaRegion,
      replicaOf: b.name,
      // the setting that creates the replica
      pointer: "/spec/backups/replicaRegion",
    });
  }
  if (accessLogs) {
    for (const region of regions) {
      out.push({
        role: "access-logs",
        name: regionalAccessLogsBucketName(accessLogs.name, region),
        purpose: `S3 server access logs of the replicas in ${region}`,
        publicRead: false,
        noncurrentDays: accessLogs.noncurrentDays,
        ...(accessLogs.expireDays !== undefined ? { expireDays: accessLogs.expireDays } : {}),
        region,
        pointer: accessLogs.pointer,
      });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function buildKms(ctx: NormalizeContext): KmsModel {
  const { storage, cloud } = ctx.stack.spec;
  if (storage.encryption === "sse-s3") {
    if (storage.kmsKeyArn) {
      ctx.report("STK-MODEL-017", "kmsKeyArn is set but encryption is sse-s3", "/spec/storage/kmsKeyArn", {
        prefer: "key",
        hint: "Use encryption: sse-kms with the key, or remove kmsKeyArn",
      });
    }
    return { mode: "none", rotation: false };
  }
  if (storage.kmsKeyArn) {
    const keyRegion = storage.kmsKeyArn.split(":")[3];
    if (keyRegion !== cloud.region) {
      ctx.report("STK-MODEL-022", `kmsKeyArn is a key in ${keyRegion}, but the stack's buckets are in ${cloud.region}`, "/spec/storage/kmsKeyArn", {
        related: [ctx.related("/spec/cloud/region", "stack region")],
      });
    }
    return { mode: "existing", arn: storage.kmsKeyArn, rotation: storage.keyRotation };
  }
  return { mode: "create", rotation: storage.keyRotation };
}
