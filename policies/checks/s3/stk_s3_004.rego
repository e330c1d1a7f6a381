# METADATA
# title: Access logging on state and backup buckets; old versions kept as long as backups
# description: >-
#   S3 server access logs record who read or changed the kops state and the backups
#   (spec.storage.accessLogsBucket turns them on for every stack bucket). The lifecycle rule
#   that expires noncurrent object versions must keep them at least as long as the backups
#   they belong to (Velero retentionDays for the backup bucket, etcd backupRetentionDays for
#   the kops state store, where etcd-manager writes its backups); stackc derives it that way,
#   so that part checks the model's buckets. When the Terraform artifact is available, every
#   state and backup bucket it creates beside the access-log bucket must have an
#   aws_s3_bucket_logging (not the Terraform state bucket of the bootstrap module, which is
#   created before the access-log bucket exists).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#     description: Amazon S3 server access logging
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html
#     description: S3 lifecycle, noncurrent version expiration
# custom:
#   id: STK-S3-004
#   severity: warn
#   security_severity: "3.5"
#   tags: [security, s3, logging, retention]
#   remediation: >-
#     Set spec.storage.accessLogsBucket to a bucket name such as <org>-<stack>-s3-access-logs
#     (stackc creates it).
#   scanners:
#     checkov: [CKV_AWS_18]
#     trivy: [AVD-AWS-0089]
package stackc.checks.s3.stk_s3_004

import data.stackc.lib.buckets
import data.stackc.lib.tf

warn contains v if {
	is_object(input.stack.spec.storage)
	object.get(input.stack.spec.storage, "accessLogsBucket", "") == ""
	v := {
		"id": "STK-S3-004",
		"path": ["spec", "storage", "accessLogsBucket"],
		"data": {"reason": "no-access-logs", "buckets": sort([b.name | some b in buckets.state_and_backup])},
	}
}

warn contains v if {
	object.get(input.stack, ["spec", "storage", "accessLogsBucket"], "") != ""
	some b in buckets.state_and_backup
	buckets.emitted(b)

	# the Terraform state bucket is created by the bootstrap module, before the access-log
	# bucket exists: only buckets created beside the access-log bucket can log to it
	tf.bucket_module(b.name) == tf.bucket_module(input.stack.spec.storage.accessLogsBucket)
	count(tf.for_bucket("aws_s3_bucket_logging", b.name)) == 0
	v := {"id": "STK-S3-004", "path": b.path, "data": {"reason": "logging-not-emitted", "bucket": b.name}}
}

# How long the backups stored in a bucket live.
retention("velero") := input.stack.spec.backups.retentionDays

retention("kops-state") := input.stack.spec.cluster.etcd.backupRetentionDays

warn contains v if {
	some b in input.model.buckets
	days := retention(b.role)
	b.noncurrentDays < days
	v := {
		"id": "STK-S3-004",
		"path": b.path,
		"data": {"reason": "noncurrent-expiry", "bucket": b.name, "noncurrentDays": b.noncurrentDays, "retentionDays": days},
	}
}
