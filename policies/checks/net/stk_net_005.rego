# METADATA
# title: Kubernetes API load balancer must be internal in prod
# description: >-
#   spec.cluster.api.loadBalancer: public puts the API server behind an internet-facing load
#   balancer (kops api.loadBalancer.type: Public); internal keeps the control-plane endpoint
#   inside the VPC, reachable through VPN, peering or a bastion. Denied in prod, a warning
#   elsewhere.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#loadbalancer
#     description: kops cluster spec, api.loadBalancer
# custom:
#   id: STK-NET-005
#   severity: deny(prod)
#   security_severity: "7.5"
#   tags: [security, network, kubernetes-api]
#   remediation: >-
#     Set spec.cluster.api.loadBalancer: internal and reach the API over VPN, peering or a
#     bastion.
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0040, AVD-AWS-0053]
#     kics: [42f4b905-3736-4213-bfe9-c0660518cda8]
package stackc.checks.net.stk_net_005

import data.stackc.lib.env

findings contains v if {
	lb := input.stack.spec.cluster.api.loadBalancer
	is_string(lb)
	lb != "internal"
	v := {"id": "STK-NET-005", "path": ["spec", "cluster", "api", "loadBalancer"], "data": {"loadBalancer": lb}}
}

deny contains v if {
	env.prod
	some v in findings
}

warn contains v if {
	not env.prod
	some v in findings
}
