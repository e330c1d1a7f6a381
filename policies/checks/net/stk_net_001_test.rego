package stackc.checks.net.stk_net_001_test

import data.stackc.checks.net.stk_net_001
import data.stackc.test.fixtures

group(name, i, subnet) := {"name": name, "role": "Node", "subnetType": subnet, "path": ["spec", "cluster", "nodeGroups", i]}

cp := {"name": "control-plane-a", "role": "ControlPlane", "subnetType": "utility", "path": ["spec", "cluster", "controlPlane"]}

test_private_nodes_pass if {
	count(stk_net_001.deny) == 0 with input as {"stack": {}, "model": {"instanceGroups": [group("general", 0, "private"), cp]}}
}

# An explicit subnetType on the group is what has to change.
test_group_override_denied if {
	stk_net_001.deny == {{
		"id": "STK-NET-001",
		"path": ["spec", "cluster", "nodeGroups", 1, "subnetType"],
		"data": {"group": "edge", "subnetType": "utility"},
	}} with input as {
		"stack": {"spec": {"cluster": {"nodeGroups": [{"name": "general"}, {"name": "edge", "subnetType": "utility"}]}}},
		"model": {"instanceGroups": [group("general", 0, "private"), group("edge", 1, "utility")]},
	}
}

# Inherited from a public topology: point at the topology.
test_topology_denied if {
	stk_net_001.deny == {{
		"id": "STK-NET-001",
		"path": ["spec", "network", "topology"],
		"data": {"group": "general", "subnetType": "utility"},
	}} with input as {
		"stack": {"spec": {"network": {"topology": "public"}, "cluster": {"nodeGroups": [{"name": "general"}]}}},
		"model": {"instanceGroups": [group("general", 0, "utility")]},
	}
}

# The emitted kops InstanceGroup disagrees with the model: reported at the group.
test_emitted_spec_checked if {
	kops := fixtures.kops({"subnets": fixtures.subnets}, [{"name": "general", "spec": {"role": "Node", "subnets": ["utility-eu-west-1a"]}}])
	stk_net_001.deny == {{
		"id": "STK-NET-001",
		"path": ["spec", "cluster", "nodeGroups", 0],
		"data": {"group": "general", "subnetType": "Utility", "reason": "emitted"},
	}} with input as {"stack": {}, "model": {"instanceGroups": [group("general", 0, "private")]}, "artifacts": kops}
	ok := fixtures.kops({"subnets": fixtures.subnets}, [{"name": "general", "spec": {"role": "Node", "subnets": ["eu-west-1a"]}}])
	count(stk_net_001.deny) == 0 with input as {"stack": {}, "model": {"instanceGroups": [group("general", 0, "private")]}, "artifacts": ok}
}
