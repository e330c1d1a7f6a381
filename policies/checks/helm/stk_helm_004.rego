# METADATA
# title: Critical add-ons run 2 replicas with a disruption budget and resource requests
# description: >-
#   The add-ons the cluster's traffic and operations depend on (ingress controllers, the AWS
#   Load Balancer Controller, external-dns, cert-manager, cluster-autoscaler) should run at
#   least 2 replicas with a PodDisruptionBudget, so a node drain or rolling update never takes
#   them all down, and declare resource requests so the scheduler reserves room for them, each
#   where the chart exposes the setting (external-dns runs a single replica by design). Checked
#   on the merged values in the Helmfile artifact (stackc's wiring plus the manifest's
#   values), with each chart's own default where a key is absent; without the artifact the
#   rule stays silent.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
#     description: Kubernetes, disruptions and PodDisruptionBudgets
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     description: Resource management for pods and containers
# custom:
#   id: STK-HELM-004
#   severity: warn
#   tags: [reliability, helm, add-ons]
#   remediation: >-
#     Set the add-on's values (spec.addons.<addon>.values) to 2 or more replicas, enable its
#     PodDisruptionBudget and give it resources.requests; stackc's defaults already do.
#   scanners:
#     polaris: [deploymentMissingReplicas, missingPodDisruptionBudget, cpuRequestsMissing, memoryRequestsMissing]
#     checkov: []
package stackc.checks.helm.stk_helm_004

# Per add-on: where its chart keeps each setting, and the chart's default when unset ("unset")
# (null: none). Keys checked against the charts' values.yaml for the versions stackc pins
# (compiler/addons/wiring/*.ts cites them).
critical := {
	"certManager": {
		"replicas": {"key": ["replicaCount"], "unset": 1},
		"pdb": {"key": ["podDisruptionBudget", "enabled"], "unset": false},
		"requests": {"key": ["resources", "requests"], "unset": null},
	},
	"clusterAutoscaler": {
		"replicas": {"key": ["replicaCount"], "unset": 1},
		"pdb": {"key": ["podDisruptionBudget"], "unset": {"maxUnavailable": 1}},
		"requests": {"key": ["resources", "requests"], "unset": null},
	},
	"externalDns": {"requests": {"key": ["resources", "requests"], "unset": null}},
	"awsLoadBalancerController": {
		"replicas": {"key": ["replicaCount"], "unset": 2},
		"pdb": {"key": ["podDisruptionBudget"], "unset": {}},
		"requests": {"key": ["resources", "requests"], "unset": null},
	},
	# the chart renders a PDB (minAvailable 1) once replicaCount > 1, and requests by default
	"ingressNginx": {"replicas": {"key": ["controller", "replicaCount"], "unset": 1}},
	"traefik": {
		"replicas": {"key": ["deployment", "replicas"], "unset": 1},
		"pdb": {"key": ["podDisruptionBudget", "enabled"], "unset": false},
		"requests": {"key": ["resources", "requests"], "unset": null},
	},
}

warn contains v if {
	some r in input.artifacts.helmfile.releases
	r.source == "addon"
	r.installed == true
	checks := critical[r.addon]
	some aspect, check in checks
	value := object.get(r.values, check.key, check.unset)
	not satisfied(aspect, value)
	v := {
		"id": "STK-HELM-004",
		"path": array.concat(["spec", "addons", r.addon, "values"], check.key),
		"data": {"addon": r.addon, "release": r.name, "aspect": aspect, "value": value},
	}
}

satisfied("replicas", n) if n >= 2

satisfied("pdb", true)

satisfied("pdb", pdb) if {
	is_object(pdb)
	count(pdb) > 0
	not pdb.enabled == false
}

satisfied("requests", requests) if {
	is_object(requests)
	count(requests) > 0
}
