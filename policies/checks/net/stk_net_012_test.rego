package stackc.checks.net.stk_net_012_test

import data.stackc.checks.net.stk_net_012

euw1 := {"region": "eu-west-1", "setting": "cloud", "known": true, "zones": ["eu-west-1a", "eu-west-1b", "eu-west-1c"], "path": ["spec", "cloud", "region"]}

stack(zones) := {"spec": {"cloud": {"region": "eu-west-1", "zones": zones}}}

test_real_zones_pass if {
	count(stk_net_012.deny) == 0 with input.stack as stack(["eu-west-1a", "eu-west-1b", "eu-west-1c"]) with input.model.regions as [euw1]
}

test_missing_letter_denied if {
	stk_net_012.deny == {{
		"id": "STK-NET-012",
		"path": ["spec", "cloud", "zones", 1],
		"data": {"reason": "unknown-zone", "zone": "eu-west-1d", "region": "eu-west-1", "zones": ["eu-west-1a", "eu-west-1b", "eu-west-1c"]},
	}} with input.stack as stack(["eu-west-1a", "eu-west-1d"]) with input.model.regions as [euw1]
}

# A zone of another Region is STK-MODEL-005's finding.
test_other_region_zone_left_to_normalize if {
	count(stk_net_012.deny) == 0 with input.stack as stack(["eu-west-1a", "us-east-1f"]) with input.model.regions as [euw1]
}

test_unknown_regions_denied if {
	regions := [
		{"region": "eu-west-9", "setting": "cloud", "known": false, "zones": [], "path": ["spec", "cloud", "region"]},
		{"region": "eu-centrl-1", "setting": "backups-replica", "known": false, "zones": [], "path": ["spec", "backups", "replicaRegion"]},
	]
	stk_net_012.deny == {
		{"id": "STK-NET-012", "path": ["spec", "cloud", "region"], "data": {"reason": "unknown-region", "region": "eu-west-9", "setting": "cloud"}},
		{"id": "STK-NET-012", "path": ["spec", "backups", "replicaRegion"], "data": {"reason": "unknown-region", "region": "eu-centrl-1", "setting": "backups-replica"}},
	} with input.stack as {"spec": {"cloud": {"region": "eu-west-9", "zones": ["eu-west-9a"]}}} with input.model.regions as regions
}

test_no_model_no_finding if {
	count(stk_net_012.deny) == 0 with input.stack as stack(["eu-west-1z"])
}

# A kind: Network manifest's zones are checked too, at its spec.zones.
test_network_manifest_zones_checked if {
	stk_net_012.deny == {{
		"id": "STK-NET-012",
		"path": ["spec", "zones", 1],
		"data": {"reason": "unknown-zone", "zone": "eu-west-1d", "region": "eu-west-1", "zones": ["eu-west-1a", "eu-west-1b", "eu-west-1c"]},
	}} with input as {
		"stack": {"kind": "Network", "spec": {"zones": ["eu-west-1a", "eu-west-1d"]}},
		"model": {"kind": "Network", "regions": [{"region": "eu-west-1", "setting": "cloud", "known": true, "zones": ["eu-west-1a", "eu-west-1b", "eu-west-1c"], "path": ["spec", "region"]}]},
	}
}
