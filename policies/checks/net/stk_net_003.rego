# METADATA
# title: Kubernetes API must not be open to the whole internet
# description: >-
#   spec.cluster.api.access lists the CIDRs allowed to reach the Kubernetes API load balancer
#   (kops kubernetesApiAccess). An entry that covers every IPv4 or IPv6 address (0.0.0.0/0,
#   ::/0, or any other /0) exposes the API server to the internet, the most common first step
#   of a cluster compromise. kops create cluster defaults to exactly that.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#kubernetesapiaccess
#     description: kops cluster spec, kubernetesApiAccess
#   - ref: https://kubernetes.io/docs/concepts/security/controlling-access/
#     description: Controlling access to the Kubernetes API
# custom:
#   id: STK-NET-003
#   severity: deny
#   security_severity: "9.0"
#   tags: [security, network, kubernetes-api]
#   remediation: >-
#     Replace the entry with the CIDRs of your VPN, office or CI runners (for example
#     10.0.0.0/8), and prefer spec.cluster.api.loadBalancer: internal.
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0041]
#     kics: [61cf9883-1752-4768-b18c-0d57f2737709]
package stackc.checks.net.stk_net_003

# A CIDR covers the whole internet when it contains the whole address space of its family.
# Prefix length 0 with any address (0.0.0.0/0, 1.2.3.4/0, ::/0, 0::/0) does; a malformed CIDR
# makes net.cidr_contains undefined, so it is left to the schema, not reported here.
deny contains v if {
	some i, cidr in input.stack.spec.cluster.api.access
	some family, everything in {"ipv4": "0.0.0.0/0", "ipv6": "::/0"}
	net.cidr_contains(cidr, everything)
	v := {
		"id": "STK-NET-003",
		"path": ["spec", "cluster", "api", "access", i],
		"data": {"cidr": cidr, "family": family},
	}
}
