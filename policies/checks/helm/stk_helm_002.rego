# METADATA
# title: Chart repositories over https:// or oci:// only
# description: >-
#   Every chart repository (spec.charts[*].repo) must be fetched over TLS: https:// for a Helm
#   repository, oci:// for a registry. http:// lets anyone on the path substitute the chart,
#   and with it every manifest it installs. Other schemes are refused too. A local chart
#   (file://) is accepted outside prod for development and refused in prod, where every
#   release must come from a repository others can audit. The curated add-ons use fixed https
#   repositories.
# related_resources:
#   - ref: https://helm.sh/docs/topics/chart_repository/
#     description: Helm chart repositories
#   - ref: https://helm.sh/docs/topics/registries/
#     description: Helm OCI registries
# custom:
#   id: STK-HELM-002
#   severity: deny
#   security_severity: "7.0"
#   tags: [security, supply-chain, helm]
#   remediation: >-
#     Use the repository's https:// URL (or oci:// for a registry); publish local charts to a
#     repository before they go to prod.
#   scanners: {}
package stackc.checks.helm.stk_helm_002

import data.stackc.lib.env

deny contains v if {
	some i, chart in input.stack.spec.charts
	is_string(chart.repo)
	reason := problem(lower(chart.repo))
	v := {
		"id": "STK-HELM-002",
		"path": ["spec", "charts", i, "repo"],
		"data": {"release": object.get(chart, "name", ""), "repo": chart.repo, "reason": reason},
	}
}

problem(repo) := "insecure" if {
	startswith(repo, "http://")
} else := "local" if {
	startswith(repo, "file://")
	env.prod
} else := "scheme" if {
	not startswith(repo, "https://")
	not startswith(repo, "oci://")
	not startswith(repo, "file://")
}
