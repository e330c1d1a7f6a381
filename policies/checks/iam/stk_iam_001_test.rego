package stackc.checks.iam.stk_iam_001_test

import data.stackc.checks.iam.stk_iam_001

doc(address, meta, statements) := {"mode": "data", "type": "aws_iam_policy_document", "name": split(address, ".")[2], "address": address, "meta": meta, "instances": [{"key": null, "address": address, "attributes": {"statement": statements}}]}

inp(docs) := {
	"model": {"addons": [{"key": "velero", "path": ["spec", "addons", "velero"]}, {"key": "externalDns", "path": ["spec", "addons", "externalDns"]}], "buckets": []},
	"artifacts": {"terraform": {"modules": [{"dir": "terraform", "resources": docs}]}},
}

velero_upstream := {"sid": "EbsSnapshots", "effect": "Allow", "actions": ["ec2:CreateSnapshot", "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteSnapshot", "ec2:DescribeSnapshots", "ec2:DescribeVolumes"], "resources": ["*"]}

test_upstream_verbatim_passes if {
	count(stk_iam_001.deny) == 0 with input as inp([doc("data.aws_iam_policy_document.irsa_velero", {"addon": "velero"}, [velero_upstream])])
}

test_reads_scoped_conditioned_and_resource_policies_pass if {
	count(stk_iam_001.deny) == 0 with input as inp([doc("data.aws_iam_policy_document.irsa_external_dns", {"addon": "externalDns"}, [
		{"sid": "Read", "effect": "Allow", "actions": ["route53:ListHostedZones", "route53:Get*", "ec2:DescribeVolumes"], "resources": ["*"]},
		{"sid": "Scoped", "effect": "Allow", "actions": ["route53:ChangeResourceRecordSets"], "resources": ["arn:aws:route53:::hostedzone/Z1"]},
		{"sid": "Tagged", "effect": "Allow", "actions": ["ec2:DeleteVolume"], "resources": ["*"], "condition": [{"test": "StringEquals", "variable": "aws:ResourceTag/x", "values": ["y"]}]},
		{"sid": "KeyPolicy", "effect": "Allow", "actions": ["kms:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::1:root"]}]},
		{"sid": "DenyAll", "effect": "Deny", "actions": ["s3:*"], "resources": ["*"]},
	])])
}

test_extra_action_in_upstream_statement_denied if {
	st := object.union(velero_upstream, {"actions": array.concat(velero_upstream.actions, ["ec2:DeleteVolume"])})
	stk_iam_001.deny == {{
		"id": "STK-IAM-001",
		"path": ["spec", "addons", "velero"],
		"data": {
			"document": "data.aws_iam_policy_document.irsa_velero", "sid": "EbsSnapshots",
			"actions": ["ec2:CreateSnapshot", "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteSnapshot", "ec2:DeleteVolume"],
		},
	}} with input as inp([doc("data.aws_iam_policy_document.irsa_velero", {"addon": "velero"}, [st])])
}

test_wildcards_are_writes if {
	stk_iam_001.deny == {{
		"id": "STK-IAM-001",
		"path": ["spec", "addons", "externalDns"],
		"data": {"document": "data.aws_iam_policy_document.irsa_external_dns", "sid": "Wild", "actions": ["ec2:*Snapshot", "s3:*", "s3:Put*"]},
	}} with input as inp([doc("data.aws_iam_policy_document.irsa_external_dns", {"addon": "externalDns"}, [{"sid": "Wild", "effect": "Allow", "actions": ["s3:*", "s3:Put*", "ec2:*Snapshot", "ec2:Describe*"], "resources": ["*"]}])])
}

test_unknown_owner_points_at_the_stack if {
	some v in stk_iam_001.deny with input as inp([doc("data.aws_iam_policy_document.other", {}, [{"sid": "X", "effect": "Allow", "actions": ["s3:PutObject"], "resources": ["*"]}])])
	v.path == ["metadata", "name"]
}

test_replication_role_points_at_its_bucket if {
	some v in stk_iam_001.deny with input as object.union(
		inp([doc("data.aws_iam_policy_document.velero_replication", {"bucketRole": "velero"}, [{"sid": "X", "effect": "Allow", "actions": ["s3:ReplicateObject"], "resources": ["*"]}])]),
		{"model": {"addons": [], "buckets": [
			{"role": "velero", "name": "b-replica", "replicaOf": "b", "path": ["spec", "backups", "replicaRegion"]},
			{"role": "velero", "name": "b", "path": ["spec", "backups", "bucket"]},
		]}},
	)
	v.path == ["spec", "backups", "bucket"]
}
