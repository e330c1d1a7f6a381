# METADATA
# title: Prod backup bucket replicated to another region
# description: >-
#   Backups in the same region (and account) as the cluster are lost with it: a regional
#   outage or a compromised account takes both. In prod, spec.backups.replicaRegion should
#   name another region; stackc then replicates the backup bucket there. A warning in prod,
#   not reported elsewhere.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html
#     description: Amazon S3 replication
# custom:
#   id: STK-BKP-004
#   severity: warn(prod)
#   tags: [reliability, backups, disaster-recovery, s3]
#   remediation: >-
#     Set spec.backups.replicaRegion to another region, for example eu-central-1 for a stack in
#     eu-west-1.
#   scanners:
#     checkov: [CKV_AWS_144]
package stackc.checks.bkp.stk_bkp_004

import data.stackc.lib.env

warn contains v if {
	env.prod
	input.stack.spec.backups.enabled == true
	reason := problem(object.get(input.stack, ["spec", "backups", "replicaRegion"], null))
	v := {
		"id": "STK-BKP-004",
		"path": ["spec", "backups", "replicaRegion"],
		"data": {"reason": reason, "region": input.stack.spec.cloud.region},
	}
}

problem(null) := "none"

problem(r) := "same-region" if r == input.stack.spec.cloud.region
