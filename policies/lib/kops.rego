# METADATA
# title: The kops Cluster and InstanceGroups from the emitted artifact
# description: >-
#   The kops emitter's artifact (input.artifacts.kops, shape documented in
#   compiler/emit/kops/artifact.ts): {cluster, instanceGroups, bindings}, the documents of
#   cluster.tmpl.yaml as data (kops v1alpha2 field names). Without it the sets are empty.
package stackc.lib.kops

present if is_object(input.artifacts.kops)

cluster := input.artifacts.kops.cluster.spec

instance_groups := object.get(object.get(input, "artifacts", {}), ["kops", "instanceGroups"], [])

# Subnet name → type (Private, Utility, …).
subnet_types[s.name] := s.type if some s in cluster.subnets

# The kops role of each stackc instance-group role.
kops_role := {"ControlPlane": "Master", "Node": "Node", "Bastion": "Bastion"}
