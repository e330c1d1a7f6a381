# METADATA
# title: Helm chart versions must be exact
# description: >-
#   Every Helm release (spec.charts[*].version and each add-on's version) must pin one exact
#   semantic version, MAJOR.MINOR.PATCH with optional -prerelease and +build, a leading v
#   allowed for charts such as cert-manager that tag that way. Helm reads the version as a
#   constraint, so empty, latest, *, 1.x, ^1.2.0, ~1.2.0, >=1.0.0, 1.0.0 || 2.0.0 and partial
#   versions like 1.2 resolve to whatever the repository holds on the day of the install.
# related_resources:
#   - ref: https://helm.sh/docs/topics/charts/#charts-and-versioning
#     description: Helm, charts and versioning
#   - ref: https://semver.org/spec/v2.0.0.html
#     description: Semantic Versioning 2.0.0
# custom:
#   id: STK-HELM-001
#   severity: deny
#   tags: [supply-chain, helm, reproducibility]
#   remediation: >-
#     Set version to the exact chart version you tested, e.g. 1.2.3 (helm search repo <repo>/<chart>
#     --versions lists them), and quote it in YAML.
#   scanners: {}
package stackc.checks.helm.stk_helm_001

import data.stackc.lib.versions

# Every pinned release: {name, source, version, path}. Charts without a version key are
# handled below; add-ons only when they carry a version (stackc pins the others itself).
releases contains r if {
	some i, chart in input.stack.spec.charts
	is_object(chart)
	"version" in object.keys(chart)
	r := {
		"name": object.get(chart, "name", unnamed(i)),
		"source": "charts",
		"version": chart.version,
		"path": ["spec", "charts", i, "version"],
	}
}

releases contains r if {
	some key, addon in input.stack.spec.addons
	is_object(addon)
	"version" in object.keys(addon)
	r := {"name": key, "source": "addons", "version": addon.version, "path": ["spec", "addons", key, "version"]}
}

# A chart without a name is the schema's problem; "#<index>" keeps the finding addressable.
unnamed(i) := concat("", ["#", format_int(i, 10)])

deny contains v if {
	some i, chart in input.stack.spec.charts
	is_object(chart) # a malformed entry is the schema's finding
	not "version" in object.keys(chart)
	v := {
		"id": "STK-HELM-001",
		"path": ["spec", "charts", i],
		"data": {"release": object.get(chart, "name", unnamed(i)), "source": "charts", "reason": "missing"},
	}
}

deny contains v if {
	some r in releases
	not exact(r.version)
	reason := problem(r.version)
	v := {
		"id": "STK-HELM-001",
		"path": r.path,
		"data": {"release": r.name, "source": r.source, "version": r.version, "reason": reason},
	}
}

# Exact: SemVer 2.0.0, MAJOR.MINOR.PATCH[-prerelease][+build], one optional leading v. This is
# the catalog's ^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ minus what SemVer forbids
# (leading zeros, empty identifiers). semver.is_valid is OPA's in `opa test` and stackc's
# (compiler/policy/engine/builtins.ts, same answers) in wasm; it is a host call, far cheaper there than
# compiling a regex on every evaluation, and lib/versions answers plain releases without it.
exact(version) if {
	is_string(version)
	versions.valid(version)
}

# Why a version that is not exact is not; the first matching reason wins.
problem(version) := "not-a-string" if {
	not is_string(version)
} else := "empty" if {
	trim_space(version) == ""
} else := "whitespace" if {
	# " 1.2.3": exact once trimmed, but Helm does not trim
	exact(trim_space(version))
} else := "range" if {
	# operators, wildcards (*, x, X), alternatives, hyphen ranges (which need spaces)
	regex.match(`[\s*^~<>=|,]|(^|\.)[xX](\.|$)`, version)
} else := "keyword" if {
	# latest, stable, master, …: a moving tag, not a version
	regex.match(`^[A-Za-z][A-Za-z_-]*$`, version)
} else := "partial" if {
	# 1 or 1.2: Helm treats a partial version as a range over the missing parts
	regex.match(`^v?\d+(\.\d+)?$`, version)
} else := "invalid"
