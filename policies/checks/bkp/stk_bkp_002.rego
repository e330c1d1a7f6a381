# METADATA
# title: Backup schedule is a valid 5-field cron, at least daily
# description: >-
#   spec.backups.schedule must be a standard 5-field cron expression (minute hour
#   day-of-month month day-of-week, UTC) or one of @hourly, @daily, @midnight, @every <N>h|m
#   up to 24h, that runs at least once a day. A malformed schedule makes Velero's Schedule
#   fail validation, so no backup ever runs; a weekly or monthly one leaves up to that much
#   data unrecoverable.
# related_resources:
#   - ref: https://velero.io/docs/main/backup-reference/#schedule-a-backup
#     description: Velero, schedule a backup (cron syntax)
#   - ref: https://pkg.go.dev/github.com/robfig/cron/v3
#     description: robfig/cron, the parser Velero uses
# custom:
#   id: STK-BKP-002
#   severity: deny
#   tags: [reliability, backups]
#   remediation: >-
#     Use a daily (or more frequent) 5-field cron expression, for example "0 3 * * *" (03:00 UTC
#     every day).
#   scanners: {}
package stackc.checks.bkp.stk_bkp_002

deny contains v if {
	input.stack.spec.backups.enabled == true
	schedule := input.stack.spec.backups.schedule
	some p in schedule_problems
	v := {
		"id": "STK-BKP-002",
		"path": ["spec", "backups", "schedule"],
		"data": object.union({"schedule": schedule}, p),
	}
}

# The problems of the stack's schedule, computed once per evaluation (a rule is memoized, a
# function call is not): STK-BKP-005 asks for them too.
schedule_problems := problems(input.stack.spec.backups.schedule)

# Field bounds and whether names (JAN, MON) are allowed, in cron order.
bounds := [
	{"name": "minute", "min": 0, "max": 59, "names": false},
	{"name": "hour", "min": 0, "max": 23, "names": false},
	{"name": "day-of-month", "min": 1, "max": 31, "names": false},
	{"name": "month", "min": 1, "max": 12, "names": true},
	{"name": "day-of-week", "min": 0, "max": 7, "names": true},
]

fields(schedule) := [f | some f in split(trim_space(schedule), " "); f != ""]

problems(schedule) := {{"reason": "not-a-string"}} if {
	not is_string(schedule)
} else := macro_problems(trim_space(schedule)) if {
	startswith(trim_space(schedule), "@")
} else := {{"reason": "fields", "count": count(fields(schedule))}} if {
	count(fields(schedule)) != 5
} else := bad if {
	bad := {{"reason": "syntax", "field": bounds[i].name} | some i, f in fields(schedule); not valid_field(f, bounds[i])}
	count(bad) > 0
} else := {{"reason": "not-daily"}} if {
	f := fields(schedule)
	not every_day(f[2], f[3], f[4])
} else := set()

macro_problems(m) := set() if {
	m in {"@daily", "@midnight", "@hourly"}
} else := {{"reason": "not-daily"}} if {
	m in {"@weekly", "@monthly", "@yearly", "@annually"}
} else := every_problems(m) if {
	startswith(m, "@every ")
} else := {{"reason": "syntax", "field": "macro"}}

# @every <N>h or <N>m, at most a day apart.
every_problems(m) := set() if {
	regex.match(`^@every ([1-9][0-9]*)(h|m)$`, m)
	minutes(trim_prefix(m, "@every ")) <= 1440
} else := {{"reason": "not-daily"}} if {
	regex.match(`^@every ([1-9][0-9]*)(h|m)$`, m)
} else := {{"reason": "syntax", "field": "macro"}}

minutes(d) := to_number(trim_suffix(d, "h")) * 60 if endswith(d, "h")

else := to_number(trim_suffix(d, "m"))

every_day(dom, month, dow) if {
	dom in {"*", "*/1"}
	month in {"*", "*/1"}
	dow in {"*", "*/1"}
}

# A field is a comma list of items; each item is *, a value or a range, with an optional step.
valid_field(field, b) if {
	every item in split(field, ",") {
		valid_item(item, b)
	}
}

valid_item(item, b) if {
	parts := split(item, "/")
	count(parts) <= 2
	valid_base(parts[0], b)
	valid_step(parts)
}

valid_step(parts) if count(parts) == 1

valid_step(parts) if {
	count(parts) == 2
	positive_integer(parts[1])
}

# ^[1-9][0-9]*$, without a regex: wasm compiles every pattern again in each evaluation.
positive_integer(s) if {
	digits(s)
	not startswith(s, "0")
}

# Non-empty and ASCII digits only (trimming them as the cutset leaves nothing).
digits(s) if {
	s != ""
	trim(s, "0123456789") == ""
}

valid_base("*", _)

valid_base(base, b) if {
	base != "*"
	ends := split(base, "-")
	count(ends) <= 2
	every e in ends {
		valid_value(e, b)
	}
}

# ^[0-9]{1,2}$
valid_value(e, b) if {
	count(e) <= 2
	digits(e)
	to_number(e) >= b.min
	to_number(e) <= b.max
}

valid_value(e, b) if {
	b.names
	count(e) == 3
	trim(e, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == "" # ^[A-Za-z]{3}$
	upper(e) in {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}
}
