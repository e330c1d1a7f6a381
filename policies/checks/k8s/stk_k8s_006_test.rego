package stackc.checks.k8s.stk_k8s_006_test

import data.stackc.checks.k8s.stk_k8s_006
import data.stackc.test.fixtures

test_encrypted_passes if {
	count(stk_k8s_006.deny) == 0 with input.stack as {"spec": {"cluster": {"secretsEncryption": true}}}
}

test_plaintext_denied if {
	stk_k8s_006.deny == {{"id": "STK-K8S-006", "path": ["spec", "cluster", "secretsEncryption"], "data": {}}} with input.stack as {"spec": {"cluster": {"secretsEncryption": false}}}
}

test_emitted_cluster_checked if {
	on := {"spec": {"cluster": {"secretsEncryption": true}}}
	count(stk_k8s_006.deny) == 0 with input as {"stack": on, "artifacts": fixtures.kops({"encryptionConfig": true}, [])}
	stk_k8s_006.deny == {{"id": "STK-K8S-006", "path": ["spec", "cluster", "secretsEncryption"], "data": {"reason": "emitted"}}} with input as {"stack": on, "artifacts": fixtures.kops({}, [])}
}
