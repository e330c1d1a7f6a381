# METADATA
# title: Subnets inside the VPC, without overlaps, in an RFC 1918 VPC
# description: >-
#   The VPC CIDR must be private address space (RFC 1918: 10.0.0.0/8, 172.16.0.0/12,
#   192.168.0.0/16), and every subnet (private and utility, given or derived) must lie inside
#   it and overlap no other subnet: kops does not check overlaps and AWS only fails half-way
#   through an apply. normalize already refuses subnets outside the VPC and overlapping
#   subnets (STK-MODEL-003/004), so through a manifest only the RFC 1918 part can fire; the
#   subnet checks re-verify the model's zones with OPA's own net.cidr_* as defence in depth.
# related_resources:
#   - ref: https://datatracker.ietf.org/doc/html/rfc1918
#     description: RFC 1918, Address Allocation for Private Internets
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
#     description: AWS VPC CIDR blocks
# custom:
#   id: STK-NET-008
#   severity: deny
#   tags: [network, correctness]
#   remediation: >-
#     Use an RFC 1918 VPC CIDR such as 10.20.0.0/16 and let stackc derive the subnets, or give
#     spec.network.subnets that fit inside it without overlapping (in a kind: Network
#     manifest, spec.cidr and spec.subnets).
#   scanners: {}
package stackc.checks.net.stk_net_008

import data.stackc.lib.network

private_ranges := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]

rfc1918(cidr) if {
	some range in private_ranges
	net.cidr_contains(range, cidr)
}

deny contains v if {
	cidr := input.model.vpcCidr
	is_string(cidr)
	not rfc1918(cidr)
	v := {"id": "STK-NET-008", "path": cidr_path, "data": {"reason": "public-vpc", "cidr": cidr}}
}

# Every subnet as {zone, kind, cidr, path, order}.
subnets contains s if {
	some i, z in input.model.zones
	some j, kind in ["private", "utility"]
	cidr := z[concat("", [kind, "Cidr"])]
	s := {"zone": z.name, "kind": kind, "cidr": cidr, "path": z.paths[kind], "order": (i * 2) + j}
}

deny contains v if {
	some s in subnets
	not net.cidr_contains(input.model.vpcCidr, s.cidr)
	v := {
		"id": "STK-NET-008",
		"path": s.path,
		"data": {"reason": "outside-vpc", "zone": s.zone, "kind": s.kind, "cidr": s.cidr, "vpc": input.model.vpcCidr},
	}
}

# An overlap is reported once, at the later subnet of the pair.
deny contains v if {
	some a in subnets
	some b in subnets
	a.order < b.order
	net.cidr_intersects(a.cidr, b.cidr)
	v := {
		"id": "STK-NET-008",
		"path": b.path,
		"data": {
			"reason": "overlap", "zone": b.zone, "kind": b.kind, "cidr": b.cidr,
			"other": {"zone": a.zone, "kind": a.kind, "cidr": a.cidr},
		},
	}
}

# A stack in a shared network takes its VPC from the network (whose own input reports it).
cidr_path := network.path("cidr")
