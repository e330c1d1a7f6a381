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

test_network_manifest_checked if {
	stk_net_010.warn == {{"id": "STK-NET-010", "path": ["spec", "restrictDefaultSecurityGroup"], "data": {}}} with input as {"stack": {"kind": "Network", "spec": {"restrictDefaultSecurityGroup": false}}, "model": {"kind": "Network"}}
	restricted := {"kind": "Network", "spec": {"restrictDefaultSecurityGroup": true}}
	stk_net_010.warn == {{"id": "STK-NET-010", "path": ["spec", "restrictDefaultSecurityGroup"], "data": {"reason": "emitted"}}} with input as {"stack": restricted, "model": {"kind": "Network"}, "artifacts": fixtures.tf({})}
}

# An existing VPC's default security group, and a shared network's stacks, are left alone.
test_existing_and_shared_not_checked if {
	existing := {"kind": "Network", "spec": {"restrictDefaultSecurityGroup": true, "existing": {"vpcId": "vpc-0123456789abcdef0"}}}
	count(stk_net_010.warn) == 0 with input as {"stack": existing, "model": {"kind": "Network"}, "artifacts": fixtures.tf({})}
	count(stk_net_010.warn) == 0 with input as {"stack": {"spec": {"network": {"restrictDefaultSecurityGroup": true}}}, "model": {"kind": "Stack", "network": {"name": "shared"}}, "artifacts": fixtures.tf({})}
}
