package stackc.checks.s3.stk_s3_004_test

import data.stackc.checks.s3.stk_s3_004
import data.stackc.test.fixtures

model := {"buckets": [
	{"role": "kops-state", "name": "acme-state", "noncurrentDays": 90, "path": ["spec", "stateStore", "bucket"]},
	{"role": "velero", "name": "acme-velero", "noncurrentDays": 30, "path": ["spec", "backups", "bucket"]},
	{"role": "terraform-state", "name": "acme-tf", "noncurrentDays": 90, "path": ["spec", "stateStore", "terraformBucket"]},
]}

stack(logs) := {"spec": {"storage": {"accessLogsBucket": logs}, "backups": {"retentionDays": 30}, "cluster": {"etcd": {"backupRetentionDays": 90}}}}

# Two modules, as the Terraform emitter writes them: the Terraform state bucket lives in the
# bootstrap module, which runs before the access-log bucket exists.
artifact(logging) := {"terraform": {"modules": [
	fixtures.tf(object.union({"aws_s3_bucket.state": {"bucket": "acme-state"}, "aws_s3_bucket.logs": {"bucket": "acme-logs"}}, logging)).terraform.modules[0],
	{"dir": "terraform-bootstrap", "resources": [{"mode": "managed", "type": "aws_s3_bucket", "name": "tf", "address": "aws_s3_bucket.tf", "instances": [{"key": null, "address": "aws_s3_bucket.tf", "attributes": {"bucket": "acme-tf"}}]}]},
]}}

test_logged_and_consistent_passes if {
	count(stk_s3_004.warn) == 0 with input as {"stack": stack("acme-logs"), "model": model}
	count(stk_s3_004.warn) == 0 with input as {"stack": stack("acme-logs"), "model": model, "artifacts": artifact({"aws_s3_bucket_logging.state": {"bucket": fixtures.ref("aws_s3_bucket.state")}})}
}

test_no_access_logs_warned if {
	stk_s3_004.warn == {{
		"id": "STK-S3-004",
		"path": ["spec", "storage", "accessLogsBucket"],
		"data": {"reason": "no-access-logs", "buckets": ["acme-state", "acme-tf", "acme-velero"]},
	}} with input as {"stack": {"spec": {"storage": {}, "backups": {"retentionDays": 30}, "cluster": {"etcd": {"backupRetentionDays": 90}}}}, "model": model}
}

test_logging_missing_from_terraform if {
	stk_s3_004.warn == {{
		"id": "STK-S3-004",
		"path": ["spec", "stateStore", "bucket"],
		"data": {"reason": "logging-not-emitted", "bucket": "acme-state"},
	}} with input as {"stack": stack("acme-logs"), "model": model, "artifacts": artifact({})}
}

test_noncurrent_shorter_than_retention if {
	stk_s3_004.warn == {{
		"id": "STK-S3-004",
		"path": ["spec", "backups", "bucket"],
		"data": {"reason": "noncurrent-expiry", "bucket": "acme-velero", "noncurrentDays": 30, "retentionDays": 45},
	}} with input as {"stack": object.union(stack("acme-logs"), {"spec": {"backups": {"retentionDays": 45}}}), "model": model}
}
