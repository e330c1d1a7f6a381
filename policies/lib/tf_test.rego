package stackc.lib.tf_test

import data.stackc.lib.tf

ref(address) := {"$ref": concat("", [address, ".id"]), "address": address, "attribute": "id"}

resource(type, name, attributes) := {"mode": "managed", "type": type, "name": name, "address": concat(".", [type, name]), "meta": {}, "instances": [{"key": null, "address": concat(".", [type, name]), "attributes": attributes}]}

artifact := {"terraform": {"modules": [
	{"dir": "terraform", "resources": [
		resource("aws_s3_bucket", "state", {"bucket": "acme-state"}),
		resource("aws_s3_bucket_versioning", "state", {"bucket": ref("aws_s3_bucket.state")}),
		resource("aws_s3_bucket_versioning", "other", {"bucket": "acme-other"}),
		resource("aws_iam_role", "x", {}),
		{"mode": "data", "type": "aws_kms_key", "name": "x", "address": "data.aws_kms_key.x", "instances": [{"key": null, "address": "data.aws_kms_key.x", "attributes": {}}]},
	]},
	{"dir": "terraform-bootstrap", "resources": [
		resource("aws_s3_bucket", "tf", {"bucket": "acme-tf"}),
		# the same address as in the other module: must not count for acme-state
		resource("aws_s3_bucket_versioning", "state", {"bucket": ref("aws_s3_bucket.state")}),
	]},
]}}

# Managed instances of the types the checks read; data sources and other types are left out.
test_instances if {
	count(tf.of_type("aws_s3_bucket_versioning")) == 3 with input.artifacts as artifact
	count(tf.of_type("aws_kms_key")) == 0 with input.artifacts as artifact
	count(tf.of_type("aws_iam_role")) == 0 with input.artifacts as artifact
	tf.present with input.artifacts as artifact
}

test_bucket_references if {
	[[i.module, i.name] | some i in tf.for_bucket("aws_s3_bucket_versioning", "acme-state")] == [["terraform", "state"]] with input.artifacts as artifact
	[i.name | some i in tf.for_bucket("aws_s3_bucket_versioning", "acme-other")] == ["other"] with input.artifacts as artifact
	tf.bucket_module("acme-tf") == "terraform-bootstrap" with input.artifacts as artifact
	not tf.bucket_module("acme-none") with input.artifacts as artifact
}

test_absent if {
	not tf.present with input as {}
	count(tf.of_type("aws_s3_bucket")) == 0 with input as {}
}
