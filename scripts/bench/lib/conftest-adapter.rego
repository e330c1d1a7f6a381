# conftest wants deny/warn results that are strings or objects with a string "msg"; stackc's
# catalog returns {id, path, data} objects (messages are formatted in TypeScript). This adapter
# only renames: every finding of data.stackc.main, one conftest result each, so conftest
# evaluates exactly stackc's Rego over the same inputs (`--namespace stackc.conftest`).
package stackc.conftest

deny contains {"msg": sprintf("%s %s", [f.id, concat("/", [sprintf("%v", [p]) | some p in f.path])])} if some f in data.stackc.main.deny

warn contains {"msg": sprintf("%s %s", [f.id, concat("/", [sprintf("%v", [p]) | some p in f.path])])} if some f in data.stackc.main.warn
