package stackc.lib.buckets_test

import data.stackc.lib.buckets
import data.stackc.test.fixtures

model := {"buckets": [
	{"role": "kops-state", "name": "s"},
	{"role": "oidc", "name": "o"},
	{"role": "velero", "name": "v"},
]}

test_state_and_backup if {
	{b.name | some b in buckets.state_and_backup} == {"s", "v"} with input.model as model
}

test_emitted if {
	buckets.emitted({"name": "s"}) with input.artifacts as fixtures.tf({"aws_s3_bucket.state": {"bucket": "s"}})
	not buckets.emitted({"name": "v"}) with input.artifacts as fixtures.tf({"aws_s3_bucket.state": {"bucket": "s"}})
}
