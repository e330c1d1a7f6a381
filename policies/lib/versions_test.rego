package stackc.lib.versions_test

import data.stackc.lib.versions

test_plain_releases if {
	versions.plain_release("1.2.3")
	versions.plain_release("v0.10.0")
	versions.plain_release("123456789012345.0.1")
	versions.valid("1.31.4")
}

# Not plain: left to semver.is_valid, whose answer stands.
test_others_go_to_semver if {
	not versions.plain_release("1.2.3-rc.1")
	versions.valid("1.2.3-rc.1")
	versions.valid("1.2.3+build.5")
	not versions.plain_release("1234567890123456.0.1")
	not versions.plain_release("vv1.2.3")
	not versions.valid("vv1.2.3")
	not versions.valid("01.2.3")
	not versions.valid("1.2")
	not versions.valid("1..3")
	not versions.valid(" 1.2.3")
	not versions.valid("1.2.x")
	not versions.valid(3)
}
