package stackc.checks.k8s.stk_k8s_008_test

import data.stackc.checks.k8s.stk_k8s_008

test_enabled_passes if {
	count(stk_k8s_008.warn) == 0 with input.stack as {"spec": {"cluster": {"auditLogging": {"enabled": true}}}}
}

test_disabled_warned if {
	stk_k8s_008.warn == {{"id": "STK-K8S-008", "path": ["spec", "cluster", "auditLogging", "enabled"], "data": {}}} with input.stack as {"spec": {"cluster": {"auditLogging": {"enabled": false}}}}
}
