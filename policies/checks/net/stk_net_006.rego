# METADATA
# title: Enough availability zones (3 in prod, 2 elsewhere)
# description: >-
#   The stack must span at least three availability zones in prod, each with its own private
#   subnet, so that losing one zone leaves an etcd quorum and capacity for the workloads;
#   two zones outside prod. Counted on the model's zones (those with a private subnet).
#   Denied in prod, a warning elsewhere.
# related_resources:
#   - ref: https://docs.aws.amazon.com/whitepapers/latest/real-time-communication-on-aws/high-availability-and-scalability-on-aws.html
#     description: AWS, high availability across Availability Zones
#   - ref: https://kubernetes.io/docs/setup/best-practices/multiple-zones/
#     description: Running Kubernetes in multiple zones
# custom:
#   id: STK-NET-006
#   severity: deny(prod)
#   tags: [reliability, network, availability-zones]
#   remediation: >-
#     Add zones to spec.cloud.zones (for example eu-west-1a, eu-west-1b, eu-west-1c); stackc
#     derives their subnets. In a kind: Network manifest, add them to spec.zones.
#   scanners: {}
package stackc.checks.net.stk_net_006

import data.stackc.lib.env
import data.stackc.lib.network

minimum := 3 if env.prod

else := 2

findings contains v if {
	is_array(input.model.zones) # no model, nothing to count
	zones := [z.name | some z in input.model.zones; counted(z)]
	count(zones) < minimum
	v := {
		"id": "STK-NET-006",
		"path": zones_path,
		"data": object.union({"zones": zones, "minimum": minimum}, kind),
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

# A stack's zones are those with a private subnet; a network's zones all count.
counted(z) if is_string(z.privateCidr)

counted(z) if {
	network.manifest
	is_string(z.utilityCidr)
}

zones_path := ["spec", "zones"] if network.manifest

else := ["spec", "cloud", "zones"]

kind := {"reason": "network"} if network.manifest

else := {}
