# METADATA
# title: Kubernetes version pinned to an exact MAJOR.MINOR.PATCH
# description: >-
#   spec.cluster.kubernetesVersion must be one exact release such as 1.36.1 (a leading v is
#   accepted). Channel names (latest, stable), partial versions (1.36), ranges and
#   pre-releases make kops pick a version at apply time, so two applies of the same manifest
#   can install different Kubernetes versions.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/cluster_spec/#kubernetesversion
#     description: kops cluster spec, kubernetesVersion
#   - ref: https://kubernetes.io/releases/
#     description: Kubernetes releases
# custom:
#   id: STK-K8S-003
#   severity: deny
#   tags: [reproducibility, kubernetes, versions]
#   remediation: >-
#     Set spec.cluster.kubernetesVersion to an exact release inside the supported window, for
#     example 1.36.1.
#   scanners: {}
package stackc.checks.k8s.stk_k8s_003

import data.stackc.lib.versions

deny contains v if {
	version := input.stack.spec.cluster.kubernetesVersion
	not exact(version)
	v := {
		"id": "STK-K8S-003",
		"path": ["spec", "cluster", "kubernetesVersion"],
		"data": {"version": version, "reason": problem(version)},
	}
}

# versions.valid: lib/versions, else the semver.is_valid host call; pre-releases and build metadata are not a
# release Kubernetes publishes for kops to install.
exact(version) if {
	is_string(version)
	versions.valid(version)
	not contains(version, "-")
	not contains(version, "+")
}

problem(version) := "not-a-string" if {
	not is_string(version)
} else := "prerelease" if {
	versions.valid(version)
} else := "range" if {
	regex.match(`[\s*^~<>=|,]|(^|\.)[xX](\.|$)`, version)
} else := "keyword" if {
	regex.match(`^[A-Za-z][A-Za-z_-]*$`, version)
} else := "partial" if {
	regex.match(`^v?\d+(\.\d+)?$`, version)
} else := "invalid"
