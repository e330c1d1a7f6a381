# METADATA
# title: Prod node groups keep at least 2 nodes across at least 2 zones
# description: >-
#   In prod, a node group that always holds capacity (min above 0) must keep at least 2 nodes,
#   and every node group must span at least 2 availability zones, so a node drain, an instance
#   failure or a zone outage does not take all of its workloads down at once. A group with
#   min 0 is a scale-from-zero pool (typically spot capacity the autoscaler adds on demand)
#   and is exempt from the minimum. Checked on the model's node groups; prod only.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
#     description: Pod topology spread constraints
#   - ref: https://kops.sigs.k8s.io/instance_groups/
#     description: kops instance groups
# custom:
#   id: STK-K8S-009
#   severity: warn
#   tags: [reliability, kubernetes, nodes, availability-zones]
#   remediation: >-
#     Set min: 2 or more on the node group and list at least two zones (or leave zones unset
#     to use every zone of the stack).
#   scanners:
#     polaris: [deploymentMissingReplicas, topologySpreadConstraint]
package stackc.checks.k8s.stk_k8s_009

import data.stackc.lib.env

node_groups := [g | some g in input.model.instanceGroups; g.role == "Node"]

warn contains v if {
	env.prod
	some g in node_groups
	g.min > 0
	g.min < 2
	v := {"id": "STK-K8S-009", "path": array.concat(g.path, ["min"]), "data": {"reason": "min", "group": g.name, "min": g.min}}
}

warn contains v if {
	env.prod
	some g in node_groups
	count(g.zones) < 2
	v := {"id": "STK-K8S-009", "path": zones_path(g), "data": {"reason": "zones", "group": g.name, "zones": g.zones}}
}

zones_path(g) := array.concat(g.path, ["zones"]) if {
	object.get(input.stack, array.concat(g.path, ["zones"]), null) != null
} else := ["spec", "cloud", "zones"]
