# METADATA
# title: IMDSv2 required on every instance group, hop limit 1
# description: >-
#   Instance metadata must require session tokens (IMDSv2, httpTokens: required) on every
#   instance group, control plane and bastion included. IMDSv1 answers plain GET requests, so
#   any server-side request forgery in a pod can read the node's IAM credentials. A
#   httpPutResponseHopLimit above 1 lets containers reach IMDS through the node (a warning).
#   Checked on the model's instance groups; the path points at the setting each group takes
#   its value from (its own instanceMetadata, or spec.cluster.instanceMetadata).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html
#     description: AWS, configure instance metadata options
#   - ref: https://kops.sigs.k8s.io/instance_groups/#instancemetadata
#     description: kops instance groups, instanceMetadata
# custom:
#   id: STK-K8S-005
#   severity: deny
#   security_severity: "8.0"
#   tags: [security, kubernetes, imds, nodes]
#   remediation: >-
#     Set instanceMetadata: { httpTokens: required, hopLimit: 1 } (spec.cluster.instanceMetadata,
#     and in any node group that overrides it).
#   scanners:
#     checkov: []
#     trivy: [AVD-AWS-0028, AVD-AWS-0130]
#     kics: [c306ac53-ee5b-41d3-86a9-0fd2722b4e67]
package stackc.checks.k8s.stk_k8s_005

import data.stackc.lib.kops

# Where a group's instance metadata settings come from.
settings_path(g) := array.concat(g.path, ["instanceMetadata"]) if {
	g.role == "Node"
	object.get(input.stack, array.concat(g.path, ["instanceMetadata"]), null) != null
} else := ["spec", "cluster", "instanceMetadata"]

# Groups that share one setting are reported together.
deny contains v if {
	some tokens in {g.instanceMetadata.httpTokens | some g in input.model.instanceGroups}
	tokens != "required"
	some p in {settings_path(g) | some g in input.model.instanceGroups; g.instanceMetadata.httpTokens == tokens}
	groups := sort([g.name | some g in input.model.instanceGroups; g.instanceMetadata.httpTokens == tokens; settings_path(g) == p])
	v := {"id": "STK-K8S-005", "path": array.concat(p, ["httpTokens"]), "data": {"reason": "tokens", "httpTokens": tokens, "groups": groups}}
}

warn contains v if {
	some hops in {g.instanceMetadata.hopLimit | some g in input.model.instanceGroups}
	hops > 1
	some p in {settings_path(g) | some g in input.model.instanceGroups; g.instanceMetadata.hopLimit == hops}
	groups := sort([g.name | some g in input.model.instanceGroups; g.instanceMetadata.hopLimit == hops; settings_path(g) == p])
	v := {"id": "STK-K8S-005", "path": array.concat(p, ["hopLimit"]), "data": {"reason": "hop-limit", "hopLimit": hops, "groups": groups}}
}

# Defence in depth: an emitted kops InstanceGroup that does not require IMDSv2 although its
# model group does.
deny contains v if {
	some ig in kops.instance_groups
	tokens := object.get(ig.spec, ["instanceMetadata", "httpTokens"], "optional")
	tokens != "required"
	some g in input.model.instanceGroups
	g.name == ig.metadata.name
	g.instanceMetadata.httpTokens == "required"
	v := {
		"id": "STK-K8S-005",
		"path": array.concat(settings_path(g), ["httpTokens"]),
		"data": {"reason": "emitted", "httpTokens": tokens, "groups": [g.name]},
	}
}
