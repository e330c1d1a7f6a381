# METADATA
# title: Root and etcd volumes encrypted
# description: >-
#   The etcd volumes (kops etcdMembers encryptedVolume) and every instance group's root volume
#   (kops rootVolume.encryption) must be EBS-encrypted: etcd holds the cluster state, and root
#   volumes hold container images, logs and whatever pods wrote to the host. Checked on the
#   manifest (etcd) and the model's instance groups (root volumes).
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#     description: Amazon EBS encryption
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#etcdclusters
#     description: kops cluster spec, etcdClusters
# custom:
#   id: STK-K8S-007
#   severity: deny
#   security_severity: "7.0"
#   tags: [security, kubernetes, encryption, ebs]
#   remediation: >-
#     Remove encrypted: false from the rootVolume settings and encryptedVolumes: false from
#     spec.cluster.etcd (both default to true).
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0008, AVD-AWS-0026]
#     kics: [cc997676-481b-4e93-aa81-d19f8c5e9b12]
package stackc.checks.k8s.stk_k8s_007

deny contains v if {
	input.stack.spec.cluster.etcd.encryptedVolumes == false
	v := {"id": "STK-K8S-007", "path": ["spec", "cluster", "etcd", "encryptedVolumes"], "data": {"volume": "etcd", "groups": []}}
}

# Root volumes: one finding per setting (all control-plane groups share one).
deny contains v if {
	some p in {g.path | some g in input.model.instanceGroups; g.rootVolume.encrypted == false}
	groups := sort([g.name | some g in input.model.instanceGroups; g.rootVolume.encrypted == false; g.path == p])
	v := {"id": "STK-K8S-007", "path": array.concat(p, ["rootVolume", "encrypted"]), "data": {"volume": "root", "groups": groups}}
}
