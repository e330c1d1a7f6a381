package stackc.checks.net.stk_net_004_test

import data.stackc.checks.net.stk_net_004

inp(env, ssh) := {"facts": {"environment": env}, "stack": {"spec": {"cluster": {"ssh": ssh}}}}

test_no_ssh_passes if {
	count(stk_net_004.deny) == 0 with input as inp("prod", {"access": [], "bastion": false})
}

test_narrow_ssh_outside_prod_passes if {
	count(stk_net_004.deny) == 0 with input as inp("dev", {"access": ["10.0.0.0/8"], "bastion": false})
}

test_bastion_in_prod_passes if {
	count(stk_net_004.deny) == 0 with input as inp("prod", {"access": ["10.0.0.0/8"], "bastion": true})
}

test_open_ssh_denied if {
	stk_net_004.deny == {{
		"id": "STK-NET-004",
		"path": ["spec", "cluster", "ssh", "access", 1],
		"data": {"reason": "open", "cidr": "0.0.0.0/0", "family": "ipv4"},
	}} with input as inp("dev", {"access": ["10.0.0.0/8", "0.0.0.0/0"], "bastion": true})
}

test_direct_ssh_in_prod_denied if {
	stk_net_004.deny == {{
		"id": "STK-NET-004",
		"path": ["spec", "cluster", "ssh", "access"],
		"data": {"reason": "direct", "cidrs": ["10.0.0.0/8"]},
	}} with input as inp("prod", {"access": ["10.0.0.0/8"], "bastion": false})
}

test_open_and_direct_in_prod if {
	{v.data.reason | some v in stk_net_004.deny} == {"open", "direct"} with input as inp("prod", {"access": ["::/0"]})
}
