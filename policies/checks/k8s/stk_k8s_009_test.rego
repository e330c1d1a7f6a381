package stackc.checks.k8s.stk_k8s_009_test

import data.stackc.checks.k8s.stk_k8s_009

g(name, i, min, zones) := {"name": name, "role": "Node", "path": ["spec", "cluster", "nodeGroups", i], "min": min, "zones": zones}

stack := {"spec": {"cluster": {"nodeGroups": [{"name": "general"}, {"name": "memory", "zones": ["a"]}]}}}

inp(env, groups) := {"facts": {"environment": env}, "stack": stack, "model": {"instanceGroups": groups}}

test_ha_groups_pass if {
	count(stk_k8s_009.warn) == 0 with input as inp("prod", [g("general", 0, 3, ["a", "b", "c"]), {"name": "cp", "role": "ControlPlane", "min": 1, "zones": ["a"]}])
}

# min 0 is a scale-from-zero pool: exempt from the minimum, not from the zone spread.
test_scale_from_zero_exempt if {
	count(stk_k8s_009.warn) == 0 with input as inp("prod", [g("spot", 0, 0, ["a", "b"])])
}

test_single_node_warned if {
	stk_k8s_009.warn == {{
		"id": "STK-K8S-009",
		"path": ["spec", "cluster", "nodeGroups", 0, "min"],
		"data": {"reason": "min", "group": "general", "min": 1},
	}} with input as inp("prod", [g("general", 0, 1, ["a", "b"])])
}

test_single_zone_warned_at_the_setting if {
	stk_k8s_009.warn == {
		{"id": "STK-K8S-009", "path": ["spec", "cluster", "nodeGroups", 1, "zones"], "data": {"reason": "zones", "group": "memory", "zones": ["a"]}},
		{"id": "STK-K8S-009", "path": ["spec", "cloud", "zones"], "data": {"reason": "zones", "group": "general", "zones": ["a"]}},
	} with input as inp("prod", [g("general", 0, 2, ["a"]), g("memory", 1, 2, ["a"])])
}

test_outside_prod_silent if {
	count(stk_k8s_009.warn) == 0 with input as inp("dev", [g("general", 0, 1, ["a"])])
}
