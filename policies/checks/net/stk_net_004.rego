# METADATA
# title: SSH must not be open to the internet, and in prod only through a bastion or SSM
# description: >-
#   spec.cluster.ssh.access lists the CIDRs allowed to SSH (kops sshAccess). An entry that
#   covers every address (0.0.0.0/0, ::/0, any /0) invites brute force and makes a leaked key
#   fatal. In prod, SSH must not reach the instances directly at all: either no SSH (an empty
#   list; use SSM Session Manager) or a bastion (spec.cluster.ssh.bastion: true), which
#   becomes the only SSH entry point.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#sshaccess
#     description: kops cluster spec, sshAccess
#   - ref: https://kops.sigs.k8s.io/bastion/
#     description: kops bastion
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html
#     description: AWS Systems Manager Session Manager
# custom:
#   id: STK-NET-004
#   severity: deny
#   security_severity: "8.0"
#   tags: [security, network, ssh]
#   remediation: >-
#     Remove the open entry; list only VPN or office CIDRs. In prod use ssh.access: [] with SSM
#     Session Manager, or set ssh.bastion: true.
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0107, AVD-AWS-0105]
#     kics: [381c3f2a-ef6f-4eff-99f7-b169cda3422c]
package stackc.checks.net.stk_net_004

import data.stackc.lib.env

deny contains v if {
	some i, cidr in input.stack.spec.cluster.ssh.access
	some family, everything in {"ipv4": "0.0.0.0/0", "ipv6": "::/0"}
	net.cidr_contains(cidr, everything)
	v := {
		"id": "STK-NET-004",
		"path": ["spec", "cluster", "ssh", "access", i],
		"data": {"reason": "open", "cidr": cidr, "family": family},
	}
}

# prod: SSH straight to the instances (no bastion in front of them).
deny contains v if {
	env.prod
	access := input.stack.spec.cluster.ssh.access
	count(access) > 0
	not input.stack.spec.cluster.ssh.bastion == true
	v := {
		"id": "STK-NET-004",
		"path": ["spec", "cluster", "ssh", "access"],
		"data": {"reason": "direct", "cidrs": access},
	}
}
