# METADATA
# title: VPC flow logs should be enabled
# description: >-
#   Flow logs record the traffic accepted and rejected in the VPC; without them there is no
#   record to investigate an incident with. stackc delivers them to an S3 bucket
#   (spec.network.flowLogs). When the Terraform artifact is available it is checked too: a
#   stack with flow logs on must have an aws_flow_log resource.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
#     description: AWS VPC Flow Logs
# custom:
#   id: STK-NET-009
#   severity: warn
#   security_severity: "4.0"
#   tags: [security, network, logging]
#   remediation: >-
#     Set spec.network.flowLogs: { enabled: true, bucket: <org>-<stack>-flow-logs } (in a kind:
#     Network manifest, spec.flowLogs; a stack in a shared network logs what its network
#     logs), or waive the rule when flow logs are collected organisation-wide.
#   scanners:
#     checkov: [CKV2_AWS_11]
#     trivy: [AVD-AWS-0178]
#     kics: [f83121ea-03da-434f-9277-9cd247ab3047]
package stackc.checks.net.stk_net_009

import data.stackc.lib.network
import data.stackc.lib.tf

# The flow-log settings of a stack's own VPC, or of a kind: Network manifest.
flow_logs := input.stack.spec.network.flowLogs if not network.manifest

else := input.stack.spec.flowLogs

warn contains v if {
	not network.shared
	flow_logs.enabled == false
	v := {"id": "STK-NET-009", "path": array.concat(network.path("flowLogs"), ["enabled"]), "data": {"reason": "disabled"}}
}

# A stack in a shared network logs what its network logs.
warn contains v if {
	network.shared
	input.model.network.flowLogs == false
	v := {"id": "STK-NET-009", "path": network.path("flowLogs"), "data": {"reason": "network", "network": input.model.network.name}}
}

# Defence in depth: enabled in the manifest, missing from the emitted Terraform.
warn contains v if {
	not network.shared
	flow_logs.enabled == true
	tf.present
	count(tf.of_type("aws_flow_log")) == 0
	v := {"id": "STK-NET-009", "path": network.path("flowLogs"), "data": {"reason": "not-emitted"}}
}
