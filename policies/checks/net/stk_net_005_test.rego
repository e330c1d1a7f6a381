package stackc.checks.net.stk_net_005_test

import data.stackc.checks.net.stk_net_005

inp(env, lb) := {"facts": {"environment": env}, "stack": {"spec": {"cluster": {"api": {"loadBalancer": lb}}}}}

finding := {"id": "STK-NET-005", "path": ["spec", "cluster", "api", "loadBalancer"], "data": {"loadBalancer": "public"}}

test_internal_passes if {
	count(stk_net_005.deny) == 0 with input as inp("prod", "internal")
	count(stk_net_005.warn) == 0 with input as inp("prod", "internal")
}

test_public_denied_in_prod if {
	stk_net_005.deny == {finding} with input as inp("prod", "public")
	count(stk_net_005.warn) == 0 with input as inp("prod", "public")
}

test_public_warned_elsewhere if {
	stk_net_005.warn == {finding} with input as inp("staging", "public")
	count(stk_net_005.deny) == 0 with input as inp("staging", "public")
}
