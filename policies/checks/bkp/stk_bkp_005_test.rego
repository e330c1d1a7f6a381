package stackc.checks.bkp.stk_bkp_005_test

import data.stackc.checks.bkp.stk_bkp_005

stack(schedule, days) := {"spec": {"backups": {"enabled": true, "schedule": schedule, "retentionDays": days}}}

test_hourly_and_daily_pass if {
	every s in ["0 * * * *", "30 2 * * *", "0 */6 * * *", "@hourly", "@daily", "@every 1h", "@every 90m", "0 3 * * 1-5"] {
		count(stk_bkp_005.warn) == 0 with input.stack as stack(s, 7)
	}
}

test_more_than_hourly_warned if {
	stk_bkp_005.warn == {{
		"id": "STK-BKP-005",
		"path": ["spec", "backups", "schedule"],
		"data": {"reason": "too-frequent", "schedule": "*/15 * * * *", "runsPerHour": 4},
	}} with input.stack as stack("*/15 * * * *", 30)
}

test_every_minutes_warned if {
	stk_bkp_005.warn == {{
		"id": "STK-BKP-005",
		"path": ["spec", "backups", "schedule"],
		"data": {"reason": "too-frequent", "schedule": "@every 30m", "minutes": 30},
	}} with input.stack as stack("@every 30m", 30)
}

test_runs_per_hour_counted if {
	stk_bkp_005.too_frequent("* * * * *") == {{"runsPerHour": 60}}
	stk_bkp_005.too_frequent("0,30 * * * *") == {{"runsPerHour": 2}}
	stk_bkp_005.too_frequent("0-4 3 * * *") == {{"runsPerHour": 5}}
	stk_bkp_005.too_frequent("10-50/20 * * * *") == {{"runsPerHour": 3}}
	stk_bkp_005.too_frequent("5/30 * * * *") == {{"runsPerHour": 2}}
	stk_bkp_005.too_frequent("0 * * * *") == set()
}

test_retention_shorter_than_interval_warned if {
	stk_bkp_005.warn == {{
		"id": "STK-BKP-005",
		"path": ["spec", "backups", "retentionDays"],
		"data": {"reason": "retention", "schedule": "0 3 * * 0", "retentionDays": 5, "intervalDays": 7},
	}} with input.stack as stack("0 3 * * 0", 5)
}

# The longest gap for each kind of schedule.
test_intervals if {
	stk_bkp_005.interval_days("0 3 * * *") == 1
	stk_bkp_005.interval_days("0 3 * * 1-5") == 3
	stk_bkp_005.interval_days("0 3 * * MON,THU") == 4
	stk_bkp_005.interval_days("0 3 * * 7") == 7
	stk_bkp_005.interval_days("0 3 1,15 * *") == 17
	stk_bkp_005.interval_days("0 3 1 * *") == 31
	stk_bkp_005.interval_days("0 3 1 * MON") == 7
	stk_bkp_005.interval_days("0 3 1 */3 *") == 93
	stk_bkp_005.interval_days("0 3 1 JAN *") == 372
	stk_bkp_005.interval_days("@weekly") == 7
	stk_bkp_005.interval_days("@monthly") == 31
	stk_bkp_005.interval_days("@yearly") == 366
	stk_bkp_005.interval_days("@every 48h") == 2
	stk_bkp_005.interval_days("@midnight") == 1
}

test_long_enough_retention_passes if {
	count(stk_bkp_005.warn) == 0 with input.stack as stack("0 3 * * 0", 7)
	count(stk_bkp_005.warn) == 0 with input.stack as stack("@monthly", 31)
}

# Disabled backups, unreadable schedules (STK-BKP-002's) and odd retention values: not judged.
test_not_judged if {
	count(stk_bkp_005.warn) == 0 with input.stack as {"spec": {"backups": {"enabled": false, "schedule": "* * * * *", "retentionDays": 1}}}
	count(stk_bkp_005.warn) == 0 with input.stack as stack("*/15 * * *", 30)
	count(stk_bkp_005.warn) == 0 with input.stack as stack("61 * * * *", 30)
	count(stk_bkp_005.warn) == 0 with input.stack as stack(7, 30)
	count(stk_bkp_005.warn) == 0 with input.stack as stack("0 3 * * 0", "five")
}
