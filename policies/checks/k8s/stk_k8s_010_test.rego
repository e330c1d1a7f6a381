package stackc.checks.k8s.stk_k8s_010_test

import data.stackc.checks.k8s.stk_k8s_010

ten := ["m5.2xlarge", "m5a.2xlarge", "m5d.2xlarge", "m5n.2xlarge", "m5ad.2xlarge", "m6i.2xlarge", "m6a.2xlarge", "m6id.2xlarge", "m6in.2xlarge", "m7i.2xlarge"]

group(name, types, spot) := {"name": name, "machineTypes": types, "spot": spot, "path": ["spec", "cluster", "nodeGroups", 0]}

stack(group) := {"spec": {"cluster": {"nodeGroups": [group]}}}

test_ten_types_pass if {
	count(stk_k8s_010.warn) == 0 with input.model.instanceGroups as [group("spot", ten, true)] with input.stack as stack({"machineTypes": ten})
}

test_on_demand_groups_not_judged if {
	count(stk_k8s_010.warn) == 0 with input.model.instanceGroups as [group("general", ["m6i.xlarge"], false)] with input.stack as stack({"machineType": "m6i.xlarge"})
}

test_four_types_warned if {
	types := array.slice(ten, 0, 4)
	stk_k8s_010.warn == {{
		"id": "STK-K8S-010",
		"path": ["spec", "cluster", "nodeGroups", 0, "machineTypes"],
		"data": {"group": "spot", "count": 4, "minimum": 10},
	}} with input.model.instanceGroups as [group("spot", types, true)] with input.stack as stack({"machineTypes": types})
}

test_single_type_points_at_machine_type if {
	stk_k8s_010.warn == {{
		"id": "STK-K8S-010",
		"path": ["spec", "cluster", "nodeGroups", 0, "machineType"],
		"data": {"group": "spot", "count": 1, "minimum": 10},
	}} with input.model.instanceGroups as [group("spot", ["m6i.xlarge"], true)] with input.stack as stack({"machineType": "m6i.xlarge"})
}
