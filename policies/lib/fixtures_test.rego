# Helpers for the Rego tests: artifacts in the emitters' shapes. A _test.rego file, so it is
# never compiled into the bundle.
package stackc.test.fixtures

# A Terraform artifact (compiler/emit/terraform/tf/artifact.ts) with one module holding
# `resources`: {"<type>.<name>": attributes}.
tf(resources) := {"terraform": {"modules": [{"dir": "terraform", "resources": [r |
	some address, attributes in resources
	r := {"mode": "managed", "type": split(address, ".")[0], "name": split(address, ".")[1], "address": address, "meta": {}, "instances": [{"key": null, "address": address, "attributes": attributes}]}
]}]}}

ref(address) := {"$ref": concat("", [address, ".id"]), "address": address, "attribute": "id"}

# A kops artifact (compiler/emit/kops/artifact.ts): cluster spec and instance groups
# [{name, spec}].
kops(spec, groups) := {"kops": {
	"cluster": {"apiVersion": "kops.k8s.io/v1alpha2", "kind": "Cluster", "spec": spec},
	"instanceGroups": [{"kind": "InstanceGroup", "metadata": {"name": g.name}, "spec": g.spec} | some g in groups],
	"bindings": [],
}}

subnets := [{"name": "eu-west-1a", "type": "Private"}, {"name": "utility-eu-west-1a", "type": "Utility"}]
