package stackc.checks.bkp.stk_bkp_004_test

import data.stackc.checks.bkp.stk_bkp_004

inp(env, backups) := {"facts": {"environment": env}, "stack": {"spec": {"cloud": {"region": "eu-west-1"}, "backups": backups}}}

test_replicated_passes if {
	count(stk_bkp_004.warn) == 0 with input as inp("prod", {"enabled": true, "replicaRegion": "eu-central-1"})
}

test_not_replicated_warned_in_prod if {
	stk_bkp_004.warn == {{
		"id": "STK-BKP-004",
		"path": ["spec", "backups", "replicaRegion"],
		"data": {"reason": "none", "region": "eu-west-1"},
	}} with input as inp("prod", {"enabled": true})
}

test_same_region_warned if {
	{v.data.reason | some v in stk_bkp_004.warn} == {"same-region"} with input as inp("prod", {"enabled": true, "replicaRegion": "eu-west-1"})
}

test_silent_outside_prod_or_without_backups if {
	count(stk_bkp_004.warn) == 0 with input as inp("staging", {"enabled": true})
	count(stk_bkp_004.warn) == 0 with input as inp("prod", {"enabled": false})
}
