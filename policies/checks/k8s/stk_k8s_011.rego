# METADATA
# title: Instance types match the image's CPU architecture
# description: >-
#   An instance boots only an image built for its CPU: a Graviton (arm64) type such as m7g with
#   an amd64 image, or an Intel/AMD type with an arm64 image, fails at launch (the Auto Scaling
#   group keeps failing to create instances, so the node group never comes up). Checked per
#   node group, for the control plane and the bastion, from the image name's architecture
#   (amd64, x86_64, arm64, aarch64) and an instance-family table with its source
#   (compiler/catalog/instance-architectures.ts). A group that mixes arm64 and amd64 types
#   cannot match any single image. An ami-… id names no architecture and is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
#     description: Amazon EC2 instance type naming conventions (g = AWS Graviton)
#   - ref: https://kops.sigs.k8s.io/operations/images/
#     description: kops, images
# custom:
#   id: STK-K8S-011
#   severity: deny
#   tags: [reliability, kubernetes]
#   remediation: >-
#     Use instance types of the image's architecture, or an image built for the types (Ubuntu
#     publishes ubuntu-noble-24.04-arm64-server-… beside …-amd64-server-…); give a group of
#     Graviton types its own image.
#   scanners: {}
package stackc.checks.k8s.stk_k8s_011

deny contains v if {
	some g in input.model.instanceGroups
	is_string(g.imageArchitecture)
	wrong := sort([t | some t in g.machineTypes; arch := g.architectures[t]; arch != g.imageArchitecture])
	count(wrong) > 0
	v := {
		"id": "STK-K8S-011",
		"path": types_path(g),
		"data": {
			"reason": "image", "group": group_name(g), "role": g.role, "types": wrong,
			"image": g.image, "imageArchitecture": g.imageArchitecture,
		},
	}
}

deny contains v if {
	some g in input.model.instanceGroups
	not is_string(g.imageArchitecture)
	archs := {arch | some t in g.machineTypes; arch := g.architectures[t]}
	count(archs) > 1
	v := {
		"id": "STK-K8S-011",
		"path": types_path(g),
		"data": {"reason": "mixed", "group": group_name(g), "role": g.role, "types": sort(g.machineTypes), "image": g.image},
	}
}

# One finding for the control plane, however many instance groups it has.
group_name(g) := "control-plane" if g.role == "ControlPlane"

else := g.name

types_path(g) := array.concat(g.path, ["machineTypes"]) if {
	g.role == "Node"
	object.get(input.stack, array.concat(g.path, ["machineTypes"]), null) != null
} else := array.concat(g.path, ["machineType"]) if {
	g.role != "Bastion"
} else := g.path
