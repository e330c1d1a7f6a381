# METADATA
# title: Backup retention at least 7 days (30 in prod), etcd backups included
# description: >-
#   Corruption, a bad migration or a deleted namespace is often noticed days later; backups
#   that expire sooner cannot restore it. Velero backups (spec.backups.retentionDays, when
#   backups are enabled) and the etcd-manager backups kops always takes
#   (spec.cluster.etcd.backupRetentionDays, kops default 90) must both be kept at least 7
#   days, 30 in prod.
# related_resources:
#   - ref: https://kops.sigs.k8s.io/operations/etcd_backup_restore_encryption/
#     description: kops, etcd backups (backupRetentionDays)
#   - ref: https://velero.io/docs/main/how-velero-works/#set-a-backup-to-expire
#     description: Velero, backup expiry (ttl)
# custom:
#   id: STK-BKP-003
#   severity: deny
#   tags: [reliability, backups, retention]
#   remediation: >-
#     Set spec.backups.retentionDays and spec.cluster.etcd.backupRetentionDays to at least 30
#     in prod (7 elsewhere).
#   scanners: {}
package stackc.checks.bkp.stk_bkp_003

import data.stackc.lib.env

minimum := 30 if env.prod

else := 7

deny contains v if {
	input.stack.spec.backups.enabled == true
	days := input.stack.spec.backups.retentionDays
	days < minimum
	v := {"id": "STK-BKP-003", "path": ["spec", "backups", "retentionDays"], "data": {"backup": "velero", "days": days, "minimum": minimum}}
}

deny contains v if {
	days := input.stack.spec.cluster.etcd.backupRetentionDays
	days < minimum
	v := {"id": "STK-BKP-003", "path": ["spec", "cluster", "etcd", "backupRetentionDays"], "data": {"backup": "etcd", "days": days, "minimum": minimum}}
}
