package stackc.checks.net.stk_net_009_test

import data.stackc.checks.net.stk_net_009
import data.stackc.test.fixtures

stack(enabled) := {"spec": {"network": {"flowLogs": {"enabled": enabled}}}}

test_enabled_passes if {
	count(stk_net_009.warn) == 0 with input as {"stack": stack(true)}
	count(stk_net_009.warn) == 0 with input as {"stack": stack(true), "artifacts": fixtures.tf({"aws_flow_log.vpc": {"traffic_type": "ALL"}})}
}

test_disabled_warned if {
	stk_net_009.warn == {{"id": "STK-NET-009", "path": ["spec", "network", "flowLogs", "enabled"], "data": {"reason": "disabled"}}} with input as {"stack": stack(false)}

	# no setting at all is the schema's business (normalize always fills the default in)
	count(stk_net_009.warn) == 0 with input as {"stack": {}}
}

test_missing_from_terraform_warned if {
	stk_net_009.warn == {{"id": "STK-NET-009", "path": ["spec", "network", "flowLogs"], "data": {"reason": "not-emitted"}}} with input as {"stack": stack(true), "artifacts": fixtures.tf({})}
}

test_network_manifest_checked if {
	stk_net_009.warn == {{"id": "STK-NET-009", "path": ["spec", "flowLogs", "enabled"], "data": {"reason": "disabled"}}} with input as {
		"stack": {"kind": "Network", "spec": {"flowLogs": {"enabled": false}}},
		"model": {"kind": "Network"},
	}
	count(stk_net_009.warn) == 0 with input as {"stack": {"kind": "Network", "spec": {"flowLogs": {"enabled": true}}}, "model": {"kind": "Network"}}
}

# A stack in a shared network is judged by its network's flow logs (its own default is off).
test_shared_stack_follows_its_network if {
	stk_net_009.warn == {{"id": "STK-NET-009", "path": ["spec", "network", "use"], "data": {"reason": "network", "network": "shared"}}} with input as {
		"stack": stack(false),
		"model": {"kind": "Stack", "network": {"name": "shared", "flowLogs": false}},
	}
	count(stk_net_009.warn) == 0 with input as {"stack": stack(false), "model": {"kind": "Stack", "network": {"name": "shared", "flowLogs": true}}, "artifacts": fixtures.tf({})}
}
