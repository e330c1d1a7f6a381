package stackc.checks.net.stk_net_011_test

import data.stackc.checks.net.stk_net_011

model := {"vpcCidr": "10.20.0.0/16"}

api(lb, access) := {"spec": {"cluster": {"api": {"loadBalancer": lb, "access": access}, "ssh": {"access": []}}, "addons": {}, "charts": []}}

ssh(access) := {"spec": {"cluster": {"api": {"loadBalancer": "internal", "access": []}, "ssh": {"access": access}}, "addons": {}, "charts": []}}

test_private_ranges_pass if {
	access := ["10.0.0.0/8", "172.16.0.0/12", "192.168.10.0/24", "100.64.0.0/10", "10.20.0.0/16"]
	count(stk_net_011.deny) == 0 with input.stack as api("internal", access) with input.model as model
	count(stk_net_011.deny) == 0 with input.stack as ssh(access) with input.model as model
}

# A public VPC range is private for the stack's own purposes (STK-NET-008 judges the VPC).
test_vpc_range_passes if {
	count(stk_net_011.deny) == 0 with input.stack as api("internal", ["203.0.113.0/26"]) with input.model as {"vpcCidr": "203.0.113.0/24"}
}

test_public_slash_8_on_internal_api_denied if {
	stk_net_011.deny == {{
		"id": "STK-NET-011",
		"path": ["spec", "cluster", "api", "access", 1],
		"data": {"cidr": "11.0.0.0/8", "list": "api", "suggestion": "10.0.0.0/8", "vpc": "10.20.0.0/16"},
	}} with input.stack as api("internal", ["10.20.0.0/16", "11.0.0.0/8"]) with input.model as model
}

# A public API load balancer is STK-NET-005's business; its access list may hold public ranges.
test_public_api_not_judged if {
	count(stk_net_011.deny) == 0 with input.stack as api("public", ["203.0.113.0/24"]) with input.model as model
}

# The suggestion: an overlapping private range, else the one with the same first octet.
test_suggestions if {
	found := {v.data.cidr: v.data.suggestion | some v in stk_net_011.deny} with input.stack as ssh([
		"172.0.0.0/8", "172.32.0.0/16", "192.0.0.0/8", "100.0.0.0/8", "100.128.0.0/16", "8.8.8.0/24", "10.0.0.0/7", "2001:db8::/32",
	])
		with input.model as model
	found == {
		"172.0.0.0/8": "172.16.0.0/12",
		"172.32.0.0/16": "172.16.0.0/12",
		"192.0.0.0/8": "192.168.0.0/16",
		"100.0.0.0/8": "100.64.0.0/10",
		"100.128.0.0/16": "100.64.0.0/10",
		"8.8.8.0/24": "10.0.0.0/8",
		"10.0.0.0/7": "10.0.0.0/8",
		"2001:db8::/32": "fc00::/7",
	}
}

test_ipv6_unique_local_passes if {
	count(stk_net_011.deny) == 0 with input.stack as ssh(["fd00::/8"]) with input.model as model
}

# Everything (/0) and malformed entries belong to other rules and the schema.
test_everything_and_malformed_left_alone if {
	count(stk_net_011.deny) == 0 with input.stack as ssh(["0.0.0.0/0", "::/0", "1.2.3.4/0", "not-a-cidr", 7]) with input.model as model
	count(stk_net_011.deny) == 0 with input.stack as {} with input.model as model
}

test_internal_addon_source_ranges if {
	stack := {"spec": {"cluster": {}, "charts": [], "addons": {
		"traefik": {"loadBalancerScheme": "internal", "values": {"service": {"loadBalancerSourceRanges": ["10.0.0.0/8", "52.0.0.0/8"]}}},
		"ingressNginx": {"loadBalancerScheme": "internet-facing", "values": {"controller": {"service": {"loadBalancerSourceRanges": ["52.0.0.0/8"]}}}},
	}}}
	stk_net_011.deny == {{
		"id": "STK-NET-011",
		"path": ["spec", "addons", "traefik", "values", "service", "loadBalancerSourceRanges", 1],
		"data": {"cidr": "52.0.0.0/8", "list": "source-ranges", "release": "traefik", "suggestion": "10.0.0.0/8", "vpc": "10.20.0.0/16"},
	}} with input.stack as stack with input.model as model
}

test_internal_ingress_inbound_cidrs if {
	annotations := {
		"alb.ingress.kubernetes.io/scheme": "internal",
		"alb.ingress.kubernetes.io/inbound-cidrs": "10.0.0.0/8, 192.169.0.0/16,",
	}
	public := {"alb.ingress.kubernetes.io/scheme": "internet-facing", "alb.ingress.kubernetes.io/inbound-cidrs": "52.0.0.0/8"}
	stack := {"spec": {"cluster": {}, "addons": {"kubePrometheusStack": {"values": {"grafana": {"ingress": {"annotations": public}}}}}, "charts": [{"name": "app", "values": {"ingress": {"annotations": annotations}}}]}}
	stk_net_011.deny == {{
		"id": "STK-NET-011",
		"path": ["spec", "charts", 0, "values", "ingress", "annotations", "alb.ingress.kubernetes.io/inbound-cidrs"],
		"data": {"cidr": "192.169.0.0/16", "list": "ingress", "release": "app", "suggestion": "192.168.0.0/16", "vpc": "10.20.0.0/16"},
	}} with input.stack as stack with input.model as model
}
