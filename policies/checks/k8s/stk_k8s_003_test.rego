package stackc.checks.k8s.stk_k8s_003_test

import data.stackc.checks.k8s.stk_k8s_003

stack(version) := {"spec": {"cluster": {"kubernetesVersion": version}}}

test_exact_versions_pass if {
	every version in ["1.36.1", "v1.35.5", "1.31.0"] {
		count(stk_k8s_003.deny) == 0 with input.stack as stack(version)
	}
}

test_finding_shape if {
	stk_k8s_003.deny == {{
		"id": "STK-K8S-003",
		"path": ["spec", "cluster", "kubernetesVersion"],
		"data": {"version": "stable", "reason": "keyword"},
	}} with input.stack as stack("stable")
}

test_reasons if {
	cases := {
		"latest": "keyword",
		"1.36": "partial",
		"1": "partial",
		"1.36.x": "range",
		">=1.35.0": "range",
		"1.36.0-rc.1": "prerelease",
		"1.36.1+k3s1": "prerelease",
		"1.036.1": "invalid",
		"": "invalid",
	}
	every version, reason in cases {
		{v.data.reason | some v in stk_k8s_003.deny} == {reason} with input.stack as stack(version)
	}
}

test_non_string if {
	{v.data.reason | some v in stk_k8s_003.deny} == {"not-a-string"} with input.stack as stack(1.36)
}
