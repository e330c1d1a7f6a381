package stackc.checks.s3.stk_s3_002_test

import data.stackc.checks.s3.stk_s3_002
import data.stackc.test.fixtures

model := {"buckets": [
	{"role": "kops-state", "name": "acme-state", "path": ["spec", "stateStore", "bucket"]},
	{"role": "terraform-state", "name": "acme-tf", "path": ["spec", "stateStore", "terraformBucket"]},
	{"role": "flow-logs", "name": "acme-flow", "path": ["spec", "network", "flowLogs", "bucket"]},
]}

inp(versioning) := {"model": model, "artifacts": fixtures.tf(object.union(
	{"aws_s3_bucket.state": {"bucket": "acme-state"}, "aws_s3_bucket.flow": {"bucket": "acme-flow"}},
	versioning,
))}

test_versioned_passes if {
	count(stk_s3_002.deny) == 0 with input as inp({"aws_s3_bucket_versioning.state": {"bucket": fixtures.ref("aws_s3_bucket.state"), "versioning_configuration": [{"status": "Enabled"}]}})
	count(stk_s3_002.deny) == 0 with input as inp({"aws_s3_bucket_versioning.state": {"bucket": "acme-state", "versioning_configuration": {"status": "Enabled"}}})
}

# Missing or suspended versioning on an emitted state bucket; a state bucket the artifact does
# not create (acme-tf here) is not judged, the flow-log bucket is out of scope.
test_unversioned_denied if {
	every versioning in [{}, {"aws_s3_bucket_versioning.state": {"bucket": "acme-state", "versioning_configuration": [{"status": "Suspended"}]}}] {
		stk_s3_002.deny == {{
			"id": "STK-S3-002",
			"path": ["spec", "stateStore", "bucket"],
			"data": {"bucket": "acme-state", "role": "kops-state"},
		}} with input as inp(versioning)
	}
}

test_silent_without_artifact if {
	count(stk_s3_002.deny) == 0 with input as {"model": model}
}
