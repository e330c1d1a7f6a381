# METADATA
# title: Kubernetes Secrets encrypted at rest in etcd
# description: >-
#   With spec.cluster.secretsEncryption the API server encrypts Secrets before writing them to
#   etcd (kops encryptionConfig: true with an encryption key in the state store). Without it,
#   etcd data files, volume snapshots and etcd-manager backups hold every Secret in plain
#   text.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/operations/etcd_backup_restore_encryption/
#     description: kops, etcd backup, restore and encryption
#   - ref: https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
#     description: Encrypting confidential data at rest
# custom:
#   id: STK-K8S-006
#   severity: deny
#   security_severity: "7.5"
#   tags: [security, kubernetes, encryption, secrets]
#   remediation: >-
#     Remove spec.cluster.secretsEncryption: false (the default is true).
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0039]
#     kics: [63ebcb19-2739-4d3f-aa5c-e8bbb9b85281]
package stackc.checks.k8s.stk_k8s_006

import data.stackc.lib.kops

deny contains v if {
	input.stack.spec.cluster.secretsEncryption == false
	v := {"id": "STK-K8S-006", "path": ["spec", "cluster", "secretsEncryption"], "data": {}}
}

# Defence in depth: on in the manifest, off in the emitted kops Cluster.
deny contains v if {
	input.stack.spec.cluster.secretsEncryption == true
	kops.present
	not kops.cluster.encryptionConfig == true
	v := {"id": "STK-K8S-006", "path": ["spec", "cluster", "secretsEncryption"], "data": {"reason": "emitted"}}
}
