package stackc.checks.net.stk_net_010_test

import data.stackc.checks.net.stk_net_010
import data.stackc.test.fixtures

test_restricted_passes if {
	count(stk_net_010.warn) == 0 with input.stack as {"spec": {"network": {"restrictDefaultSecurityGroup": true}}}
}

test_unrestricted_warned if {
	stk_net_010.warn == {{"id": "STK-NET-010", "path": ["spec", "network", "restrictDefaultSecurityGroup"], "data": {}}} with input.stack as {"spec": {"network": {"restrictDefaultSecurityGroup": false}}}
}

test_emitted_default_group_checked if {
	restricted := {"spec": {"network": {"restrictDefaultSecurityGroup": true}}}
	count(stk_net_010.warn) == 0 with input as {"stack": restricted, "artifacts": fixtures.tf({"aws_default_security_group.default": {"ingress": [], "egress": []}})}
	every artifacts in [fixtures.tf({"aws_default_security_group.default": {"ingress": [{"protocol": "-1"}], "egress": []}}), fixtures.tf({})] {
		stk_net_010.warn == {{"id": "STK-NET-010", "path": ["spec", "network", "restrictDefaultSecurityGroup"], "data": {"reason": "emitted"}}} with input as {"stack": restricted, "artifacts": artifacts}
	}
}
