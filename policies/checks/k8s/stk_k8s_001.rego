# METADATA
# title: Control plane (etcd) member count must be odd and at least 3 in prod
# description: >-
#   kops runs one etcd member of each etcd cluster (main and events) per control-plane
#   instance group, so spec.cluster.controlPlane.count is the etcd member count. Raft needs a
#   majority: 3 members survive one failure, 5 survive two, and an even count adds no
#   tolerance over the odd count below it. One member means any instance loss is an outage.
#   Denied in prod, a warning elsewhere.
# related_resources:
#   - ref: https://etcd.io/docs/v3.5/faq/#why-an-odd-number-of-cluster-members
#     description: etcd FAQ, why an odd number of cluster members
#   - ref: https://kops.sigs.k8s.io/operations/high_availability/
#     description: kops high availability
# custom:
#   id: STK-K8S-001
#   severity: deny(prod)
#   tags: [reliability, kubernetes, etcd, control-plane]
#   remediation: >-
#     Set spec.cluster.controlPlane.count: 3 (or 5), with at least as many zones in
#     spec.cloud.zones.
#   scanners: {}
package stackc.checks.k8s.stk_k8s_001

import data.stackc.lib.env
import data.stackc.lib.kops

findings contains v if {
	n := input.stack.spec.cluster.controlPlane.count
	is_number(n)
	not quorum_safe(n)
	v := {
		"id": "STK-K8S-001",
		"path": ["spec", "cluster", "controlPlane", "count"],
		"data": {"count": n, "etcdClusters": ["main", "events"]},
	}
}

quorum_safe(n) if {
	n >= 3
	n % 2 == 1
}

deny contains v if {
	env.prod
	some v in findings
}

warn contains v if {
	not env.prod
	some v in findings
}

# Defence in depth: every etcd cluster of the emitted kops spec (main and events) has a
# quorum-safe member count, whatever the manifest said.
findings contains v if {
	quorum_safe(input.stack.spec.cluster.controlPlane.count)
	some etcd in kops.cluster.etcdClusters
	n := count(etcd.etcdMembers)
	not quorum_safe(n)
	v := {
		"id": "STK-K8S-001",
		"path": ["spec", "cluster", "controlPlane", "count"],
		"data": {"count": n, "etcdClusters": [etcd.name], "reason": "emitted"},
	}
}
