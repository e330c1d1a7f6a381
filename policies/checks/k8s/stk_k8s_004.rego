# METADATA
# title: Kubernetes version inside the supported window, and not near end of life
# description: >-
#   The pinned kops release supports a window of Kubernetes versions (kops 1.36: at least
#   1.31.0 and below 1.37.0; below 1.33.0 it warns that the version is deprecated). A version
#   outside the window is refused by kops or gets no fixes, so it is denied. Inside the
#   window, a warning is given below the recommended minimum, within 60 days of the minor's
#   upstream end of life, and after it. The window and the end-of-life dates are facts shipped
#   with stackc (compiler/policy/catalog/kubernetes-versions.ts), passed in input.facts.kubernetes;
#   the date comes from input.facts.today.
# related_resources:
#   - ref: https://kubernetes.io/releases/
#     description: Kubernetes releases and end-of-life dates
#   - ref: https://kops.sigs.k8s.io/welcome/releases/
#     description: kops releases and supported Kubernetes versions
# custom:
#   id: STK-K8S-004
#   severity: deny
#   security_severity: "5.0"
#   tags: [security, kubernetes, versions, lifecycle]
#   remediation: >-
#     Upgrade spec.cluster.kubernetesVersion one minor at a time to a supported release (see
#     stackc explain STK-K8S-004 for the window and end-of-life dates).
#   scanners:
#     checkov: []
package stackc.checks.k8s.stk_k8s_004

import data.stackc.lib.dates
import data.stackc.lib.versions

version := input.stack.spec.cluster.kubernetesVersion

k := input.facts.kubernetes

path := ["spec", "cluster", "kubernetesVersion"]

# MAJOR.MINOR of an exact version; STK-K8S-003 reports anything else.
minor := concat(".", array.slice(split(trim_prefix(version, "v"), "."), 0, 2)) if versions.valid(version)

# The version against the window's ends, each compared once per evaluation (a host call).
vs_min := semver.compare(version, k.min)

vs_max := semver.compare(version, k.max)

base := {"version": version, "minor": minor, "min": k.min, "max": k.max}

deny contains v if {
	vs_min < 0
	v := {"id": "STK-K8S-004", "path": path, "data": object.union(base, {"reason": "too-old"})}
}

deny contains v if {
	vs_max >= 0
	v := {"id": "STK-K8S-004", "path": path, "data": object.union(base, {"reason": "too-new"})}
}

supported if {
	vs_min >= 0
	vs_max < 0
}

warn contains v if {
	supported
	semver.compare(version, k.recommendedMin) < 0
	v := {"id": "STK-K8S-004", "path": path, "data": object.union(base, {"reason": "deprecated", "recommendedMin": k.recommendedMin})}
}

warn contains v if {
	supported
	eol := k.endOfLife[minor]
	left := dates.days_until(eol)
	left <= k.eolWarningDays
	reason := eol_reason(left)
	v := {"id": "STK-K8S-004", "path": path, "data": object.union(base, {"reason": reason, "endOfLife": eol, "daysLeft": left})}
}

eol_reason(left) := "end-of-life-soon" if left >= 0

else := "end-of-life"
