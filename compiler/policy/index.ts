// The policy gate's public API: load the compiled Rego bundle, evaluate it, turn its findings
// into diagnostics, and read the rule catalog.
export { PolicyError, toError } from "./errors.js";
export { type BuiltinImpl, type Builtins, type MemoryPages, type WasmPolicy, instantiatePolicy } from "./opa-wasm.js";
export { customBuiltins, semverCompare, semverIsValid } from "./builtins.js";
export { type PolicyBundle, FINDINGS_ENTRYPOINT, loadBundle } from "./bundle.js";
export {
  type PolicyEngine,
  type PolicyEngineOptions,
  type PolicyFacts,
  type PolicyInput,
  type PolicyResult,
  type PolicyResults,
  type SupportedKubernetes,
  DEFAULT_MEMORY,
  compareResults,
  createPolicyEngine,
  evaluatePolicies,
  parseFindings,
} from "./evaluate.js";
export { type MessageFormatter, formatPolicyMessage, policyMessages } from "./messages.js";
export { type Locate, type SourceLocation, resultsToDiagnostics } from "./diagnostics.js";
export { type RuleMeta, type RuleSeverity, defaultBundleDir, findRule, loadRules } from "./rules.js";
