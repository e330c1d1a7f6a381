package stackc.checks.net.stk_net_008_test

import data.stackc.checks.net.stk_net_008

zone(name, private, utility) := {
	"name": name, "privateCidr": private, "utilityCidr": utility,
	"paths": {"private": ["spec", "network", "cidr"], "utility": ["spec", "network", "cidr"]},
}

good := {"vpcCidr": "10.20.0.0/16", "zones": [zone("a", "10.20.32.0/19", "10.20.0.0/22"), zone("b", "10.20.64.0/19", "10.20.4.0/22")]}

test_derived_layout_passes if {
	count(stk_net_008.deny) == 0 with input.model as good
}

test_every_rfc1918_range_passes if {
	every cidr in ["10.0.0.0/16", "172.31.0.0/16", "192.168.0.0/20"] {
		count(stk_net_008.deny) == 0 with input.model as {"vpcCidr": cidr, "zones": []}
	}
}

test_public_vpc_denied if {
	stk_net_008.deny == {{
		"id": "STK-NET-008",
		"path": ["spec", "network", "cidr"],
		"data": {"reason": "public-vpc", "cidr": "172.32.0.0/16"},
	}} with input.model as {"vpcCidr": "172.32.0.0/16", "zones": []}
}

test_subnet_outside_vpc_denied if {
	z := object.union(zone("a", "10.21.0.0/19", "10.20.0.0/22"), {"paths": {"private": ["spec", "network", "subnets", "a", "private"], "utility": ["spec", "network", "subnets", "a", "utility"]}})
	stk_net_008.deny == {{
		"id": "STK-NET-008",
		"path": ["spec", "network", "subnets", "a", "private"],
		"data": {"reason": "outside-vpc", "zone": "a", "kind": "private", "cidr": "10.21.0.0/19", "vpc": "10.20.0.0/16"},
	}} with input.model as {"vpcCidr": "10.20.0.0/16", "zones": [z]}
}

test_overlap_denied_once_at_the_later_subnet if {
	stk_net_008.deny == {{
		"id": "STK-NET-008",
		"path": ["spec", "network", "cidr"],
		"data": {
			"reason": "overlap", "zone": "b", "kind": "utility", "cidr": "10.20.0.0/24",
			"other": {"zone": "a", "kind": "utility", "cidr": "10.20.0.0/22"},
		},
	}} with input.model as {"vpcCidr": "10.20.0.0/16", "zones": [zone("a", "10.20.32.0/19", "10.20.0.0/22"), zone("b", "10.20.64.0/19", "10.20.0.0/24")]}
}

# A kind: Network manifest: a public VPC is reported at its spec.cidr; its utility subnets are checked.
test_network_manifest_checked if {
	stk_net_008.deny == {{"id": "STK-NET-008", "path": ["spec", "cidr"], "data": {"reason": "public-vpc", "cidr": "100.0.0.0/16"}}} with input.model as {"kind": "Network", "vpcCidr": "100.0.0.0/16", "zones": []}
	net_zone := {"name": "a", "utilityCidr": "10.9.0.0/22", "paths": {"private": ["spec", "cidr"], "utility": ["spec", "subnets", "a", "utility"]}}
	stk_net_008.deny == {{
		"id": "STK-NET-008",
		"path": ["spec", "subnets", "a", "utility"],
		"data": {"reason": "outside-vpc", "zone": "a", "kind": "utility", "cidr": "10.9.0.0/22", "vpc": "10.20.0.0/16"},
	}} with input.model as {"kind": "Network", "vpcCidr": "10.20.0.0/16", "zones": [net_zone]}
}
