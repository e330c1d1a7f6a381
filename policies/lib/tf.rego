# METADATA
# title: Terraform resources from the emitted artifact
# description: >-
#   The Terraform emitter's artifact (input.artifacts.terraform, shape documented in
#   compiler/emit/terraform/tf/artifact.ts): modules, each with resources, each expanded into
#   instances with resolved attributes; a reference is {"$ref", "address", "attribute"}.
#   Flattened here into managed resource instances {module, type, name, resource, address,
#   key, meta, attributes} of the types the checks read. Arrays, not sets, and indexes built
#   once per evaluation: hashing whole resource objects into sets and re-scanning them per
#   bucket made this the costliest part of an evaluation. Without the artifact everything is
#   empty and the artifact checks stay silent.
package stackc.lib.tf

# The artifact is there (the emitter ran), whatever it holds.
present if is_object(input.artifacts.terraform)

# The resource types any check reads; others are never copied out of the input.
types := {
	"aws_default_security_group", "aws_flow_log", "aws_kms_key", "aws_nat_gateway", "aws_route",
	"aws_s3_bucket", "aws_s3_bucket_logging", "aws_s3_bucket_public_access_block",
	"aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
}

# One pass over the resources, then grouped by type (not one pass per type).
instances := [i |
	some m in input.artifacts.terraform.modules
	some r in m.resources
	types[r.type] # a hashed lookup (`in` compares with each member in wasm)
	r.mode == "managed"
	some inst in r.instances
	i := {
		"module": m.dir, "type": r.type, "name": r.name, "resource": r.address,
		"address": inst.address, "key": inst.key, "meta": object.get(r, "meta", {}),
		"attributes": inst.attributes,
	}
]

by_type := {t: [i | some i in instances; i.type == t] | some t in types}

# Instances of one resource type (one of `types`).
of_type(type) := object.get(by_type, type, [])

# "module|address" of each aws_s3_bucket instance → its bucket name.
bucket_names := {concat("|", [i.module, i.address]): i.attributes.bucket | some i in of_type("aws_s3_bucket")}

# The bucket a bucket-scoped resource (versioning, encryption, …) configures: named literally,
# or by a reference to the aws_s3_bucket instance of its own module.
bucket_of(i) := i.attributes.bucket if is_string(i.attributes.bucket)

else := bucket_names[concat("|", [i.module, i.attributes.bucket.address])]

# type → bucket → the instances of that type that configure the bucket, built once per
# evaluation (each check asks for_bucket of every bucket): bucket_of runs once per instance.
by_bucket := {t: grouped |
	some t in types
	pairs := [[bucket_of(i), i] | some i in of_type(t)]
	grouped := {b: [pair[1] | some pair in pairs; pair[0] == b] | some [b, _] in pairs}
}

# The instances of `type` that configure `bucket`.
for_bucket(type, bucket) := object.get(by_bucket, [type, bucket], [])

# bucket name → the modules whose aws_s3_bucket instances create it.
bucket_modules := {b: {i.module | some i in of_type("aws_s3_bucket"); i.attributes.bucket == b} |
	some j in of_type("aws_s3_bucket")
	b := j.attributes.bucket
}

# The module that creates `bucket` (undefined when the artifact does not create it).
bucket_module(bucket) := m if some m in bucket_modules[bucket]
