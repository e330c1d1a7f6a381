package stackc.checks.s3.stk_s3_001_test

import data.stackc.checks.s3.stk_s3_001
import data.stackc.test.fixtures

model := {"buckets": [
	{"role": "kops-state", "name": "acme-state", "path": ["spec", "stateStore", "bucket"]},
	{"role": "velero", "name": "acme-velero", "path": ["spec", "backups", "bucket"]},
	{"role": "oidc", "name": "acme-oidc", "path": ["spec", "cluster", "irsa", "discoveryBucket"]},
]}

tf(sse) := fixtures.tf(object.union(
	{"aws_s3_bucket.state": {"bucket": "acme-state"}, "aws_s3_bucket.velero": {"bucket": "acme-velero"}},
	sse,
))

inp(encryption, artifacts) := {"stack": {"spec": {"storage": {"encryption": encryption}}}, "model": model, "artifacts": artifacts}

test_kms_and_encrypted_buckets_pass if {
	count(stk_s3_001.deny) == 0 with input as inp("sse-kms", tf({
		"aws_s3_bucket_server_side_encryption_configuration.state": {"bucket": fixtures.ref("aws_s3_bucket.state")},
		"aws_s3_bucket_server_side_encryption_configuration.velero": {"bucket": "acme-velero"},
	}))
	count(stk_s3_001.warn) == 0 with input as inp("sse-kms", {})
	count(stk_s3_001.deny) == 0 with input as inp("sse-kms", {})
}

test_sse_s3_warned if {
	stk_s3_001.warn == {{
		"id": "STK-S3-001",
		"path": ["spec", "storage", "encryption"],
		"data": {"reason": "sse-s3", "buckets": ["acme-state", "acme-velero"]},
	}} with input as inp("sse-s3", {})
}

test_unencrypted_artifact_bucket_denied if {
	stk_s3_001.deny == {{
		"id": "STK-S3-001",
		"path": ["spec", "backups", "bucket"],
		"data": {"reason": "unencrypted", "bucket": "acme-velero", "role": "velero"},
	}} with input as inp("sse-kms", tf({"aws_s3_bucket_server_side_encryption_configuration.state": {"bucket": fixtures.ref("aws_s3_bucket.state")}}))
}

test_sse_s3_in_artifact_warned_per_bucket if {
	stk_s3_001.warn == {{
		"id": "STK-S3-001",
		"path": ["spec", "stateStore", "bucket"],
		"data": {"reason": "effective-sse-s3", "bucket": "acme-state", "role": "kops-state"},
	}} with input as inp("sse-kms", tf({
		"aws_s3_bucket_server_side_encryption_configuration.state": {
			"bucket": fixtures.ref("aws_s3_bucket.state"),
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
		},
		"aws_s3_bucket_server_side_encryption_configuration.velero": {
			"bucket": "acme-velero",
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}],
		},
	}))
}

test_sse_s3_manifest_not_warned_twice if {
	count(stk_s3_001.warn) == 1 with input as inp("sse-s3", tf({"aws_s3_bucket_server_side_encryption_configuration.state": {
		"bucket": fixtures.ref("aws_s3_bucket.state"),
		"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
	}}))
}
