# METADATA
# title: Waivers end within the allowed time
# description: >-
#   A waiver (spec.policy.waivers) accepts a finding until its expires date, so a rule's
#   finding comes back for review. A waiver that runs for years is a permanent exception that
#   nobody reviews again. Its expiry may be at most spec.policy.maxWaiverDays days after today
#   (default 365; set it once in the organisation's base manifest). Expired waivers are
#   STK-POLICY-001's finding. This rule cannot itself be waived.
# related_resources:
#   - ref: https://github.com/stackc-dev/stackc/blob/main/docs/policies.md#waivers
#     description: stackc policy catalog, waivers
# custom:
#   id: STK-WAIVER-001
#   severity: deny
#   tags: [governance, waivers]
#   remediation: >-
#     Bring the expires date within spec.policy.maxWaiverDays of today, and renew the waiver
#     with a fresh reason when it ends.
#   scanners: {}
package stackc.checks.waiver.stk_waiver_001

import data.stackc.lib.dates

default_maximum := 365

maximum := m if {
	m := input.stack.spec.policy.maxWaiverDays
	is_number(m)
} else := default_maximum

deny contains v if {
	some i, w in input.stack.spec.policy.waivers
	days := dates.days_until(w.expires)
	days > maximum
	v := {
		"id": "STK-WAIVER-001",
		"path": ["spec", "policy", "waivers", i, "expires"],
		"data": {"rule": object.get(w, "rule", ""), "expires": w.expires, "days": days, "maximum": maximum, "today": input.facts.today},
	}
}
