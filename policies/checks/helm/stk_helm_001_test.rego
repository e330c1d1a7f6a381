package stackc.checks.helm.stk_helm_001_test

import data.stackc.checks.helm.stk_helm_001

chart(version) := {"name": "my-app", "repo": "https://charts.example.com", "chart": "my-app", "version": version}

stack_with(charts) := {"spec": {"charts": charts, "addons": {}}}

test_exact_versions_pass if {
	every version in ["1.2.3", "v1.21.1", "0.0.0", "10.20.30", "1.2.3-rc.1", "1.2.3-alpha-2.0", "1.2.3+build.5", "v2.0.0-beta.1+exp.sha.5114f85"] {
		count(stk_helm_001.deny) == 0 with input.stack as stack_with([chart(version)])
	}
}

test_finding_shape if {
	stk_helm_001.deny == {{
		"id": "STK-HELM-001",
		"path": ["spec", "charts", 1, "version"],
		"data": {"release": "my-app", "source": "charts", "version": "latest", "reason": "keyword"},
	}} with input.stack as stack_with([chart("1.0.0"), chart("latest")])
}

test_reasons if {
	cases := {
		"": "empty",
		"  ": "empty",
		"latest": "keyword",
		"stable": "keyword",
		"*": "range",
		"x": "range",
		"1.x": "range",
		"1.2.X": "range",
		"^1.2.3": "range",
		"~1.2.3": "range",
		">1.2.3": "range",
		">=1.2.3": "range",
		"<2.0.0": "range",
		"1.2.3 || 2.0.0": "range",
		"1.2.3 - 1.4.0": "range",
		" 1.2.3": "whitespace",
		"v1.2.3\n": "whitespace",
		"1.2.3,<2": "range",
		"=1.2.3": "range",
		"1": "partial",
		"1.2": "partial",
		"v1.2": "partial",
		"01.2.3": "invalid",
		"1.2.3-01": "invalid",
		"1.2.3.4": "invalid",
		"V1.2.3": "invalid",
		"vv1.2.3": "invalid",
		"1.2.3-": "invalid",
		"1.2.3+": "invalid",
		"1.2.3-a..b": "invalid",
	}
	every version, reason in cases {
		stk_helm_001.deny == {{
			"id": "STK-HELM-001",
			"path": ["spec", "charts", 0, "version"],
			"data": {"release": "my-app", "source": "charts", "version": version, "reason": reason},
		}} with input.stack as stack_with([chart(version)])
	}
}

# YAML turns an unquoted 1.2 into a number and a bare `version:` into null.
test_non_strings if {
	every version in [1.2, 1, null, true, ["1.2.3"]] {
		{v.data.reason | some v in stk_helm_001.deny} == {"not-a-string"} with input.stack as stack_with([chart(version)])
	}
}

test_missing_version if {
	stk_helm_001.deny == {{
		"id": "STK-HELM-001",
		"path": ["spec", "charts", 0],
		"data": {"release": "my-app", "source": "charts", "reason": "missing"},
	}} with input.stack as stack_with([object.remove(chart("1.0.0"), ["version"])])
}

# A chart without a name (the schema reports that) is still reported, by index.
test_unnamed_chart if {
	{v.data.release | some v in stk_helm_001.deny} == {"#0"} with input.stack as stack_with([{"version": "latest"}])
}

test_addons if {
	stk_helm_001.deny == {{
		"id": "STK-HELM-001",
		"path": ["spec", "addons", "externalDns", "version"],
		"data": {"release": "externalDns", "source": "addons", "version": "~1.21", "reason": "range"},
	}} with input.stack as {"spec": {
		"charts": [],
		"addons": {
			"certManager": {"version": "v1.21.1"},
			"externalDns": {"version": "~1.21"},
			"clusterAutoscaler": {"enabled": false},
			"metricsServer": true,
		},
	}}
}

# Entries that are not maps are the schema's to report, not this rule's.
test_malformed_entries_ignored if {
	count(stk_helm_001.deny) == 0 with input.stack as stack_with(["my-app@1.2.3", 7, null])
}

test_no_charts_no_addons if {
	count(stk_helm_001.deny) == 0 with input.stack as {"spec": {}}
	count(stk_helm_001.deny) == 0 with input.stack as {}
}
