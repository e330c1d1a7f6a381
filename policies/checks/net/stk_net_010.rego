# METADATA
# title: The default security group should have no rules
# description: >-
#   Every VPC has a default security group that allows all traffic between its members and
#   all egress. Anything launched without an explicit security group lands in it. stackc
#   strips its rules (spec.network.restrictDefaultSecurityGroup, on by default) so accidental
#   use fails closed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
#     description: AWS, default security groups for your VPCs
# custom:
#   id: STK-NET-010
#   severity: warn
#   security_severity: "4.0"
#   tags: [security, network]
#   remediation: >-
#     Remove spec.network.restrictDefaultSecurityGroup: false (the default is true; in a kind:
#     Network manifest, spec.restrictDefaultSecurityGroup).
#   scanners:
#     checkov: [CKV2_AWS_12]
#     trivy: [AVD-AWS-0173]
package stackc.checks.net.stk_net_010

import data.stackc.lib.network
import data.stackc.lib.tf

# The setting of a stack's own VPC, or of a kind: Network manifest (a stack in a shared
# network has no default security group of its own: the network's rule speaks for it).
restrict := input.stack.spec.network.restrictDefaultSecurityGroup if {
	not network.manifest
	not network.shared
} else := input.stack.spec.restrictDefaultSecurityGroup if network.manifest

warn contains v if {
	restrict == false
	v := {"id": "STK-NET-010", "path": network.path("restrictDefaultSecurityGroup"), "data": {}}
}

# Defence in depth: restricted in the manifest, yet the emitted default security group keeps
# rules (or is not managed at all).
warn contains v if {
	restrict == true
	tf.present
	not existing_vpc
	not restricted
	v := {"id": "STK-NET-010", "path": network.path("restrictDefaultSecurityGroup"), "data": {"reason": "emitted"}}
}

# An existing VPC's default security group is not stackc's to manage.
existing_vpc if {
	network.manifest
	is_object(input.stack.spec.existing)
}

restricted if {
	some sg in tf.of_type("aws_default_security_group")
	count(object.get(sg.attributes, "ingress", [])) == 0
	count(object.get(sg.attributes, "egress", [])) == 0
}
