package stackc.checks.waiver.stk_waiver_001_test

import data.stackc.checks.waiver.stk_waiver_001

waivers(list) := {"spec": {"policy": {"waivers": list}}}

waiver(expires) := {"rule": "STK-NET-009", "reason": "org-level flow logs", "expires": expires}

test_within_a_year_passes if {
	count(stk_waiver_001.deny) == 0 with input.stack as waivers([waiver("2027-11-21"), waiver("2026-12-01")]) with input.facts.today as "2026-11-21"
}

test_expired_left_to_stk_policy_001 if {
	count(stk_waiver_001.deny) == 0 with input.stack as waivers([waiver("2020-01-01")]) with input.facts.today as "2026-11-21"
}

test_longer_than_a_year_denied if {
	stk_waiver_001.deny == {{
		"id": "STK-WAIVER-001",
		"path": ["spec", "policy", "waivers", 1, "expires"],
		"data": {"rule": "STK-NET-009", "expires": "2027-11-22", "days": 366, "maximum": 365, "today": "2026-11-21"},
	}} with input.stack as waivers([waiver("2027-01-01"), waiver("2027-11-22")]) with input.facts.today as "2026-11-21"
}

test_configured_maximum if {
	stack := {"spec": {"policy": {"maxWaiverDays": 90, "waivers": [waiver("2027-02-19"), waiver("2027-02-20")]}}}
	[v.data.days | some v in stk_waiver_001.deny] == [91] with input.stack as stack with input.facts.today as "2026-11-21"
}

test_malformed_dates_left_to_the_schema if {
	count(stk_waiver_001.deny) == 0 with input.stack as waivers([waiver("someday"), {"rule": "STK-NET-009"}]) with input.facts.today as "2026-11-21"
	count(stk_waiver_001.deny) == 0 with input.stack as {} with input.facts.today as "2026-11-21"
}
