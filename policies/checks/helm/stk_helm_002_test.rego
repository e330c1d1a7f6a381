package stackc.checks.helm.stk_helm_002_test

import data.stackc.checks.helm.stk_helm_002

inp(env, repo) := {"facts": {"environment": env}, "stack": {"spec": {"charts": [{"name": "ok", "repo": "https://charts.example.com"}, {"name": "app", "repo": repo}]}}}

reasons(env, repo) := r if {
	r := {v.data.reason | some v in stk_helm_002.deny} with input as inp(env, repo)
}

test_tls_repositories_pass if {
	every repo in ["https://charts.example.com", "oci://registry.example.com/charts", "HTTPS://Charts.Example.com"] {
		count(stk_helm_002.deny) == 0 with input as inp("prod", repo)
	}
}

test_http_denied if {
	stk_helm_002.deny == {{
		"id": "STK-HELM-002",
		"path": ["spec", "charts", 1, "repo"],
		"data": {"release": "app", "repo": "http://charts.example.com", "reason": "insecure"},
	}} with input as inp("dev", "http://charts.example.com")
}

test_local_only_outside_prod if {
	count(stk_helm_002.deny) == 0 with input as inp("dev", "file://../charts/app")
	reasons("prod", "file://../charts/app") == {"local"}
}

test_other_schemes_denied if {
	reasons("dev", "git+https://github.com/x/y") == {"scheme"}
	reasons("dev", "s3://bucket/charts") == {"scheme"}
}
