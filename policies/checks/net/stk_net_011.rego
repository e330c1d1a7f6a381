# METADATA
# title: Access lists of internal endpoints hold only private ranges
# description: >-
#   Every CIDR that may reach something the manifest calls internal must be private address
#   space: RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), RFC 6598 shared address space
#   (100.64.0.0/10), the stack's VPC, or for IPv6 unique local addresses (fc00::/7). Checked:
#   spec.cluster.api.access when the API load balancer is internal, spec.cluster.ssh.access,
#   loadBalancerSourceRanges in the values of an add-on whose loadBalancerScheme is internal,
#   and the alb.ingress.kubernetes.io/inbound-cidrs annotation of an Ingress annotated
#   alb.ingress.kubernetes.io/scheme internal (chart and add-on values). A range that covers
#   public address space (11.0.0.0/8 written for 10.0.0.0/8, 172.0.0.0/8 for 172.16.0.0/12)
#   is almost always a typo, and on an internet-facing path it lets the whole range in. Ranges
#   that cover everything (/0) are STK-NET-003's and STK-NET-004's findings, not this rule's.
# related_resources:
#   - ref: https://www.rfc-editor.org/rfc/rfc1918
#     description: RFC 1918, Address Allocation for Private Internets
#   - ref: https://www.rfc-editor.org/rfc/rfc6598
#     description: RFC 6598, IANA-Reserved IPv4 Prefix for Shared Address Space
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#kubernetesapiaccess
#     description: kops cluster spec, kubernetesApiAccess and sshAccess
# custom:
#   id: STK-NET-011
#   severity: deny
#   security_severity: "6.5"
#   tags: [security, network]
#   remediation: >-
#     Use the private range you meant (the finding names the likeliest), or the VPN, office or
#     CI runner ranges as they appear inside your network.
#   scanners: {}
package stackc.checks.net.stk_net_011

private_v4 := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]

private_v6 := "fc00::/7"

scheme_annotation := "alb.ingress.kubernetes.io/scheme"

cidrs_annotation := "alb.ingress.kubernetes.io/inbound-cidrs"

# Each CIDR that must be private: {cidr, list, path}.
entries contains e if {
	input.stack.spec.cluster.api.loadBalancer == "internal"
	some i, cidr in input.stack.spec.cluster.api.access
	e := {"cidr": cidr, "list": "api", "path": ["spec", "cluster", "api", "access", i]}
}

entries contains e if {
	some i, cidr in input.stack.spec.cluster.ssh.access
	e := {"cidr": cidr, "list": "ssh", "path": ["spec", "cluster", "ssh", "access", i]}
}

# Service source ranges of an add-on the manifest makes internal.
entries contains e if {
	some key, addon in input.stack.spec.addons
	object.get(addon, "loadBalancerScheme", "") == "internal"
	walk(object.get(addon, "values", {}), [p, node])
	count(p) > 0
	p[count(p) - 1] == "loadBalancerSourceRanges"
	some i, cidr in node
	e := {"cidr": cidr, "list": "source-ranges", "release": key, "path": array.concat(array.concat(["spec", "addons", key, "values"], p), [i])}
}

# ALB Ingresses annotated internal: their inbound CIDRs (one comma-separated string).
entries contains e if {
	some s in value_sources
	walk(s.values, [p, node])
	is_object(node)
	object.get(node, scheme_annotation, "") == "internal"
	is_string(node[cidrs_annotation])
	some part in split(node[cidrs_annotation], ",")
	cidr := trim_space(part)
	cidr != ""
	e := {"cidr": cidr, "list": "ingress", "release": s.release, "path": array.concat(array.concat(s.path, p), [cidrs_annotation])}
}

value_sources contains s if {
	some i, chart in input.stack.spec.charts
	s := {"release": object.get(chart, "name", ""), "path": ["spec", "charts", i, "values"], "values": object.get(chart, "values", {})}
}

value_sources contains s if {
	some key, addon in input.stack.spec.addons
	s := {"release": key, "path": ["spec", "addons", key, "values"], "values": object.get(addon, "values", {})}
}

deny contains v if {
	some e in entries
	is_string(e.cidr)
	net.cidr_contains(e.cidr, e.cidr) # a well-formed CIDR (the schema reports the rest)
	not everything(e.cidr)
	not private(e.cidr)
	v := {
		"id": "STK-NET-011",
		"path": e.path,
		"data": object.union(object.remove(e, {"path"}), {"suggestion": suggestion(e.cidr), "vpc": input.model.vpcCidr}),
	}
}

everything(cidr) if net.cidr_contains(cidr, "0.0.0.0/0")

everything(cidr) if net.cidr_contains(cidr, "::/0")

private(cidr) if {
	some range in private_v4
	net.cidr_contains(range, cidr)
}

private(cidr) if net.cidr_contains(input.model.vpcCidr, cidr)

private(cidr) if net.cidr_contains(private_v6, cidr)

# The private range the author most likely meant: one the CIDR overlaps (a supernet written for
# it, or a neighbour), else the one with the same first octet, else 10.0.0.0/8.
suggestion(cidr) := private_v6 if {
	contains(cidr, ":")
} else := overlapping[0] if {
	overlapping := [r | some r in private_v4; net.cidr_intersects(r, cidr)]
	count(overlapping) > 0
} else := "172.16.0.0/12" if {
	startswith(cidr, "172.")
} else := "192.168.0.0/16" if {
	startswith(cidr, "192.")
} else := "100.64.0.0/10" if {
	startswith(cidr, "100.")
} else := "10.0.0.0/8"
