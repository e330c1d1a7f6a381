package stackc.lib.network_test

import data.stackc.lib.network

test_own_vpc_paths if {
	network.path("natGateways") == ["spec", "network", "natGateways"] with input as {"model": {"kind": "Stack"}}
	not network.manifest with input as {"model": {"kind": "Stack"}}
	not network.shared with input as {"model": {"kind": "Stack"}}
}

test_network_manifest_paths if {
	network.path("natGateways") == ["spec", "natGateways"] with input as {"model": {"kind": "Network"}}
	network.manifest with input as {"model": {"kind": "Network"}}
}

test_shared_stack_points_at_use if {
	network.path("natGateways") == ["spec", "network", "use"] with input as {"model": {"kind": "Stack", "network": {"name": "n"}}}
	network.shared with input as {"model": {"kind": "Stack", "network": {"name": "n"}}}
}
