package stackc.main_test

import data.stackc.main

checks := {
	"net": {
		"a": {"deny": {{"id": "A", "path": [], "data": {}}}},
		"b": {"warn": {{"id": "B", "path": ["spec"], "data": {}}}},
	},
	"helm": {"c": {
		"deny": {{"id": "C", "path": [0], "data": {}}},
		"warn": {{"id": "C", "path": [1], "data": {}}},
	}},
}

test_deny_collects_every_check if {
	main.deny == {{"id": "A", "path": [], "data": {}}, {"id": "C", "path": [0], "data": {}}} with data.stackc.checks as checks
}

test_warn_collects_every_check if {
	main.warn == {{"id": "B", "path": ["spec"], "data": {}}, {"id": "C", "path": [1], "data": {}}} with data.stackc.checks as checks
}

test_findings_has_both if {
	f := main.findings with data.stackc.checks as checks
	count(f.deny) == 2
	count(f.warn) == 2
}

# With no findings both sets are empty, not undefined: the host always gets an answer.
test_findings_empty if {
	main.findings == {"deny": set(), "warn": set()} with data.stackc.checks as {}
}

# The real checks run through the entrypoint too (one finding from each).
test_real_checks_reach_findings if {
	ids := {v.id | some v in main.deny} with input as {"stack": {"spec": {
		"cluster": {"api": {"access": ["0.0.0.0/0"]}},
		"charts": [{"name": "a", "version": "latest"}],
	}}}
	ids == {"STK-NET-003", "STK-HELM-001"}
}
