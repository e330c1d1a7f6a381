# METADATA
# title: JSON Pointers as manifest paths
# description: >-
#   The Helmfile artifact names each release's manifest entry by a JSON Pointer
#   ("/spec/charts/0"); findings carry paths (["spec", "charts", 0]).
package stackc.lib.pointer

# "/spec/charts/0" → ["spec", "charts", 0].
path(pointer) := [segment(s) | some s in array.slice(split(pointer, "/"), 1, count(split(pointer, "/")))]

# An array index (what ^(0|[1-9][0-9]*)$ matches) becomes a number. Not a regex: wasm compiles
# every pattern again in each evaluation.
segment(s) := to_number(s) if index(s)

else := s

index("0")

index(s) if {
	s != ""
	not startswith(s, "0")
	trim(s, "0123456789") == ""
}
