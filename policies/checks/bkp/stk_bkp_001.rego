# METADATA
# title: Backups enabled in prod
# description: >-
#   A production cluster needs a cluster backup tool on a schedule (spec.backups: Velero
#   backing up every namespace to the backup bucket) in addition to the etcd backups kops
#   always takes. When the Helmfile artifact is available it must also hold an installed
#   Velero release with at least one schedule that has a ttl and is not paused. Denied in
#   prod, a warning elsewhere.
# related_resources:
#   - ref: https://velero.io/docs/main/backup-reference/#schedule-a-backup
#     description: Velero, schedule a backup
#   - ref: https://kops.sigs.k8s.io/operations/etcd_backup_restore_encryption/
#     description: kops, etcd backups
# custom:
#   id: STK-BKP-001
#   severity: deny(prod)
#   tags: [reliability, backups, disaster-recovery]
#   remediation: >-
#     Set spec.backups: { enabled: true, bucket: <org>-<stack>-velero } and add
#     spec.addons.velero with a pinned version.
#   scanners: {}
package stackc.checks.bkp.stk_bkp_001

import data.stackc.lib.env

findings contains v if {
	input.stack.spec.backups.enabled == false
	v := {"id": "STK-BKP-001", "path": ["spec", "backups", "enabled"], "data": {"reason": "disabled"}}
}

# Defence in depth: enabled, yet the emitted Helmfile schedules no backup.
findings contains v if {
	input.stack.spec.backups.enabled == true
	is_object(input.artifacts.helmfile)
	not scheduled
	v := {"id": "STK-BKP-001", "path": ["spec", "backups"], "data": {"reason": "not-scheduled"}}
}

scheduled if {
	some r in input.artifacts.helmfile.releases
	r.addon == "velero"
	r.source == "addon"
	r.installed == true
	some schedule in r.values.schedules
	is_string(schedule.schedule)
	schedule.template.ttl
	not schedule.paused == true
}

deny contains v if {
	env.prod
	some v in findings
}

warn contains v if {
	not env.prod
	some v in findings
}
