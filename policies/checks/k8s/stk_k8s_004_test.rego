package stackc.checks.k8s.stk_k8s_004_test

import data.stackc.checks.k8s.stk_k8s_004

facts(today) := {"today": today, "kubernetes": {
	"min": "1.31.0", "max": "1.37.0", "recommendedMin": "1.33.0", "eolWarningDays": 60,
	"endOfLife": {"1.31": "2025-10-28", "1.32": "2026-02-28", "1.33": "2026-06-28", "1.35": "2027-02-28", "1.36": "2027-06-28"},
}}

inp(version, today) := {"facts": facts(today), "stack": {"spec": {"cluster": {"kubernetesVersion": version}}}}

reasons(kind, version, today) := r if {
	r := {v.data.reason | some v in stk_k8s_004[kind]} with input as inp(version, today)
}

test_supported_version_passes if {
	count(stk_k8s_004.deny) == 0 with input as inp("1.36.1", "2026-11-21")
	count(stk_k8s_004.warn) == 0 with input as inp("1.36.1", "2026-11-21")
	count(stk_k8s_004.warn) == 0 with input as inp("v1.35.5", "2026-11-21")
}

test_too_old_denied if {
	stk_k8s_004.deny == {{
		"id": "STK-K8S-004",
		"path": ["spec", "cluster", "kubernetesVersion"],
		"data": {"version": "1.30.14", "minor": "1.30", "min": "1.31.0", "max": "1.37.0", "reason": "too-old"},
	}} with input as inp("1.30.14", "2026-11-21")
}

test_too_new_denied if {
	reasons("deny", "1.37.0", "2026-11-21") == {"too-new"}
	count(stk_k8s_004.warn) == 0 with input as inp("1.37.0", "2026-11-21")
}

test_below_recommended_warned if {
	reasons("warn", "1.32.13", "2025-06-01") == {"deprecated"}
}

# 60 days before end of life a warning starts; on and after the date it says so.
test_end_of_life_window if {
	count(stk_k8s_004.warn) == 0 with input as inp("1.35.5", "2026-12-29")
	stk_k8s_004.warn == {{
		"id": "STK-K8S-004",
		"path": ["spec", "cluster", "kubernetesVersion"],
		"data": {
			"version": "1.35.5", "minor": "1.35", "min": "1.31.0", "max": "1.37.0",
			"reason": "end-of-life-soon", "endOfLife": "2027-02-28", "daysLeft": 60,
		},
	}} with input as inp("1.35.5", "2026-12-30")
	reasons("warn", "1.35.5", "2027-02-28") == {"end-of-life-soon"}
	reasons("warn", "1.35.5", "2027-03-01") == {"end-of-life"}
}

test_both_warnings_at_once if {
	reasons("warn", "1.31.14", "2026-11-21") == {"deprecated", "end-of-life"}
}

# Not exact, or a minor without a known date: nothing here (STK-K8S-003 reports the former).
test_not_this_rules_business if {
	count(stk_k8s_004.deny) == 0 with input as inp("latest", "2026-11-21")
	count(stk_k8s_004.warn) == 0 with input as inp("1.34.2", "2026-11-21")
}
