# METADATA
# title: Control plane must run in private subnets
# description: >-
#   The control-plane instance groups host etcd and the API server. They must sit in the
#   private subnets (kops control-plane instance groups with subnets of type Private), with
#   no public IP; the API is published through its load balancer, never by the instances.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/topology/
#     description: kops network topologies
#   - ref: https://kubernetes.io/docs/tasks/administer-cluster/securing-a-cluster/
#     description: Securing a cluster
# custom:
#   id: STK-NET-002
#   severity: deny
#   security_severity: "8.5"
#   tags: [security, network, control-plane]
#   remediation: >-
#     Remove spec.cluster.controlPlane.subnetType: utility (or set it to private), and keep
#     spec.network.topology: private.
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0009, AVD-AWS-0164]
#     kics: [5a2486aa-facf-477d-a5c1-b010789459ce, 52f04a44-6bfa-4c41-b1d3-4ae99a2de05c]
package stackc.checks.net.stk_net_002

import data.stackc.lib.kops

# One finding for all control-plane groups: they come from one setting.
deny contains v if {
	public := {g.subnetType | some g in input.model.instanceGroups; g.role == "ControlPlane"; g.subnetType != "private"}
	some subnet_type in public
	groups := sort([g.name | some g in input.model.instanceGroups; g.role == "ControlPlane"; g.subnetType == subnet_type])
	v := {
		"id": "STK-NET-002",
		"path": subnet_type_path,
		"data": {"groups": groups, "subnetType": subnet_type},
	}
}

subnet_type_path := ["spec", "cluster", "controlPlane", "subnetType"] if {
	object.get(input.stack, ["spec", "cluster", "controlPlane", "subnetType"], null) != null
} else := ["spec", "network", "topology"]

# Defence in depth: a control-plane InstanceGroup of the emitted kops spec outside the
# private subnets although the model puts it there.
deny contains v if {
	some ig in kops.instance_groups
	ig.spec.role == "Master"
	some subnet in ig.spec.subnets
	kops.subnet_types[subnet] != "Private"
	some g in input.model.instanceGroups
	g.name == ig.metadata.name
	g.subnetType == "private"
	v := {
		"id": "STK-NET-002",
		"path": g.path,
		"data": {"groups": [g.name], "subnetType": kops.subnet_types[subnet], "reason": "emitted"},
	}
}
