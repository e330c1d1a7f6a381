package stackc.checks.k8s.stk_k8s_005_test

import data.stackc.checks.k8s.stk_k8s_005
import data.stackc.test.fixtures

g(name, role, path, tokens, hops) := {"name": name, "role": role, "path": path, "instanceMetadata": {"httpTokens": tokens, "hopLimit": hops}}

cp := g("control-plane-a", "ControlPlane", ["spec", "cluster", "controlPlane"], "required", 1)

test_required_everywhere_passes if {
	count(stk_k8s_005.deny) == 0 with input as {"stack": {}, "model": {"instanceGroups": [cp, g("general", "Node", ["spec", "cluster", "nodeGroups", 0], "required", 1)]}}
}

# Inherited from the cluster-wide setting: one finding there, naming every group.
test_cluster_setting_denied if {
	stk_k8s_005.deny == {{
		"id": "STK-K8S-005",
		"path": ["spec", "cluster", "instanceMetadata", "httpTokens"],
		"data": {"reason": "tokens", "httpTokens": "optional", "groups": ["bastions", "control-plane-a", "general"]},
	}} with input as {"stack": {"spec": {"cluster": {"nodeGroups": [{"name": "general"}]}}}, "model": {"instanceGroups": [
		g("control-plane-a", "ControlPlane", ["spec", "cluster", "controlPlane"], "optional", 1),
		g("general", "Node", ["spec", "cluster", "nodeGroups", 0], "optional", 1),
		g("bastions", "Bastion", ["spec", "cluster", "ssh", "bastion"], "optional", 1),
	]}}
}

# A node group's own override is reported at the override.
test_group_override_denied if {
	stk_k8s_005.deny == {{
		"id": "STK-K8S-005",
		"path": ["spec", "cluster", "nodeGroups", 1, "instanceMetadata", "httpTokens"],
		"data": {"reason": "tokens", "httpTokens": "optional", "groups": ["legacy"]},
	}} with input as {"stack": {"spec": {"cluster": {"nodeGroups": [{"name": "general"}, {"name": "legacy", "instanceMetadata": {"httpTokens": "optional"}}]}}}, "model": {"instanceGroups": [
		cp,
		g("general", "Node", ["spec", "cluster", "nodeGroups", 0], "required", 1),
		g("legacy", "Node", ["spec", "cluster", "nodeGroups", 1], "optional", 1),
	]}}
}

test_hop_limit_warned if {
	stk_k8s_005.warn == {{
		"id": "STK-K8S-005",
		"path": ["spec", "cluster", "instanceMetadata", "hopLimit"],
		"data": {"reason": "hop-limit", "hopLimit": 2, "groups": ["control-plane-a"]},
	}} with input as {"stack": {}, "model": {"instanceGroups": [g("control-plane-a", "ControlPlane", ["spec", "cluster", "controlPlane"], "required", 2)]}}
	count(stk_k8s_005.deny) == 0 with input as {"stack": {}, "model": {"instanceGroups": [g("control-plane-a", "ControlPlane", ["spec", "cluster", "controlPlane"], "required", 2)]}}
}

test_emitted_instance_groups_checked if {
	kops := fixtures.kops({}, [{"name": "control-plane-a", "spec": {"role": "Master", "instanceMetadata": {"httpTokens": "optional"}}}, {"name": "general", "spec": {"role": "Node"}}])
	stk_k8s_005.deny == {
		{"id": "STK-K8S-005", "path": ["spec", "cluster", "instanceMetadata", "httpTokens"], "data": {"reason": "emitted", "httpTokens": "optional", "groups": ["control-plane-a"]}},
		{"id": "STK-K8S-005", "path": ["spec", "cluster", "instanceMetadata", "httpTokens"], "data": {"reason": "emitted", "httpTokens": "optional", "groups": ["general"]}},
	} with input as {"stack": {"spec": {"cluster": {"nodeGroups": [{"name": "general"}]}}}, "model": {"instanceGroups": [cp, g("general", "Node", ["spec", "cluster", "nodeGroups", 0], "required", 1)]}, "artifacts": kops}
}
