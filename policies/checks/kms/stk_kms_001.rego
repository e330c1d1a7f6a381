# METADATA
# title: Automatic rotation on the KMS key stackc creates
# description: >-
#   When stackc creates the stack's KMS key (spec.storage.encryption: sse-kms without
#   kmsKeyArn), automatic yearly rotation must stay on (spec.storage.keyRotation), so key
#   material is not used for years. A key given with kmsKeyArn is managed elsewhere and not
#   judged. When the Terraform artifact is available, every aws_kms_key in it must have
#   enable_key_rotation = true.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
#     description: AWS KMS key rotation
# custom:
#   id: STK-KMS-001
#   severity: warn
#   security_severity: "4.0"
#   tags: [security, kms, encryption]
#   remediation: >-
#     Remove spec.storage.keyRotation: false (the default is true).
#   scanners:
#     checkov: [CKV_AWS_7]
#     trivy: [AVD-AWS-0065]
#     kics: [22fbfeac-7b5a-421a-8a27-7a2178bb910b]
package stackc.checks.kms.stk_kms_001

import data.stackc.lib.tf

warn contains v if {
	input.model.kms.mode == "create"
	input.model.kms.rotation == false
	v := {"id": "STK-KMS-001", "path": ["spec", "storage", "keyRotation"], "data": {"reason": "disabled"}}
}

warn contains v if {
	input.model.kms.rotation == true
	some r in tf.of_type("aws_kms_key")
	not r.attributes.enable_key_rotation == true
	v := {"id": "STK-KMS-001", "path": ["spec", "storage"], "data": {"reason": "not-emitted", "key": r.address}}
}
