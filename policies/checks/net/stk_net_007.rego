# METADATA
# title: One NAT gateway per availability zone in prod
# description: >-
#   Each zone's private subnet must route to a NAT gateway in its own zone (kops subnet
#   egress nat-…, a Terraform aws_route per zone). With a single NAT gateway every zone's
#   egress depends on one zone (a single point of failure) and cross-zone traffic is billed.
#   Checked on the model's zones (each zone's natZone). Denied in prod, a warning elsewhere.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
#     description: AWS NAT gateways (create one per Availability Zone)
# custom:
#   id: STK-NET-007
#   severity: deny(prod)
#   tags: [reliability, network, nat]
#   remediation: >-
#     Set spec.network.natGateways: perZone (in a kind: Network manifest, spec.natGateways:
#     perZone, or one NAT gateway id per zone in spec.existing.zones). A stack in a shared
#     network needs a network with a NAT gateway per zone.
#   scanners: {}
package stackc.checks.net.stk_net_007

import data.stackc.lib.env
import data.stackc.lib.network
import data.stackc.lib.tf

# A stack's own VPC and a kind: Network manifest alike: a zone whose private subnets borrow
# another zone's NAT gateway. In an existing network the NAT ids are given per zone.
findings contains v if {
	not network.shared
	borrowing := sort([z.name | some z in input.model.zones; z.natZone != z.name])
	count(borrowing) > 0
	v := {
		"id": "STK-NET-007",
		"path": nat_path,
		"data": {"zones": borrowing, "natZones": input.model.natZones},
	}
}

nat_path := ["spec", "existing", "zones"] if {
	network.manifest
	is_object(input.stack.spec.existing)
} else := network.path("natGateways")

# A stack in a shared network without a NAT gateway per zone: flagged at the stack too (it
# is the stack's traffic that crosses zones), pointing at the line that puts it there.
findings contains v if {
	network.shared
	input.model.network.natPerZone == false
	borrowing := sort([z.name | some z in input.model.zones; z.natZone != z.name])
	v := {
		"id": "STK-NET-007",
		"path": network.path("natGateways"),
		"data": {"zones": borrowing, "natZones": input.model.natZones, "network": input.model.network.name, "reason": "network"},
	}
}

deny contains v if {
	env.prod
	some v in findings
}

warn contains v if {
	not env.prod
	some v in findings
}

# Defence in depth: a private route of the emitted Terraform that uses another zone's NAT
# gateway although the model gives the zone its own.
findings contains v if {
	some route in tf.of_type("aws_route")
	nat := route.attributes.nat_gateway_id.address
	some gw in tf.of_type("aws_nat_gateway")
	gw.address == nat
	gw.key != route.key
	some z in input.model.zones
	z.name == route.key
	z.natZone == z.name
	v := {
		"id": "STK-NET-007",
		"path": network.path("natGateways"),
		"data": {"zones": [route.key], "natZones": [gw.key], "reason": "emitted"},
	}
}
