package stackc.checks.s3.stk_s3_003_test

import data.stackc.checks.s3.stk_s3_003
import data.stackc.test.fixtures

model := {"buckets": [
	{"role": "kops-state", "name": "acme-state", "publicRead": false, "path": ["spec", "stateStore", "bucket"]},
	{"role": "oidc", "name": "acme-oidc", "publicRead": true, "path": ["spec", "cluster", "irsa", "discoveryBucket"]},
]}

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

inp(blocks) := {"model": model, "artifacts": fixtures.tf(object.union(
	{"aws_s3_bucket.state": {"bucket": "acme-state"}, "aws_s3_bucket.oidc": {"bucket": "acme-oidc"}},
	blocks,
))}

test_blocked_passes_and_oidc_is_exempt if {
	count(stk_s3_003.deny) == 0 with input as inp({"aws_s3_bucket_public_access_block.state": object.union(all_on, {"bucket": fixtures.ref("aws_s3_bucket.state")})})
	count(stk_s3_003.deny) == 0 with input as {"model": model}
}

test_missing_or_partial_block_denied if {
	every blocks in [{}, {"aws_s3_bucket_public_access_block.state": object.union(all_on, {"bucket": "acme-state", "restrict_public_buckets": false})}] {
		stk_s3_003.deny == {{
			"id": "STK-S3-003",
			"path": ["spec", "stateStore", "bucket"],
			"data": {"reason": "no-block", "bucket": "acme-state", "role": "kops-state"},
		}} with input as inp(blocks)
	}
}

test_public_read_in_model_denied if {
	stk_s3_003.deny == {{
		"id": "STK-S3-003",
		"path": ["spec", "backups", "bucket"],
		"data": {"reason": "public-read", "bucket": "acme-velero", "role": "velero"},
	}} with input as {"model": {"buckets": [{"role": "velero", "name": "acme-velero", "publicRead": true, "path": ["spec", "backups", "bucket"]}]}}
}
