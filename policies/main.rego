# METADATA
# title: stackc policy entrypoints
# description: >-
#   Collects the findings of every check package under data.stackc.checks. The wasm bundle
#   exports deny, warn and findings; stackc evaluates findings (one call per stack).
package stackc.main

# Every deny finding of every check (a set of {id, path, data} objects).
deny contains v if some v in data.stackc.checks[_][_].deny

# Every warn finding of every check.
warn contains v if some v in data.stackc.checks[_][_].warn

# Both sets at once: one evaluation copies the input into wasm memory once, not twice.
findings := {"deny": deny, "warn": warn}
