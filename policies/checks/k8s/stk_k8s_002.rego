# METADATA
# title: etcd members and control-plane groups in distinct zones in prod
# description: >-
#   stackc spreads the control-plane instance groups (one etcd member each) over
#   spec.cloud.zones in order. With more members than zones, two members share a zone, and
#   losing that zone can take the etcd quorum with it: three members in two zones is not
#   highly available. Checked on the model's control-plane groups. Denied in prod, a warning
#   elsewhere.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/operations/high_availability/
#     description: kops high availability
#   - ref: https://etcd.io/docs/v3.5/op-guide/failures/
#     description: etcd failure modes
# custom:
#   id: STK-K8S-002
#   severity: deny(prod)
#   tags: [reliability, kubernetes, etcd, availability-zones]
#   remediation: >-
#     Give the stack at least as many zones as control-plane nodes (spec.cloud.zones), or
#     lower spec.cluster.controlPlane.count to the number of zones (odd, at least 3).
#   scanners: {}
package stackc.checks.k8s.stk_k8s_002

import data.stackc.lib.env

control_plane := [g | some g in input.model.instanceGroups; g.role == "ControlPlane"]

findings contains v if {
	some zone in {z | some g in control_plane; some z in g.zones}
	groups := sort([g.name | some g in control_plane; zone in g.zones])
	count(groups) > 1
	v := {
		"id": "STK-K8S-002",
		"path": ["spec", "cluster", "controlPlane", "count"],
		"data": {"zone": zone, "groups": groups, "zones": input.stack.spec.cloud.zones},
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
