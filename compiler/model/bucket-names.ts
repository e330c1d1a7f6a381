// Names of the buckets stackc derives from the manifest's bucket names (replicas, the access-log
// buckets of replica regions): one definition for normalize, the emitters and the fleet checks.

/** S3's limit on a bucket name's length. */
export const S3_BUCKET_NAME_MAX = 63;

/** Name of the replica of a bucket. */
export function replicaBucketName(source: string): string {
  return `${source}-replica`;
}

/** Name of the access-log bucket of a replica region. */
export function regionalAccessLogsBucketName(accessLogs: string, region: string): string {
  return `${accessLogs}-${region}`;
}
