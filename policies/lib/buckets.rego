# METADATA
# title: The stack's buckets by purpose
# description: >-
#   The buckets the S3 checks are about, from the model (input.model.buckets: role, name,
#   path of the manifest setting that names it). State and backup buckets are the kops state
#   store, the Terraform state and the Velero backups.
package stackc.lib.buckets

import data.stackc.lib.tf

state_and_backup_roles := {"kops-state", "terraform-state", "velero"}

state_and_backup contains b if {
	some b in input.model.buckets
	b.role in state_and_backup_roles
}

# Buckets the Terraform artifact creates (an artifact check only judges those: a bucket
# another root module creates, e.g. the Terraform state bucket, is not missing settings).
emitted(b) if tf.bucket_module(b.name)
