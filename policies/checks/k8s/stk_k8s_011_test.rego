package stackc.checks.k8s.stk_k8s_011_test

import data.stackc.checks.k8s.stk_k8s_011

amd64_image := "099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218"

arm64_image := "099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260218"

node(types, image, arch, archs) := {
	"name": "general", "role": "Node", "machineTypes": types, "image": image, "imageArchitecture": arch,
	"architectures": archs, "path": ["spec", "cluster", "nodeGroups", 0],
}

stack := {"spec": {"cluster": {"nodeGroups": [{"machineTypes": ["x"]}], "controlPlane": {"machineType": "x"}}}}

test_matching_types_pass if {
	groups := [
		node(["m6i.xlarge", "m6a.xlarge"], amd64_image, "amd64", {"m6i.xlarge": "amd64", "m6a.xlarge": "amd64"}),
		node(["m7g.xlarge"], arm64_image, "arm64", {"m7g.xlarge": "arm64"}),
	]
	count(stk_k8s_011.deny) == 0 with input.model.instanceGroups as groups with input.stack as stack
}

# Types outside the table and images that name no architecture are not judged.
test_unknown_not_judged if {
	groups := [
		node(["zz9.huge"], amd64_image, "amd64", {}),
		node(["m7g.xlarge"], "ami-0123456789abcdef0", null, {"m7g.xlarge": "arm64"}),
	]
	count(stk_k8s_011.deny) == 0 with input.model.instanceGroups as groups with input.stack as stack
}

test_graviton_with_amd64_image_denied if {
	g := node(["m7g.xlarge", "m6i.xlarge", "c7g.xlarge"], amd64_image, "amd64", {"m7g.xlarge": "arm64", "m6i.xlarge": "amd64", "c7g.xlarge": "arm64"})
	stk_k8s_011.deny == {{
		"id": "STK-K8S-011",
		"path": ["spec", "cluster", "nodeGroups", 0, "machineTypes"],
		"data": {"reason": "image", "group": "general", "role": "Node", "types": ["c7g.xlarge", "m7g.xlarge"], "image": amd64_image, "imageArchitecture": "amd64"},
	}} with input.model.instanceGroups as [g] with input.stack as stack
}

# Every control-plane instance group comes from one setting: one finding.
cp(name) := {
	"name": name, "role": "ControlPlane", "machineTypes": ["m6i.large"], "image": arm64_image, "imageArchitecture": "arm64",
	"architectures": {"m6i.large": "amd64"}, "path": ["spec", "cluster", "controlPlane"],
}

test_control_plane_reported_once if {
	stk_k8s_011.deny == {{
		"id": "STK-K8S-011",
		"path": ["spec", "cluster", "controlPlane", "machineType"],
		"data": {"reason": "image", "group": "control-plane", "role": "ControlPlane", "types": ["m6i.large"], "image": arm64_image, "imageArchitecture": "arm64"},
	}} with input.model.instanceGroups as [cp("control-plane-eu-west-1a"), cp("control-plane-eu-west-1b")] with input.stack as stack
}

test_bastion_points_at_the_group if {
	b := {
		"name": "bastions", "role": "Bastion", "machineTypes": ["t3.micro"], "image": arm64_image, "imageArchitecture": "arm64",
		"architectures": {"t3.micro": "amd64"}, "path": ["spec", "cluster", "ssh", "bastion"],
	}
	[v.path | some v in stk_k8s_011.deny] == [["spec", "cluster", "ssh", "bastion"]] with input.model.instanceGroups as [b] with input.stack as stack
}

test_mixed_architectures_without_known_image_denied if {
	g := node(["m7g.xlarge", "m6i.xlarge"], "ami-0123456789abcdef0", null, {"m7g.xlarge": "arm64", "m6i.xlarge": "amd64"})
	stk_k8s_011.deny == {{
		"id": "STK-K8S-011",
		"path": ["spec", "cluster", "nodeGroups", 0, "machineTypes"],
		"data": {"reason": "mixed", "group": "general", "role": "Node", "types": ["m6i.xlarge", "m7g.xlarge"], "image": "ami-0123456789abcdef0"},
	}} with input.model.instanceGroups as [g] with input.stack as stack
}
