package stackc.checks.k8s.stk_k8s_007_test

import data.stackc.checks.k8s.stk_k8s_007

g(name, path, encrypted) := {"name": name, "path": path, "rootVolume": {"encrypted": encrypted}}

cp_path := ["spec", "cluster", "controlPlane"]

test_encrypted_passes if {
	count(stk_k8s_007.deny) == 0 with input as {"stack": {"spec": {"cluster": {"etcd": {"encryptedVolumes": true}}}}, "model": {"instanceGroups": [g("cp-a", cp_path, true)]}}
}

test_etcd_denied if {
	stk_k8s_007.deny == {{"id": "STK-K8S-007", "path": ["spec", "cluster", "etcd", "encryptedVolumes"], "data": {"volume": "etcd", "groups": []}}} with input as {"stack": {"spec": {"cluster": {"etcd": {"encryptedVolumes": false}}}}, "model": {"instanceGroups": []}}
}

test_root_volumes_denied_per_setting if {
	stk_k8s_007.deny == {
		{"id": "STK-K8S-007", "path": ["spec", "cluster", "controlPlane", "rootVolume", "encrypted"], "data": {"volume": "root", "groups": ["cp-a", "cp-b"]}},
		{"id": "STK-K8S-007", "path": ["spec", "cluster", "nodeGroups", 1, "rootVolume", "encrypted"], "data": {"volume": "root", "groups": ["spot"]}},
	} with input as {"stack": {}, "model": {"instanceGroups": [
		g("cp-b", cp_path, false),
		g("cp-a", cp_path, false),
		g("general", ["spec", "cluster", "nodeGroups", 0], true),
		g("spot", ["spec", "cluster", "nodeGroups", 1], false),
	]}}
}
