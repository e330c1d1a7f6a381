package stackc.checks.helm.stk_helm_003_test

import data.stackc.checks.helm.stk_helm_003

inp(env, values) := {"facts": {"environment": env}, "stack": {"spec": {"charts": [{"name": "app", "values": values}], "addons": {}}}}

reasons(env, values) := r if {
	r := {[v.path, v.data.reason] | some v in stk_helm_003.warn} with input as inp(env, values)
}

test_pinned_images_pass if {
	count(stk_helm_003.warn) == 0 with input as inp("dev", {"image": "nginx:1.27.3", "sidecar": {"image": {"repository": "envoy", "tag": "v1.31.0"}}, "other": {"image": {"repository": "x"}}})
	count(stk_helm_003.warn) == 0 with input as inp("prod", {"image": "nginx:1.27.3@sha256:abc", "sidecar": {"image": {"repository": "envoy", "tag": "v1.31.0", "digest": "sha256:abc"}}, "x": {"image": {"tag": "v2@sha256:abc"}}})
}

test_finding_shape if {
	stk_helm_003.warn == {{
		"id": "STK-HELM-003",
		"path": ["spec", "charts", 0, "values", "image", "tag"],
		"data": {"release": "app", "image": "latest", "reason": "latest"},
	}} with input as inp("dev", {"image": {"repository": "nginx", "tag": "latest"}})
}

test_reasons if {
	reasons("dev", {"a": {"image": "nginx:latest"}, "b": {"image": "registry:5000/team/app"}, "c": {"image": {"tag": ""}}, "d": {"image": {"tag": "LATEST"}}}) == {
		[["spec", "charts", 0, "values", "a", "image"], "latest"],
		[["spec", "charts", 0, "values", "b", "image"], "no-tag"],
		[["spec", "charts", 0, "values", "c", "image", "tag"], "empty"],
		[["spec", "charts", 0, "values", "d", "image", "tag"], "latest"],
	}
}

test_prod_prefers_digests if {
	reasons("prod", {"image": "nginx:1.27.3", "x": {"image": {"tag": "v1"}}, "list": [{"image": "redis:7.4.1"}]}) == {
		[["spec", "charts", 0, "values", "image"], "not-digest"],
		[["spec", "charts", 0, "values", "x", "image", "tag"], "not-digest"],
		[["spec", "charts", 0, "values", "list", 0, "image"], "not-digest"],
	}
}

test_addon_values if {
	{v.path | some v in stk_helm_003.warn} == {["spec", "addons", "velero", "values", "kubectl", "image", "tag"]} with input as {"facts": {"environment": "dev"}, "stack": {"spec": {
		"charts": [],
		"addons": {"velero": {"values": {"kubectl": {"image": {"tag": "latest"}}}}, "metricsServer": true},
	}}}
}

wired(values, installed) := {"facts": {"environment": "dev"}, "stack": {"spec": {"charts": [{"name": "app", "values": {"image": {"tag": "latest"}}}], "addons": {}}}, "artifacts": {"helmfile": {"releases": [
	{"name": "app", "pointer": "/spec/charts/0", "installed": true, "values": {"image": {"tag": "latest"}}},
	{"name": "velero", "pointer": "/spec/addons/velero", "installed": installed, "values": values},
]}}}

# Only what the user did not write is reported from the artifact, at the release entry.
test_artifact_values if {
	{[v.path, v.data.reason] | some v in stk_helm_003.warn} == {
		[["spec", "charts", 0, "values", "image", "tag"], "latest"],
		[["spec", "addons", "velero"], "latest-wired"],
	} with input as wired({"kubectl": {"image": {"tag": "latest"}}, "ok": {"image": "a:1"}}, true)
	count(stk_helm_003.warn) == 1 with input as wired({"kubectl": {"image": {"tag": "latest"}}}, false)
}
