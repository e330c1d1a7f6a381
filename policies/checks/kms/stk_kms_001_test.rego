package stackc.checks.kms.stk_kms_001_test

import data.stackc.checks.kms.stk_kms_001
import data.stackc.test.fixtures

test_rotation_passes if {
	count(stk_kms_001.warn) == 0 with input as {"model": {"kms": {"mode": "create", "rotation": true}}}
	count(stk_kms_001.warn) == 0 with input as {"model": {"kms": {"mode": "create", "rotation": true}}, "artifacts": fixtures.tf({"aws_kms_key.this": {"enable_key_rotation": true}})}
}

# A key stackc does not create is not judged; neither is SSE-S3 (no key).
test_existing_key_or_no_key_not_judged if {
	count(stk_kms_001.warn) == 0 with input as {"model": {"kms": {"mode": "existing", "rotation": false}}}
	count(stk_kms_001.warn) == 0 with input as {"model": {"kms": {"mode": "none", "rotation": false}}}
}

test_rotation_off_warned if {
	stk_kms_001.warn == {{"id": "STK-KMS-001", "path": ["spec", "storage", "keyRotation"], "data": {"reason": "disabled"}}} with input as {"model": {"kms": {"mode": "create", "rotation": false}}}
}

test_rotation_missing_from_terraform if {
	stk_kms_001.warn == {{"id": "STK-KMS-001", "path": ["spec", "storage"], "data": {"reason": "not-emitted", "key": "aws_kms_key.this"}}} with input as {"model": {"kms": {"mode": "create", "rotation": true}}, "artifacts": fixtures.tf({"aws_kms_key.this": {}})}
}
