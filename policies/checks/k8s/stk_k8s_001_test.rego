package stackc.checks.k8s.stk_k8s_001_test

import data.stackc.checks.k8s.stk_k8s_001
import data.stackc.test.fixtures

inp(env, n) := {"facts": {"environment": env}, "stack": {"spec": {"cluster": {"controlPlane": {"count": n}}}}}

finding(n) := {"id": "STK-K8S-001", "path": ["spec", "cluster", "controlPlane", "count"], "data": {"count": n, "etcdClusters": ["main", "events"]}}

test_odd_counts_pass if {
	every n in [3, 5, 7] {
		count(stk_k8s_001.deny) == 0 with input as inp("prod", n)
	}
}

test_one_or_even_denied_in_prod if {
	every n in [1, 2, 4] {
		stk_k8s_001.deny == {finding(n)} with input as inp("prod", n)
	}
}

test_single_member_warned_in_dev if {
	stk_k8s_001.warn == {finding(1)} with input as inp("dev", 1)
	count(stk_k8s_001.deny) == 0 with input as inp("dev", 1)
}

members(n) := [{"name": format_int(i, 10)} | some i in numbers.range(1, n)]

test_emitted_etcd_clusters_checked if {
	kops := fixtures.kops({"etcdClusters": [{"name": "main", "etcdMembers": members(3)}, {"name": "events", "etcdMembers": members(2)}]}, [])
	stk_k8s_001.deny == {{
		"id": "STK-K8S-001",
		"path": ["spec", "cluster", "controlPlane", "count"],
		"data": {"count": 2, "etcdClusters": ["events"], "reason": "emitted"},
	}} with input as object.union(inp("prod", 3), {"artifacts": kops})
}
