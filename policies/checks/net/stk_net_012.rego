# METADATA
# title: Regions and Availability Zones exist
# description: >-
#   Every zone in spec.cloud.zones must be a real Availability Zone of the stack's Region, and
#   the Region (and spec.backups.replicaRegion) a Region stackc's table knows
#   (compiler/catalog/aws-zones.ts, with its source and date). A zone letter the Region lacks
#   (eu-west-1d, ca-central-1c) passes every schema and only fails when terraform apply tries to
#   create the subnet, half way through the first apply. A Region newer than the table is
#   reported too: waive the finding until the table learns it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html
#     description: AWS Regions and Availability Zones guide, AWS Availability Zones
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html
#     description: Amazon EC2 User Guide, Regions and Zones
# custom:
#   id: STK-NET-012
#   severity: deny
#   tags: [reliability, network]
#   remediation: >-
#     Use one of the Region's Availability Zones (the finding lists them), or fix the Region's
#     name.
#   scanners: {}
package stackc.checks.net.stk_net_012

import data.stackc.lib.network

deny contains v if {
	some r in input.model.regions
	r.known == false
	v := {"id": "STK-NET-012", "path": r.path, "data": {"reason": "unknown-region", "region": r.region, "setting": r.setting}}
}

# Zones named for another Region are STK-MODEL-005's finding; here, letters the Region lacks.
deny contains v if {
	some r in input.model.regions
	r.setting == "cloud"
	r.known == true
	some i, zone in zones
	substring(zone, 0, count(zone) - 1) == r.region
	not zone in r.zones
	v := {
		"id": "STK-NET-012",
		"path": array.concat(zones_path, [i]),
		"data": {"reason": "unknown-zone", "zone": zone, "region": r.region, "zones": r.zones},
	}
}

# A stack's zones, or a kind: Network manifest's.
zones := input.stack.spec.zones if network.manifest

else := input.stack.spec.cloud.zones

zones_path := ["spec", "zones"] if network.manifest

else := ["spec", "cloud", "zones"]
