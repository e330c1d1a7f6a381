package stackc.checks.bkp.stk_bkp_002_test

import data.stackc.checks.bkp.stk_bkp_002

inp(schedule) := {"stack": {"spec": {"backups": {"enabled": true, "schedule": schedule}}}}

found(schedule) := r if {
	r := {v.data | some v in stk_bkp_002.deny} with input as inp(schedule)
}

test_daily_or_more_passes if {
	every s in ["0 3 * * *", "*/15 * * * *", "0 0,12 * * *", "30 2-4 * * */1", "  0 3 * * *  ", "@daily", "@midnight", "@hourly", "@every 6h", "@every 90m", "@every 24h", "0 3 */1 * *"] {
		count(stk_bkp_002.deny) == 0 with input as inp(s)
	}
}

test_disabled_backups_not_checked if {
	count(stk_bkp_002.deny) == 0 with input as {"stack": {"spec": {"backups": {"enabled": false, "schedule": "nope"}}}}
}

test_finding_shape if {
	stk_bkp_002.deny == {{
		"id": "STK-BKP-002",
		"path": ["spec", "backups", "schedule"],
		"data": {"schedule": "0 3 * * 0", "reason": "not-daily"},
	}} with input as inp("0 3 * * 0")
}

test_not_daily if {
	every s in ["0 3 1 * *", "0 3 * 1 *", "0 3 * * MON", "@weekly", "@monthly", "@every 25h", "@every 2000m"] {
		found(s) == {{"schedule": s, "reason": "not-daily"}}
	}
}

test_field_count if {
	found("0 3 * *") == {{"schedule": "0 3 * *", "reason": "fields", "count": 4}}
	found("0 0 3 * * *") == {{"schedule": "0 0 3 * * *", "reason": "fields", "count": 6}}
}

test_syntax_names_the_field if {
	found("60 3 * * *") == {{"schedule": "60 3 * * *", "reason": "syntax", "field": "minute"}}
	found("0 24 * * *") == {{"schedule": "0 24 * * *", "reason": "syntax", "field": "hour"}}
	found("0 3 0 * *") == {{"schedule": "0 3 0 * *", "reason": "syntax", "field": "day-of-month"}}
	found("0 3 * FOO *") == {{"schedule": "0 3 * FOO *", "reason": "syntax", "field": "month"}}
	found("0 3 * * 8") == {{"schedule": "0 3 * * 8", "reason": "syntax", "field": "day-of-week"}}
	found("*/0 3 * * *") == {{"schedule": "*/0 3 * * *", "reason": "syntax", "field": "minute"}}
	found("1-2-3 3 * * *") == {{"schedule": "1-2-3 3 * * *", "reason": "syntax", "field": "minute"}}
	found("0/5/2 3 * * *") == {{"schedule": "0/5/2 3 * * *", "reason": "syntax", "field": "minute"}}
	found("MON 3 * * *") == {{"schedule": "MON 3 * * *", "reason": "syntax", "field": "minute"}}
	found("@often") == {{"schedule": "@often", "reason": "syntax", "field": "macro"}}
	found("@every 1d") == {{"schedule": "@every 1d", "reason": "syntax", "field": "macro"}}
	found(7) == {{"schedule": 7, "reason": "not-a-string"}}
}
