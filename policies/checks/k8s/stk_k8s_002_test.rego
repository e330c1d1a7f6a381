package stackc.checks.k8s.stk_k8s_002_test

import data.stackc.checks.k8s.stk_k8s_002

cp(name, zone) := {"name": name, "role": "ControlPlane", "zones": [zone]}

inp(env, groups) := {"facts": {"environment": env}, "stack": {"spec": {"cloud": {"zones": ["a", "b"]}}}, "model": {"instanceGroups": groups}}

test_one_per_zone_passes if {
	count(stk_k8s_002.deny) == 0 with input as inp("prod", [cp("cp-a", "a"), cp("cp-b", "b"), {"name": "general", "role": "Node", "zones": ["a", "b"]}])
}

test_shared_zone_denied_in_prod if {
	stk_k8s_002.deny == {{
		"id": "STK-K8S-002",
		"path": ["spec", "cluster", "controlPlane", "count"],
		"data": {"zone": "a", "groups": ["cp-a", "cp-a-2"], "zones": ["a", "b"]},
	}} with input as inp("prod", [cp("cp-a", "a"), cp("cp-b", "b"), cp("cp-a-2", "a")])
}

test_shared_zone_warned_elsewhere if {
	count(stk_k8s_002.warn) == 1 with input as inp("dev", [cp("cp-a", "a"), cp("cp-a-2", "a")])
	count(stk_k8s_002.deny) == 0 with input as inp("dev", [cp("cp-a", "a"), cp("cp-a-2", "a")])
}
