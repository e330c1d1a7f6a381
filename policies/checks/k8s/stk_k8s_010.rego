# METADATA
# title: Spot node groups are flexible across at least 10 instance types
# description: >-
#   A spot group draws from one Spot capacity pool per instance type and zone. AWS's Spot best
#   practice is to be flexible across at least 10 instance types for each workload: with fewer,
#   an interruption wave in one pool takes a large share of the group at once and a
#   replacement often finds no capacity, so the Cluster Autoscaler keeps asking for nodes that
#   do not come. Pick types with the same vCPU and memory (m6i, m6a, m5, m5a, m7i, … of one
#   size) so the autoscaler's simulation holds for all of them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-best-practices.html
#     description: Amazon EC2 User Guide, Best practices for Amazon EC2 Spot (be flexible across at least 10 instance types)
#   - ref: https://kops.sigs.k8s.io/instance_groups/#mixedinstancespolicy-aws-only
#     description: kops instance groups, mixedInstancesPolicy
# custom:
#   id: STK-K8S-010
#   severity: warn
#   tags: [reliability, cost, spot]
#   remediation: >-
#     List at least 10 instance types of the same size in machineTypes, across generations and
#     processors (for 8 vCPU / 32 GiB: m5, m5a, m5d, m5n, m5ad, m6i, m6a, m6id, m6in, m7i .2xlarge).
#   scanners: {}
package stackc.checks.k8s.stk_k8s_010

minimum := 10

warn contains v if {
	some g in input.model.instanceGroups
	g.spot == true
	count(g.machineTypes) < minimum
	v := {
		"id": "STK-K8S-010",
		"path": array.concat(g.path, [types_key(g)]),
		"data": {"group": g.name, "count": count(g.machineTypes), "minimum": minimum},
	}
}

# Point at the list the author wrote (machineTypes), or at machineType for a single type.
types_key(g) := "machineType" if {
	object.get(input.stack, array.concat(g.path, ["machineTypes"]), null) == null
	object.get(input.stack, array.concat(g.path, ["machineType"]), null) != null
} else := "machineTypes"
