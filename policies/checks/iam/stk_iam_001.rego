# METADATA
# title: No unconditioned write or delete on "*" in the IAM stackc emits
# description: >-
#   Every identity policy stackc writes (IRSA policies of the add-ons, the S3 replication roles)
#   grants write and delete actions on named resources, or on "*" only under a condition (a tag
#   the add-on sets, a service name). A statement allowing a non-read action (anything but
#   Describe*, Get*, List*, Head*, Lookup*, Search*, BatchGet*, View*, Select*, Scan*, Query*;
#   wildcards count as writes) on Resource "*" without a condition lets a compromised pod change
#   any such resource in the account. The only exceptions are statements copied verbatim from an
#   add-on's upstream policy, listed with source and version in one allowlist
#   (policies/lib/iam_upstream.rego). Resource policies (key and bucket policies, which name a
#   principal and where "*" is the resource itself) are not judged here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     description: IAM best practices, least privilege
# custom:
#   id: STK-IAM-001
#   severity: deny
#   security_severity: "7.5"
#   tags: [security, iam, least-privilege]
#   remediation: >-
#     Scope the statement to the resources the add-on manages (ARNs, or a tag condition such as
#     aws:ResourceTag/<key>); if it is upstream's policy verbatim, add it with source and version
#     to policies/lib/iam_upstream.rego.
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0057]
package stackc.checks.iam.stk_iam_001

import data.stackc.lib.iam_upstream

read_prefixes := {"Describe", "Get", "List", "Head", "Lookup", "Search", "BatchGet", "View", "Select", "Scan", "Query"}

# A non-read action: any action whose verb does not start with a read prefix; wildcards
# (`*`, `s3:*`, `ec2:Create*`, `ec2:*Snapshot`) count as writes unless the verb is a read prefix
# followed by `*`.
write(action) if not read_verb(verb(action))

# The part after the last ":" (array.reverse, not parts[count(parts) - 1]: arithmetic in wasm
# goes through a decimal library).
verb(action) := array.reverse(split(action, ":"))[0]

read_verb(v) if {
	not contains(v, "*")
	some p in read_prefixes
	startswith(v, p)
}

# `<prefix>*`: one hashed set lookup instead of a concat per prefix.
read_verb(v) if {
	endswith(v, "*")
	read_prefixes[trim_suffix(v, "*")]
}

# Where a finding points: the add-on setting, the bucket whose replication role it is, or the stack.
location(meta) := a.path if {
	some a in input.model.addons
	a.key == meta.addon
} else := b.path if {
	some b in input.model.buckets
	b.role == meta.bucketRole
	not b.replicaOf
} else := ["metadata", "name"]

# Identity policy statements only (resource policies name a principal), iterated in place: no
# set of statement copies. The upstream allowlist is asked before the actions are classified,
# so a verbatim upstream statement costs one lookup.
deny contains v if {
	some m in input.artifacts.terraform.modules
	some r in m.resources
	r.type == "aws_iam_policy_document"
	some inst in r.instances
	some st in object.get(inst.attributes, "statement", [])
	not st.principals
	not st.not_principals
	object.get(st, "effect", "Allow") == "Allow"
	"*" in object.get(st, "resources", [])
	count(object.get(st, "condition", [])) == 0
	meta := object.get(r, "meta", {})
	not iam_upstream.verbatim(object.get(meta, "addon", ""), object.get(st, "sid", ""), st.actions)
	writes := sort([a | some a in st.actions; write(a)])
	count(writes) > 0
	v := {
		"id": "STK-IAM-001",
		"path": location(meta),
		"data": {"document": r.address, "sid": object.get(st, "sid", ""), "actions": writes},
	}
}
