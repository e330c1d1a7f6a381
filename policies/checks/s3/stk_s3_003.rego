# METADATA
# title: Public access blocked on every bucket (except the IRSA discovery bucket)
# description: >-
#   Every bucket the stack creates must have an S3 public access block with all four
#   settings on (block_public_acls, block_public_policy, ignore_public_acls,
#   restrict_public_buckets), so no ACL or bucket policy can ever make the state store or the
#   backups public. The only exception is the IRSA OIDC discovery bucket, which must serve its
#   two documents publicly. stackc always emits the block, so the rule checks the model (only
#   the discovery bucket may be public-read) and the Terraform artifact (each bucket it
#   creates has a complete block).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#     description: Amazon S3, blocking public access
# custom:
#   id: STK-S3-003
#   severity: deny
#   security_severity: "9.0"
#   tags: [security, s3, public-access]
#   remediation: >-
#     This is a stackc bug if it fires on generated Terraform: report it. Otherwise add an
#     aws_s3_bucket_public_access_block with all four settings true for the bucket.
#   scanners:
#     checkov: [CKV2_AWS_6]
#     trivy: [AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093, AVD-AWS-0094]
#     kics: [d0cc8694-fcad-43ff-ac86-32331d7e867f, 1ec253ab-c220-4d63-b2de-5b40e0af9293]
package stackc.checks.s3.stk_s3_003

import data.stackc.lib.buckets
import data.stackc.lib.tf

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains v if {
	some b in input.model.buckets
	b.role != "oidc"
	b.publicRead == true
	v := {"id": "STK-S3-003", "path": b.path, "data": {"reason": "public-read", "bucket": b.name, "role": b.role}}
}

deny contains v if {
	some b in input.model.buckets
	b.role != "oidc"
	buckets.emitted(b)
	not blocked(b.name)
	v := {"id": "STK-S3-003", "path": b.path, "data": {"reason": "no-block", "bucket": b.name, "role": b.role}}
}

blocked(name) if {
	some r in tf.for_bucket("aws_s3_bucket_public_access_block", name)
	every flag in flags {
		r.attributes[flag] == true
	}
}
