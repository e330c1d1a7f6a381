// stackc bind: `terraform output -json` → out/<stack>/kops/cluster.yaml (the pure part; api/bind.ts reads, compiles and writes).
export { bindKopsSpec, type BindInput, type BindResult } from "./bind.js";
export { readTerraformOutputs, type OutputValues, type ReadOutputsInput } from "./outputs.js";
export { jsonSyntaxError, type JsonSyntaxError } from "./json-syntax.js";
