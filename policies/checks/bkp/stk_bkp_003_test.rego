package stackc.checks.bkp.stk_bkp_003_test

import data.stackc.checks.bkp.stk_bkp_003

inp(env, enabled, velero, etcd) := {"facts": {"environment": env}, "stack": {"spec": {
	"backups": {"enabled": enabled, "retentionDays": velero},
	"cluster": {"etcd": {"backupRetentionDays": etcd}},
}}}

test_long_enough_passes if {
	count(stk_bkp_003.deny) == 0 with input as inp("prod", true, 30, 90)
	count(stk_bkp_003.deny) == 0 with input as inp("staging", true, 7, 7)
}

test_short_velero_retention_denied if {
	stk_bkp_003.deny == {{
		"id": "STK-BKP-003",
		"path": ["spec", "backups", "retentionDays"],
		"data": {"backup": "velero", "days": 14, "minimum": 30},
	}} with input as inp("prod", true, 14, 90)
	count(stk_bkp_003.deny) == 0 with input as inp("prod", false, 14, 90)
}

test_short_etcd_retention_denied if {
	stk_bkp_003.deny == {{
		"id": "STK-BKP-003",
		"path": ["spec", "cluster", "etcd", "backupRetentionDays"],
		"data": {"backup": "etcd", "days": 5, "minimum": 7},
	}} with input as inp("dev", false, 1, 5)
}
