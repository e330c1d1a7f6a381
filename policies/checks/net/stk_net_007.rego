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
#     Set spec.network.natGateways: perZone.
#   scanners: {}
package stackc.checks.net.stk_net_007

import data.stackc.lib.env
import data.stackc.lib.tf

findings contains v if {
	borrowing := sort([z.name | some z in input.model.zones; z.natZone != z.name])
	count(borrowing) > 0
	v := {
		"id": "STK-NET-007",
		"path": ["spec", "network", "natGateways"],
		"data": {"zones": borrowing, "natZones": input.model.natZones},
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
		"path": ["spec", "network", "natGateways"],
		"data": {"zones": [route.key], "natZones": [gw.key], "reason": "emitted"},
	}
}
