package stackc.checks.net.stk_net_007_test

import data.stackc.checks.net.stk_net_007

per_zone := {"zones": [{"name": "a", "natZone": "a"}, {"name": "b", "natZone": "b"}], "natZones": ["a", "b"]}

single := {"zones": [{"name": "a", "natZone": "a"}, {"name": "c", "natZone": "a"}, {"name": "b", "natZone": "a"}], "natZones": ["a"]}

finding := {"id": "STK-NET-007", "path": ["spec", "network", "natGateways"], "data": {"zones": ["b", "c"], "natZones": ["a"]}}

test_per_zone_passes if {
	count(stk_net_007.deny) == 0 with input as {"facts": {"environment": "prod"}, "model": per_zone}
}

test_single_nat_denied_in_prod if {
	stk_net_007.deny == {finding} with input as {"facts": {"environment": "prod"}, "model": single}
}

test_single_nat_warned_in_dev if {
	stk_net_007.warn == {finding} with input as {"facts": {"environment": "dev"}, "model": single}
	count(stk_net_007.deny) == 0 with input as {"facts": {"environment": "dev"}, "model": single}
}

nat(zone) := {"$ref": concat("", ["aws_nat_gateway.this[\"", zone, "\"].id"]), "address": concat("", ["aws_nat_gateway.this[\"", zone, "\"]"]), "attribute": "id"}

routes(a, b) := {"terraform": {"modules": [{"dir": "terraform", "resources": [
	{"mode": "managed", "type": "aws_nat_gateway", "name": "this", "address": "aws_nat_gateway.this", "instances": [
		{"key": "a", "address": "aws_nat_gateway.this[\"a\"]", "attributes": {}},
		{"key": "b", "address": "aws_nat_gateway.this[\"b\"]", "attributes": {}},
	]},
	{"mode": "managed", "type": "aws_route", "name": "private_default", "address": "aws_route.private_default", "instances": [
		{"key": "a", "address": "aws_route.private_default[\"a\"]", "attributes": {"nat_gateway_id": nat(a)}},
		{"key": "b", "address": "aws_route.private_default[\"b\"]", "attributes": {"nat_gateway_id": nat(b)}},
	]},
]}]}}

# The emitted routes must follow the model: zone b routing through a's NAT is reported.
test_emitted_routes_checked if {
	count(stk_net_007.deny) == 0 with input as {"facts": {"environment": "prod"}, "model": per_zone, "artifacts": routes("a", "b")}
	stk_net_007.deny == {{
		"id": "STK-NET-007",
		"path": ["spec", "network", "natGateways"],
		"data": {"zones": ["b"], "natZones": ["a"], "reason": "emitted"},
	}} with input as {"facts": {"environment": "prod"}, "model": per_zone, "artifacts": routes("a", "a")}
}

# A kind: Network manifest with one NAT: denied in prod at its natGateways.
test_network_manifest_single_nat_denied_in_prod if {
	stk_net_007.deny == {{"id": "STK-NET-007", "path": ["spec", "natGateways"], "data": {"zones": ["b", "c"], "natZones": ["a"]}}} with input as {
		"facts": {"environment": "prod"},
		"stack": {"kind": "Network", "spec": {"natGateways": "single"}},
		"model": object.union(single, {"kind": "Network"}),
	}
	count(stk_net_007.deny) == 0 with input as {"facts": {"environment": "prod"}, "stack": {"kind": "Network"}, "model": object.union(per_zone, {"kind": "Network"})}
}

# An existing network whose zones share one NAT id: reported at its existing zones.
test_existing_network_shared_nat_denied if {
	stk_net_007.deny == {{"id": "STK-NET-007", "path": ["spec", "existing", "zones"], "data": {"zones": ["b", "c"], "natZones": ["a"]}}} with input as {
		"facts": {"environment": "prod"},
		"stack": {"kind": "Network", "spec": {"existing": {"vpcId": "vpc-0123456789abcdef0"}}},
		"model": object.union(single, {"kind": "Network"}),
	}
}

# A prod stack in a network without a NAT per zone is flagged as it is for its own VPC, at its use.
test_stack_in_single_nat_network_denied if {
	stk_net_007.deny == {{
		"id": "STK-NET-007",
		"path": ["spec", "network", "use"],
		"data": {"zones": ["b", "c"], "natZones": ["a"], "network": "shared", "reason": "network"},
	}} with input as {"facts": {"environment": "prod"}, "model": object.union(single, {"kind": "Stack", "network": {"name": "shared", "natPerZone": false}})}
	count(stk_net_007.deny) == 0 with input as {"facts": {"environment": "prod"}, "model": object.union(per_zone, {"kind": "Stack", "network": {"name": "shared", "natPerZone": true}})}
}
