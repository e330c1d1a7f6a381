package stackc.checks.net.stk_net_003_test

import data.stackc.checks.net.stk_net_003

stack(access) := {"spec": {"cluster": {"api": {"loadBalancer": "internal", "access": access}}}}

test_private_cidrs_pass if {
	count(stk_net_003.deny) == 0 with input.stack as stack(["10.0.0.0/8", "192.168.0.0/16", "fd00::/8"])
}

test_ipv4_everything_denied if {
	stk_net_003.deny == {{
		"id": "STK-NET-003",
		"path": ["spec", "cluster", "api", "access", 1],
		"data": {"cidr": "0.0.0.0/0", "family": "ipv4"},
	}} with input.stack as stack(["10.0.0.0/8", "0.0.0.0/0"])
}

test_ipv6_everything_denied if {
	stk_net_003.deny == {{
		"id": "STK-NET-003",
		"path": ["spec", "cluster", "api", "access", 0],
		"data": {"cidr": "::/0", "family": "ipv6"},
	}} with input.stack as stack(["::/0"])
}

# Other spellings of the same address space are just as open.
test_any_slash_zero_denied if {
	found := {v.data.cidr | some v in stk_net_003.deny} with input.stack as stack(["1.2.3.4/0", "0::/0", "::0/0", "10.0.0.0/1"])
	found == {"1.2.3.4/0", "0::/0", "::0/0"}
}

# Each offending entry is reported at its own index, both families at once.
test_every_entry_reported if {
	paths := {v.path | some v in stk_net_003.deny} with input.stack as stack(["0.0.0.0/0", "10.0.0.0/8", "::/0"])
	paths == {["spec", "cluster", "api", "access", 0], ["spec", "cluster", "api", "access", 2]}
}

# Broad but not universal, malformed, or missing: not this rule's business.
test_broad_malformed_or_absent_pass if {
	count(stk_net_003.deny) == 0 with input.stack as stack(["0.0.0.0/1", "128.0.0.0/1", "not-a-cidr", "10.0.0.0/33", 7])
	count(stk_net_003.deny) == 0 with input.stack as {"spec": {"cluster": {"api": {}}}}
	count(stk_net_003.deny) == 0 with input.stack as {}
}
