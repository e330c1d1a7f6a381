package stackc.checks.net.stk_net_002_test

import data.stackc.checks.net.stk_net_002
import data.stackc.test.fixtures

cp(zone, subnet) := {"name": concat("-", ["control-plane", zone]), "role": "ControlPlane", "subnetType": subnet, "path": ["spec", "cluster", "controlPlane"]}

node := {"name": "general", "role": "Node", "subnetType": "utility", "path": ["spec", "cluster", "nodeGroups", 0]}

test_private_control_plane_passes if {
	count(stk_net_002.deny) == 0 with input as {"stack": {}, "model": {"instanceGroups": [cp("a", "private"), cp("b", "private"), node]}}
}

test_explicit_setting_denied_once if {
	stk_net_002.deny == {{
		"id": "STK-NET-002",
		"path": ["spec", "cluster", "controlPlane", "subnetType"],
		"data": {"groups": ["control-plane-a", "control-plane-b"], "subnetType": "utility"},
	}} with input as {
		"stack": {"spec": {"cluster": {"controlPlane": {"subnetType": "utility"}}}},
		"model": {"instanceGroups": [cp("b", "utility"), cp("a", "utility"), node]},
	}
}

test_topology_denied if {
	{v.path | some v in stk_net_002.deny} == {["spec", "network", "topology"]} with input as {
		"stack": {"spec": {"network": {"topology": "public"}}},
		"model": {"instanceGroups": [cp("a", "utility")]},
	}
}

test_emitted_spec_checked if {
	kops := fixtures.kops({"subnets": fixtures.subnets}, [{"name": "control-plane-a", "spec": {"role": "Master", "subnets": ["utility-eu-west-1a"]}}])
	stk_net_002.deny == {{
		"id": "STK-NET-002",
		"path": ["spec", "cluster", "controlPlane"],
		"data": {"groups": ["control-plane-a"], "subnetType": "Utility", "reason": "emitted"},
	}} with input as {"stack": {}, "model": {"instanceGroups": [cp("a", "private")]}, "artifacts": kops}
}
