package stackc.lib.pointer_test

import data.stackc.lib.pointer

test_path if {
	pointer.path("/spec/charts/10") == ["spec", "charts", 10]
	pointer.path("/spec/addons/velero") == ["spec", "addons", "velero"]
	pointer.path("/spec/charts/0") == ["spec", "charts", 0]
}

# Only canonical indexes become numbers, as ^(0|[1-9][0-9]*)$ decides.
test_segments if {
	pointer.segment("0") == 0
	pointer.segment("907") == 907
	pointer.segment("01") == "01"
	pointer.segment("") == ""
	pointer.segment("1a") == "1a"
	pointer.segment("-1") == "-1"
	pointer.segment("1.5") == "1.5"
}
