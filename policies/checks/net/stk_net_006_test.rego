package stackc.checks.net.stk_net_006_test

import data.stackc.checks.net.stk_net_006

zones(names) := [{"name": n, "privateCidr": "10.0.0.0/19"} | some n in names]

inp(env, names) := {"facts": {"environment": env}, "model": {"zones": zones(names)}}

test_three_zones_in_prod_pass if {
	count(stk_net_006.deny) == 0 with input as inp("prod", ["a", "b", "c"])
}

test_two_zones_outside_prod_pass if {
	count(stk_net_006.warn) == 0 with input as inp("dev", ["a", "b"])
}

test_two_zones_in_prod_denied if {
	stk_net_006.deny == {{
		"id": "STK-NET-006",
		"path": ["spec", "cloud", "zones"],
		"data": {"zones": ["a", "b"], "minimum": 3},
	}} with input as inp("prod", ["a", "b"])
}

test_one_zone_elsewhere_warned if {
	stk_net_006.warn == {{
		"id": "STK-NET-006",
		"path": ["spec", "cloud", "zones"],
		"data": {"zones": ["a"], "minimum": 2},
	}} with input as inp("staging", ["a"])
	count(stk_net_006.deny) == 0 with input as inp("staging", ["a"])
}

# A zone without a private subnet (derivation failed) does not count.
test_no_model_no_finding if {
	count(stk_net_006.deny) == 0 with input as {"facts": {"environment": "prod"}}
}

test_zone_without_subnet_not_counted if {
	count(stk_net_006.deny) == 1 with input as {"facts": {"environment": "prod"}, "model": {"zones": array.concat(zones(["a", "b"]), [{"name": "c"}])}}
}

# A network's zones have only a utility subnet; they count, at the network's spec.zones.
test_network_manifest_zones_counted if {
	two := {"facts": {"environment": "prod"}, "model": {"kind": "Network", "zones": [{"name": "a", "utilityCidr": "10.0.0.0/22"}, {"name": "b", "utilityCidr": "10.0.4.0/22"}]}}
	stk_net_006.deny == {{"id": "STK-NET-006", "path": ["spec", "zones"], "data": {"zones": ["a", "b"], "minimum": 3, "reason": "network"}}} with input as two
	three := {"facts": {"environment": "prod"}, "model": {"kind": "Network", "zones": [{"name": "a", "utilityCidr": "10.0.0.0/22"}, {"name": "b", "utilityCidr": "10.0.4.0/22"}, {"name": "c", "utilityCidr": "10.0.8.0/22"}]}}
	count(stk_net_006.deny) == 0 with input as three
}
