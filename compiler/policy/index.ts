// stackc/policy — the policy gate's public API, by what each part does:
//   engine/   load the compiled Rego bundle and evaluate it (opa-wasm, host builtins);
//   catalog/  the rule catalog (rules.json), messages, findings → diagnostics, explain, docs;
//   waivers/  spec.policy.waivers applied to a stack's findings;
//   user/     user policies (--policy): conftest-style Rego compiled with opa, or prebuilt bundles;
//   input.ts, facts.ts, stage.ts: the input the policies see and the pipeline stage.
export { PolicyError, toError } from "./engine/errors.js";
export { type BuiltinImpl, type Builtins, type MemoryPages, type WasmModule, type WasmPolicy, instantiatePolicy } from "./engine/opa-wasm.js";
export { customBuiltins, semverCompare, semverIsValid } from "./engine/builtins.js";
export { type PolicyBundle, FINDINGS_ENTRYPOINT, defaultBundleDir, loadBundle } from "./engine/bundle.js";
export {
  type PolicyEngine,
  type PolicyEngineOptions,
  type PolicyResult,
  type PolicyResults,
  type EngineInput,
  DEFAULT_MEMORY,
  compareResults,
  createPolicyEngine,
  evaluatePolicies,
  parseFindings,
} from "./engine/evaluate.js";
export { type PolicyFacts, parseNow, policyFacts } from "./facts.js";
export { type PolicyInput, type PolicyModelView, buildPolicyInput, modelView, pointerToPath } from "./input.js";
export { CATALOG_ARTIFACT_PARTS, CATALOG_TERRAFORM_TYPES, catalogInput } from "./catalog/input-view.js";
export { type KubernetesFacts, kubernetesFacts, kubernetesFactsSource } from "./catalog/kubernetes-versions.js";
export { type MessageFormatter, formatPolicyMessage, policyMessages } from "./catalog/messages.js";
export { type Locate, type SourceLocation, resultsToDiagnostics } from "./catalog/diagnostics.js";
export { type RuleMeta, type RuleSeverity, findRule, loadRules } from "./catalog/rules.js";
export { type Waiver, applyWaivers, readWaivers } from "./waivers/waivers.js";
export { type CatalogPolicyStage, type PolicyStageOptions, createPolicyStage, sourceMapLocate } from "./stage.js";
export type { PolicyStage } from "./stage-types.js";
export {
  type UserEntrypoint,
  type UserPolicy,
  type LoadUserPoliciesOptions,
  USER_RULE,
  UserPolicyError,
  declaredRules,
  evaluateUserPolicies,
  loadUserPolicies,
  userCode,
} from "./user/user-policies.js";
export { explainText, explainJson, findExplanation, type Explanation } from "./catalog/explain.js";
export { renderPoliciesDoc } from "./catalog/docs.js";
