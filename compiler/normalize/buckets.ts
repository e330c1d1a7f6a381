// The buckets a stack owns, each with one role. Names come from the manifest; a feature
// that is on without its bucket, or one bucket named for two purposes, is reported here.
import type { BucketRole } from "../catalog/iam-types.js";
import type { NormalizeContext } from "./context.js";
import type { BucketModel, KmsModel } from "../model/model.js";

export function buildBuckets(ctx: NormalizeContext, veleroEnabled: boolean, lokiBucket: string | undefined): BucketModel[] {
  const { spec } = ctx.stack;
  const buckets: BucketModel[] = [];
  const add = (role: BucketRole, name: string, pointer: string, purpose: string, extra: Partial<BucketModel> = {}) =>
    buckets.push({ role, name, purpose, publicRead: false, noncurrentDays: 30, pointer, ...extra });

  add("kops-state", spec.stateStore.bucket, "/spec/stateStore/bucket", "kops state store (cluster spec, PKI, secrets)", {
    // etcd-manager keeps its backups here too; old versions must outlive the etcd retention
    noncurrentDays: Math.max(30, spec.cluster.etcd.backupRetentionDays),
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
  const names = (b: BucketModel) => (b.replicaRegion ? [b.name, `${b.name}-replica`] : [b.name]);
  for (const bucket of buckets) {
    for (const name of names(bucket)) {
      const first = seen.get(name);
      if (first) {
        ctx.report("STK-MODEL-012", `Bucket ${name} is named for two purposes: ${first.purpose} and ${bucket.purpose}`, bucket.pointer, {
          related: [ctx.related(first.pointer, `also named here (${first.purpose})`)],
        });
      } else {
        seen.set(name, bucket);
      }
    }
  }
  return buckets;
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
