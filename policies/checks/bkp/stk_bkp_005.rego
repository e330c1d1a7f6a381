# METADATA
# title: Backups at most hourly, kept at least until the next one
# description: >-
#   A Velero schedule that runs more often than hourly takes a full backup of every resource
#   (and, with volume snapshots, of every volume) each time: the API server, S3 and the
#   snapshot quota pay for it, and backups pile up faster than their TTL removes them. A
#   retention (spec.backups.retentionDays, the backups' TTL) shorter than the longest gap
#   between two runs leaves a window with no backup at all: each backup expires before the next
#   one exists. The gap is read from the cron fields (day-of-week, day-of-month and month
#   lists; @weekly, @monthly, @every), counting a month as up to 31 days.
# related_resources:
#   - ref: https://velero.io/docs/main/backup-reference/#schedule-a-backup
#     description: Velero, schedule a backup (--ttl, cron schedule)
#   - ref: https://pkg.go.dev/github.com/robfig/cron/v3
#     description: robfig/cron, the parser Velero uses
# custom:
#   id: STK-BKP-005
#   severity: warn
#   tags: [reliability, backups, cost]
#   remediation: >-
#     Run backups at most hourly (one minute value, such as "0 * * * *" or "0 3 * * *"), and
#     keep them longer than the longest gap between two runs (retentionDays at least the
#     schedule's interval in days).
#   scanners: {}
package stackc.checks.bkp.stk_bkp_005

import data.stackc.checks.bkp.stk_bkp_002

warn contains v if {
	input.stack.spec.backups.enabled == true
	schedule := input.stack.spec.backups.schedule
	parseable
	some d in too_frequent(trim_space(schedule))
	v := {"id": "STK-BKP-005", "path": ["spec", "backups", "schedule"], "data": object.union({"reason": "too-frequent", "schedule": schedule}, d)}
}

warn contains v if {
	input.stack.spec.backups.enabled == true
	schedule := input.stack.spec.backups.schedule
	retention := input.stack.spec.backups.retentionDays
	is_number(retention)
	parseable
	gap := interval_days(trim_space(schedule))
	retention < gap
	v := {
		"id": "STK-BKP-005",
		"path": ["spec", "backups", "retentionDays"],
		"data": {"reason": "retention", "schedule": schedule, "retentionDays": retention, "intervalDays": gap},
	}
}

# STK-BKP-002 reports schedules it cannot read; this rule judges only the ones it can.
parseable if {
	is_string(input.stack.spec.backups.schedule)
	every p in stk_bkp_002.schedule_problems {
		p.reason == "not-daily"
	}
}

too_frequent(s) := {{"minutes": m}} if {
	startswith(s, "@every ")
	m := stk_bkp_002.minutes(trim_prefix(s, "@every "))
	m < 60
} else := {{"runsPerHour": n}} if {
	not startswith(s, "@")
	n := count(expand(fields(s)[0], 0, 59))
	n > 1
} else := set()

fields(s) := stk_bkp_002.fields(s)

# The longest gap between two runs, in days (fractions for @every).
interval_days(s) := 7 if s == "@weekly"

else := 31 if s == "@monthly"

else := 366 if s in {"@annually", "@yearly"}

else := stk_bkp_002.minutes(trim_prefix(s, "@every ")) / 1440 if startswith(s, "@every ")

else := 1 if startswith(s, "@")

else := gap if {
	f := fields(s)
	gap := field_gap(f[2], f[3], f[4])
}

restricted(field) if not field in {"*", "*/1", "?"}

# Month restricted: whole months between runs. Day-of-month and day-of-week both restricted:
# robfig/cron runs on either, so the smaller gap. Otherwise the restricted one, else daily.
field_gap(dom, month, dow) := gap if {
	restricted(month)
	gap := max_gap({x | some m in expand(month, 1, 12); x := m - 1}, 12) * 31
} else := min([dom_gap(dom), dow_gap(dow)]) if {
	restricted(dom)
	restricted(dow)
} else := dom_gap(dom) if {
	restricted(dom)
} else := dow_gap(dow) if {
	restricted(dow)
} else := 1

dom_gap(dom) := max_gap({x | some d in expand(dom, 1, 31); x := d - 1}, 31)

dow_gap(dow) := max_gap({x | some d in expand(dow, 0, 7); x := d % 7}, 7)

# Largest distance between consecutive values of a set on a circle of `period` steps.
max_gap(values, period) := period if {
	count(values) == 1
} else := gap if {
	count(values) > 1
	s := sort(values)
	inner := [g | some i in numbers.range(0, count(s) - 2); g := s[i + 1] - s[i]]
	gap := max(array.concat(inner, [(s[0] + period) - s[count(s) - 1]]))
}

# The values a cron field selects: comma items of *, N, N-M or a name, each with an optional /step.
expand(field, lo, hi) := {n | some item in split(field, ","); some n in item_values(item, lo, hi)}

item_values(item, lo, hi) := {n |
	parts := split(item, "/")
	step := step_of(parts)
	ends := range_of(parts[0], lo, hi, count(parts) == 2)
	some n in numbers.range(ends[0], ends[1])
	(n - ends[0]) % step == 0
}

step_of(parts) := to_number(parts[1]) if count(parts) == 2

else := 1

range_of("*", lo, hi, _) := [lo, hi]

range_of(base, _, _, _) := [value(ends[0]), value(ends[1])] if {
	base != "*"
	ends := split(base, "-")
	count(ends) == 2
}

range_of(base, _, hi, true) := [value(base), hi] if {
	base != "*"
	not contains(base, "-")
}

range_of(base, _, _, false) := [value(base), value(base)] if {
	base != "*"
	not contains(base, "-")
}

names := {
	"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
	"SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6,
}

value(e) := names[upper(e)] if upper(e) in object.keys(names)

else := to_number(e)
