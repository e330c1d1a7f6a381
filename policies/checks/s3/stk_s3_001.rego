# METADATA
# title: State and backup buckets encrypted, SSE-KMS preferred
# description: >-
#   The kops state store holds the cluster's PKI and secrets, the Terraform state holds
#   resource attributes, and the backups hold a copy of everything; all must be encrypted at
#   rest. stackc always configures default encryption (spec.storage.encryption), so an
#   unencrypted bucket cannot come from the manifest: that part checks the Terraform artifact
#   (every state and backup bucket it creates has a server-side encryption configuration).
#   SSE-S3 (AWS-owned keys) is a warning: SSE-KMS keeps key use auditable in CloudTrail and
#   access controllable by key policy. The warning is about each bucket's effective encryption:
#   spec.storage.encryption sse-s3 for all of them, and, whatever the manifest asks, any state
#   or backup bucket (replicas and the bootstrap module's state bucket included) whose default
#   encryption in the generated Terraform is SSE-S3.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#     description: Amazon S3, SSE-KMS
#   - ref: https://kops.sigs.k8s.io/state/
#     description: kops state store
# custom:
#   id: STK-S3-001
#   severity: deny
#   security_severity: "8.0"
#   tags: [security, s3, encryption]
#   remediation: >-
#     Use spec.storage.encryption: sse-kms (the default), optionally with kmsKeyArn for an
#     existing key.
#   scanners:
#     checkov: [CKV_AWS_145]
#     trivy: [AVD-AWS-0088, AVD-AWS-0132]
#     kics: [ad03cb46-f174-4674-bf8e-2880a7000edd]
package stackc.checks.s3.stk_s3_001

import data.stackc.lib.buckets
import data.stackc.lib.tf

warn contains v if {
	input.stack.spec.storage.encryption == "sse-s3"
	v := {
		"id": "STK-S3-001",
		"path": ["spec", "storage", "encryption"],
		"data": {"reason": "sse-s3", "buckets": sort([b.name | some b in buckets.state_and_backup])},
	}
}

deny contains v if {
	some b in buckets.state_and_backup
	buckets.emitted(b)
	count(tf.for_bucket("aws_s3_bucket_server_side_encryption_configuration", b.name)) == 0
	v := {"id": "STK-S3-001", "path": b.path, "data": {"reason": "unencrypted", "bucket": b.name, "role": b.role}}
}

# The effective encryption, read from the artifact: a state or backup bucket on SSE-S3 although
# the stack asks for SSE-KMS (with sse-s3 the warning above already names every bucket).
warn contains v if {
	object.get(input.stack, ["spec", "storage", "encryption"], "") != "sse-s3"
	some b in buckets.state_and_backup
	some c in tf.for_bucket("aws_s3_bucket_server_side_encryption_configuration", b.name)
	some r in c.attributes.rule
	some d in r.apply_server_side_encryption_by_default
	d.sse_algorithm == "AES256"
	v := {"id": "STK-S3-001", "path": b.path, "data": {"reason": "effective-sse-s3", "bucket": b.name, "role": b.role}}
}
