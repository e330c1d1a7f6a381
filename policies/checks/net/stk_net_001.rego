# METADATA
# title: Worker nodes must run in private subnets
# description: >-
#   Every worker node group (spec.cluster.nodeGroups) must be placed in the private subnets,
#   which have no route from the internet and give instances no public IP (kops instance
#   group subnets of type Private). A node group in the utility (public) subnets gets public
#   IPs and is reachable from the internet through anything its security groups let in.
#   Checked on the model's instance groups, so the topology default and per-group overrides
#   both count; the path points at the setting that puts the group there.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/topology/
#     description: kops network topologies
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html
#     description: AWS VPC subnets
# custom:
#   id: STK-NET-001
#   severity: deny
#   security_severity: "8.0"
#   tags: [security, network, nodes]
#   remediation: >-
#     Remove subnetType: utility from the node group (or set it to private), and keep
#     spec.network.topology: private; reach nodes through SSM Session Manager or a bastion.
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0009, AVD-AWS-0164]
#     kics: [5a2486aa-facf-477d-a5c1-b010789459ce, 52f04a44-6bfa-4c41-b1d3-4ae99a2de05c]
package stackc.checks.net.stk_net_001

import data.stackc.lib.kops

deny contains v if {
	some g in input.model.instanceGroups
	g.role == "Node"
	g.subnetType != "private"
	v := {
		"id": "STK-NET-001",
		"path": subnet_type_path(g.path),
		"data": {"group": g.name, "subnetType": g.subnetType},
	}
}

# The group's own subnetType when it sets one, else the stack-wide topology it inherits.
subnet_type_path(path) := array.concat(path, ["subnetType"]) if {
	object.get(input.stack, array.concat(path, ["subnetType"]), null) != null
} else := ["spec", "network", "topology"]

# Defence in depth: the model puts the group in private subnets, the emitted kops
# InstanceGroup does not.
deny contains v if {
	some ig in kops.instance_groups
	ig.spec.role == "Node"
	some subnet in ig.spec.subnets
	kops.subnet_types[subnet] != "Private"
	some g in input.model.instanceGroups
	g.name == ig.metadata.name
	g.subnetType == "private"
	v := {
		"id": "STK-NET-001",
		"path": g.path,
		"data": {"group": g.name, "subnetType": kops.subnet_types[subnet], "reason": "emitted"},
	}
}
