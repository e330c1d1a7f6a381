# METADATA
# title: Calendar dates without a clock
# description: >-
#   wasm has no time.* builtins, so dates are compared as day numbers computed with integer
#   arithmetic (days since 1970-01-01, proleptic Gregorian calendar, H. Hinnant's
#   days_from_civil). The host passes the current date in input.facts.today.
package stackc.lib.dates

# Day number of a "YYYY-MM-DD" string; undefined for anything else.
days(date) := n if {
	is_string(date)
	parts := split(date, "-")
	count(parts) == 3
	digits(parts[0], 4)
	digits(parts[1], 2)
	digits(parts[2], 2)
	y0 := to_number(parts[0])
	m := to_number(parts[1])
	d := to_number(parts[2])
	m >= 1
	m <= 12
	d >= 1
	d <= 31
	y := y0 - march_shift(m)
	era := floor(y / 400)
	yoe := y - (era * 400)
	mp := (m + 9) % 12
	doy := (floor(((153 * mp) + 2) / 5) + d) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	n := ((era * 146097) + doe) - 719468
}

# `s` is `n` ASCII digits (what \d{n} matches): trim with the digits as cutset leaves nothing.
# Not a regex: wasm compiles every pattern again in each evaluation.
digits(s, n) if {
	count(s) == n
	trim(s, "0123456789") == ""
}

# The year starts in March, so January and February count to the previous one.
march_shift(m) := 1 if m <= 2

else := 0

# Days from input.facts.today until date (negative once date has passed).
days_until(date) := days(date) - today

# Computed once per evaluation (a rule is memoized, a function call is not).
today := days(input.facts.today)
