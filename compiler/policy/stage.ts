// The policy stage of the pipeline (PolicyStage in compiler/pipeline.ts): for each stack, build
// the policy input from the model, the emitters' artifacts and the facts, evaluate the catalog
// (one wasm call) and any user policies, turn findings into located diagnostics through the
// stack's source map, and apply the stack's waivers. Time comes only from `now`.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { toPointer } from "../load/pointer.js";
import type { SourceMap } from "../load/source-map.js";
import type { PolicyStage } from "../pipeline.js";
import { type Locate, resultsToDiagnostics } from "./diagnostics.js";
import { type PolicyEngine, createPolicyEngine } from "./evaluate.js";
import { policyFacts } from "./facts.js";
import { diag } from "../diagnostics/codes.js";
import { SECRET_RULES } from "../diagnostics/mask-secrets.js";
import { type PolicyInput, buildPolicyInput } from "./input.js";
import { MAX_POLICY_INPUT_NODES, countValues, isOutOfMemory } from "./input-limit.js";
import type { StackModel } from "../normalize/model.js";
import { type KubernetesFacts, kubernetesFacts } from "./kubernetes-versions.js";
import { type RuleMeta, defaultBundleDir, loadRules } from "./rules.js";
import { type UserPolicy, evaluateUserPolicies } from "./user-policies.js";
import { applyWaivers, readWaivers } from "./waivers.js";

export interface PolicyStageOptions {
  /** The time of the run (default: the clock, read once when the stage is created). */
  now?: Date;
  /** User policies (--policy), already compiled: see loadUserPolicies. */
  extraPolicies?: readonly UserPolicy[];
  /** A catalog bundle other than the shipped policies/bundle. */
  bundleDir?: string;
  /** An engine to reuse (tests); default one per stage. */
  engine?: PolicyEngine;
  /** Supported Kubernetes versions (default: the data shipped with stackc). */
  kubernetes?: KubernetesFacts;
  /** Sees every policy input as it is evaluated (`check --dump-policy-input`). */
  onInput?: (model: StackModel, input: PolicyInput) => void;
}

export interface CatalogPolicyStage extends PolicyStage {
  /** The rule catalog the stage evaluates (for reporters, explain). */
  readonly rules: readonly RuleMeta[];
  /** The time every evaluation uses. */
  readonly now: Date;
}

/** Located through the stack's source map; a path with no node falls back to its nearest ancestor. */
export function sourceMapLocate(sourceMap: SourceMap): Locate {
  return (path) => {
    const where = sourceMap.locate(toPointer(path));
    return { file: where.file, range: where.range, pointer: where.pointer };
  };
}

export function createPolicyStage(options: PolicyStageOptions = {}): CatalogPolicyStage {
  const bundleDir = options.bundleDir ?? defaultBundleDir();
  const engine = options.engine ?? createPolicyEngine({ bundleDir });
  const rules = loadRules(bundleDir);
  const ids = new Set(rules.map((r) => r.id));
  const now = options.now ?? new Date();
  const extra = options.extraPolicies ?? [];
  const kubernetes = options.kubernetes ?? kubernetesFacts;
  return {
    rules,
    now,
    evaluate({ model, artifacts, sourceMap }): Diagnostic[] {
      const facts = policyFacts(model.environment, now, kubernetes);
      const input = buildPolicyInput(model, artifacts, facts);
      const locate = sourceMapLocate(sourceMap);
      const tooLarge = (detail: string) => [
        diag("STK-LIMIT-005", `${model.file} is too large for the policy engine: ${detail}`, {
          file: model.file,
          hint: "Large inline chart values are the usual cause; keep the manifest's values to what the stack needs",
        }),
      ];
      const values = countValues(input);
      if (values > MAX_POLICY_INPUT_NODES) return tooLarge(`with its artifacts it has more than ${MAX_POLICY_INPUT_NODES} values`);
      let results;
      try {
        results = engine.evaluate(input);
      } catch (err) {
        if (!isOutOfMemory(err)) throw err;
        return tooLarge("evaluating it exhausted the engine's memory");
      }
      // the input of a stack with a plaintext secret is never handed out (--dump-policy-input
      // would write the secret to disk)
      if (!results.deny.some((r) => SECRET_RULES.has(r.id))) options.onInput?.(model, input);
      const catalog = resultsToDiagnostics(results, rules, locate);
      const user = evaluateUserPolicies(extra, input, locate, model.file);
      const waived = applyWaivers(catalog, readWaivers(model.stack), {
        today: facts.today,
        rules: ids,
        locate: (pointer) => {
          const where = sourceMap.locate(pointer);
          return { file: where.file, range: where.range };
        },
      });
      return [...waived, ...user];
    },
  };
}
