// stackc bind: `terraform output -json` → out/<stack>/kops/cluster.yaml (library API).
export { bindKopsSpec, type BindInput, type BindResult } from "./bind.js";
export { readTerraformOutputs, type OutputValues, type ReadOutputsInput } from "./outputs.js";
export { jsonSyntaxError, type JsonSyntaxError } from "./json-syntax.js";
export { writeBoundFile } from "./write.js";
export { bindStack, type BindOptions, type BindRunResult } from "./run.js";
