# METADATA
# title: SemVer validity without a host call for plain releases
# description: >-
#   semver.is_valid is a host call in wasm: its argument and answer cross as JSON, several µs
#   each, and a stack asks it for every chart and add-on version. A plain release
#   MAJOR.MINOR.PATCH (one optional leading v, no leading zeros) is answered here; anything
#   else still goes to semver.is_valid, so the answers are the host's (and OPA's in `opa test`).
package stackc.lib.versions

# `v` is valid SemVer 2.0.0 (what semver.is_valid says).
valid(v) if plain_release(v)

valid(v) if {
	not plain_release(v)
	semver.is_valid(v)
}

# At most 15 digits per part: stackc's host semver refuses numbers above 2^53 - 1 (16 digits),
# so longer ones are left to it.
plain_release(v) if {
	is_string(v)
	parts := split(trim_prefix(v, "v"), ".")
	count(parts) == 3
	every part in parts {
		number(part)
	}
}

number("0")

number(part) if {
	part != ""
	count(part) <= 15
	not startswith(part, "0")
	trim(part, "0123456789") == ""
}
