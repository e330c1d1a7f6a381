package stackc.checks.helm.stk_helm_004_test

import data.stackc.checks.helm.stk_helm_004

release(addon, values) := {"name": addon, "source": "addon", "addon": addon, "installed": true, "values": values}

good := {"replicaCount": 2, "podDisruptionBudget": {"enabled": true, "minAvailable": 1}, "resources": {"requests": {"cpu": "10m"}}}

inp(releases) := {"artifacts": {"helmfile": {"releases": releases}}}

test_wired_defaults_pass if {
	count(stk_helm_004.warn) == 0 with input as inp([
		release("certManager", good),
		release("clusterAutoscaler", {"replicaCount": 2, "resources": {"requests": {"cpu": "100m"}}}),
		release("externalDns", {"resources": {"requests": {"cpu": "10m"}}}),
		release("awsLoadBalancerController", {"podDisruptionBudget": {"maxUnavailable": 1}, "resources": {"requests": {"cpu": "50m"}}}),
		release("ingressNginx", {"controller": {"replicaCount": 2}}),
		release("traefik", {"deployment": {"replicas": 3}, "podDisruptionBudget": {"enabled": true}, "resources": {"requests": {"cpu": "1"}}}),
		release("loki", {}),
	])
}

test_single_replica_warned if {
	stk_helm_004.warn == {{
		"id": "STK-HELM-004",
		"path": ["spec", "addons", "certManager", "values", "replicaCount"],
		"data": {"addon": "certManager", "release": "cert-manager", "aspect": "replicas", "value": 1},
	}} with input as inp([object.union(release("certManager", object.union(good, {"replicaCount": 1})), {"name": "cert-manager"})])
}

test_every_aspect if {
	{[v.data.addon, v.data.aspect] | some v in stk_helm_004.warn} == {
		["traefik", "replicas"],
		["traefik", "pdb"],
		["traefik", "requests"],
		["awsLoadBalancerController", "pdb"],
		["clusterAutoscaler", "pdb"],
	} with input as inp([
		release("traefik", {}),
		release("awsLoadBalancerController", {"resources": {"requests": {"cpu": "1"}}}),
		release("clusterAutoscaler", object.union(good, {"podDisruptionBudget": {"enabled": false}})),
	])
}

# Companions, charts and uninstalled add-ons are not judged; no artifact, no findings.
test_out_of_scope if {
	count(stk_helm_004.warn) == 0 with input as inp([
		{"name": "x", "source": "chart", "installed": true, "values": {}},
		object.union(release("traefik", {}), {"installed": false}),
	])
	count(stk_helm_004.warn) == 0 with input as {}
}
