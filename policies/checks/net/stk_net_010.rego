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
#     Remove spec.network.restrictDefaultSecurityGroup: false (the default is true).
#   scanners:
#     checkov: [CKV2_AWS_12]
#     trivy: [AVD-AWS-0173]
package stackc.checks.net.stk_net_010

import data.stackc.lib.tf

warn contains v if {
	input.stack.spec.network.restrictDefaultSecurityGroup == false
	v := {"id": "STK-NET-010", "path": ["spec", "network", "restrictDefaultSecurityGroup"], "data": {}}
}

# Defence in depth: restricted in the manifest, yet the emitted default security group keeps
# rules (or is not managed at all).
warn contains v if {
	input.stack.spec.network.restrictDefaultSecurityGroup == true
	tf.present
	not restricted
	v := {"id": "STK-NET-010", "path": ["spec", "network", "restrictDefaultSecurityGroup"], "data": {"reason": "emitted"}}
}

restricted if {
	some sg in tf.of_type("aws_default_security_group")
	count(object.get(sg.attributes, "ingress", [])) == 0
	count(object.get(sg.attributes, "egress", [])) == 0
}
