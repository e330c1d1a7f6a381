package stackc.lib.dates_test

import data.stackc.lib.dates

test_epoch if dates.days("1970-01-01") == 0

test_known_days if {
	dates.days("2000-03-01") == 11017
	dates.days("2026-06-01") == 20605
	dates.days("1969-12-31") == -1
}

# Leap years: 2024-02-29 exists, 2100 is not a leap year, 2000 is.
test_leap_years if {
	dates.days("2024-03-01") - dates.days("2024-02-28") == 2
	dates.days("2100-03-01") - dates.days("2100-02-28") == 1
	dates.days("2000-03-01") - dates.days("2000-02-28") == 2
	dates.days("2027-01-01") - dates.days("2026-01-01") == 365
}

test_malformed_is_undefined if {
	not dates.days("2026-13-01")
	not dates.days("2026-00-10")
	not dates.days("2026-01-32")
	not dates.days("2026-1-1")
	not dates.days(20260101)
}

test_days_until if {
	dates.days_until("2026-06-11") == 10 with input.facts.today as "2026-06-01"
	dates.days_until("2026-05-31") == -1 with input.facts.today as "2026-06-01"
}
