package stackc.checks.bkp.stk_bkp_001_test

import data.stackc.checks.bkp.stk_bkp_001

inp(env, enabled) := {"facts": {"environment": env}, "stack": {"spec": {"backups": {"enabled": enabled}}}}

velero(schedules) := {"helmfile": {"releases": [{"addon": "velero", "source": "addon", "installed": true, "values": {"schedules": schedules}}]}}

good_schedule := {"cluster": {"schedule": "0 3 * * *", "template": {"ttl": "720h0m0s"}}}

test_enabled_passes if {
	count(stk_bkp_001.deny) == 0 with input as inp("prod", true)
	count(stk_bkp_001.deny) == 0 with input as object.union(inp("prod", true), {"artifacts": velero(good_schedule)})
}

test_disabled_denied_in_prod if {
	stk_bkp_001.deny == {{"id": "STK-BKP-001", "path": ["spec", "backups", "enabled"], "data": {"reason": "disabled"}}} with input as inp("prod", false)
}

test_disabled_warned_in_dev if {
	count(stk_bkp_001.warn) == 1 with input as inp("dev", false)
	count(stk_bkp_001.deny) == 0 with input as inp("dev", false)
}

test_not_scheduled_in_artifact if {
	stk_bkp_001.deny == {{"id": "STK-BKP-001", "path": ["spec", "backups"], "data": {"reason": "not-scheduled"}}} with input as object.union(inp("prod", true), {"artifacts": velero({})})
	count(stk_bkp_001.deny) == 1 with input as object.union(inp("prod", true), {"artifacts": velero({"c": object.union(good_schedule.cluster, {"paused": true})})})
	count(stk_bkp_001.deny) == 1 with input as object.union(inp("prod", true), {"artifacts": {"helmfile": {"releases": []}}})
}
