# METADATA
# title: State and backup buckets versioned
# description: >-
#   Versioning keeps every overwritten or deleted object of the kops state store, the
#   Terraform state and the backups recoverable (an accidental kops delete or a bad apply).
#   stackc always enables versioning on these buckets, so a manifest cannot turn it off: the
#   rule checks the Terraform artifact, where every state and backup bucket it creates must
#   have an aws_s3_bucket_versioning with status Enabled. Without the artifact it is silent.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     description: Amazon S3 versioning
#   - ref: https://kops.sigs.k8s.io/state/
#     description: kops state store (enable versioning)
# custom:
#   id: STK-S3-002
#   severity: deny
#   security_severity: "6.5"
#   tags: [security, s3, recovery]
#   remediation: >-
#     This is a stackc bug if it fires on generated Terraform: report it. For hand-made
#     artifacts, add aws_s3_bucket_versioning with versioning_configuration.status = "Enabled".
#   scanners:
#     checkov: [CKV_AWS_21]
#     trivy: [AVD-AWS-0090]
#     kics: [568a4d22-3517-44a6-a7ad-6a7eed88722c]
package stackc.checks.s3.stk_s3_002

import data.stackc.lib.buckets
import data.stackc.lib.tf

deny contains v if {
	some b in buckets.state_and_backup
	buckets.emitted(b)
	not versioned(b.name)
	v := {"id": "STK-S3-002", "path": b.path, "data": {"bucket": b.name, "role": b.role}}
}

versioned(name) if {
	some r in tf.for_bucket("aws_s3_bucket_versioning", name)
	enabled(r.attributes.versioning_configuration)
}

# A nested block is an object or, in some data views, a list of one object.
enabled(block) if block.status == "Enabled"

enabled(block) if block[_].status == "Enabled"
