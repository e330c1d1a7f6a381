package stackc.lib.kops_test

import data.stackc.lib.kops

artifact := {"kops": {
	"cluster": {"spec": {"subnets": [{"name": "a", "type": "Private"}, {"name": "utility-a", "type": "Utility"}]}},
	"instanceGroups": [{"metadata": {"name": "general"}, "spec": {"role": "Node"}}],
}}

test_reads_the_artifact if {
	kops.present with input.artifacts as artifact
	kops.subnet_types == {"a": "Private", "utility-a": "Utility"} with input.artifacts as artifact
	count(kops.instance_groups) == 1 with input.artifacts as artifact
	kops.kops_role.ControlPlane == "Master"
}

test_absent if {
	not kops.present with input as {}
	count(kops.instance_groups) == 0 with input as {}
}
