# METADATA
# title: API server audit logging should be enabled
# description: >-
#   The API server's audit log records who did what to which object; without it, changes to
#   the cluster cannot be attributed after the fact. stackc configures kube-apiserver audit
#   logging with spec.cluster.auditLogging.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/
#     description: Kubernetes auditing
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#audit-logging
#     description: kops cluster spec, audit logging
# custom:
#   id: STK-K8S-008
#   severity: warn
#   security_severity: "4.0"
#   tags: [security, kubernetes, logging, audit]
#   remediation: >-
#     Set spec.cluster.auditLogging.enabled: true (the default).
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0038]
package stackc.checks.k8s.stk_k8s_008

warn contains v if {
	input.stack.spec.cluster.auditLogging.enabled == false
	v := {"id": "STK-K8S-008", "path": ["spec", "cluster", "auditLogging", "enabled"], "data": {}}
}
