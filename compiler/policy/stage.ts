// The policy stage of the pipeline (PolicyStage, policy/stage-types.ts): for each stack, build
// the policy input from the model, the emitters' artifacts and the facts, evaluate the catalog
// on its view of it (one wasm call, catalog/input-view.ts) and any user policies on all of it, turn findings into located diagnostics through the
// stack's source map, and apply the stack's waivers. Time comes only from `now`.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { toPointer } from "../load/pointer.js";
import type { SourceMap } from "../load/source-map.js";
import type { PolicyStage } from "./stage-types.js";
import { type Locate, resultsToDiagnostics } from "./catalog/diagnostics.js";
import { catalogInput } from "./catalog/input-view.js";
import { type PolicyEngine, createPolicyEngine } from "./engine/evaluate.js";
import { policyFacts } from "./facts.js";
import { diag } from "../diagnostics/codes.js";
import { SECRET_RULES } from "../diagnostics/mask-secrets.js";
import { type PolicyInput, buildNetworkPolicyInput, buildPolicyInput } from "./input.js";
import { MAX_POLICY_INPUT_NODES, countValues, isOutOfMemory } from "./engine/input-limit.js";
import type { StackModel } from "../model/model.js";
import { type KubernetesFacts, kubernetesFacts } from "./catalog/kubernetes-versions.js";
import { type RuleMeta, loadRules } from "./catalog/rules.js";
import { defaultBundleDir } from "./engine/bundle.js";
import { type UserPolicy, evaluateUserPolicies } from "./user/user-policies.js";
import { applyWaivers, readWaivers } from "./waivers/waivers.js";

export interface PolicyStageOptions {
  /** The time of the run (default: the clock, read once when the stage is created). */
  now?: Date;
  /** User policies (--policy), already compiled: see loadUserPolicies. */
  extraPolicies?: readonly UserPolicy[];
  /** A catalog bundle other than the shipped policies/bundle. */
  bundleDir?: string;
  /** Reads the bundle and catalog (default: the node file system). */
  io?: Io;
  /** An engine to reuse (tests); default one per stage. */
  engine?: PolicyEngine;
  /** Supported Kubernetes versions (default: the data shipped with stackc). */
  kubernetes?: KubernetesFacts;
  /** Sees every policy input as it is evaluated (`check --dump-policy-input`). */
  /** Called with the stack (or network) the input is of: its name keys the dump file. */
  onInput?: (unit: { name: string }, input: PolicyInput) => void;
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
  const io = options.io ?? nodeIo;
  const engine = options.engine ?? createPolicyEngine({ bundleDir, io });
  const rules = loadRules(bundleDir, io);
  const extra = options.extraPolicies ?? [];
  // user policy codes are waivable like catalog rules
  const ids = new Set([...rules.map((r) => r.id), ...extra.flatMap((p) => p.entrypoints.map((e) => e.code))]);
  const now = options.now ?? new Date();
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
        results = engine.evaluate(catalogInput(input));
      } catch (err) {
        if (!isOutOfMemory(err)) throw err;
        return tooLarge("evaluating it exhausted the engine's memory");
      }
      // the input of a stack with a plaintext secret is never handed out (--dump-policy-input
      // would write the secret to disk)
      if (!results.deny.some((r) => SECRET_RULES.has(r.id))) options.onInput?.(model, input);
      const catalog = resultsToDiagnostics(results, rules, locate);
      const user = evaluateUserPolicies(extra, input, locate, model.file);
      return applyWaivers([...catalog, ...user], readWaivers(model.stack), {
        today: facts.today,
        rules: ids,
        locate: (pointer) => {
          const where = sourceMap.locate(pointer);
          return { file: where.file, range: where.range };
        },
      });
    },
    evaluateNetwork({ network, artifacts, sourceMap }): Diagnostic[] {
      const facts = policyFacts(network.environment, now, kubernetes);
      const input = buildNetworkPolicyInput(network, artifacts, facts);
      const locate = sourceMapLocate(sourceMap);
      const results = engine.evaluate(catalogInput(input));
      options.onInput?.(network, input);
      // only the rules that judge a network speak (the others find nothing to judge in its view,
      // and must not: a network has no cluster, add-ons or buckets of a stack)
      const catalog = resultsToDiagnostics(results, rules, locate).filter((d) => NETWORK_RULE.test(d.code));
      const user = evaluateUserPolicies(extra, input, locate, network.file);
      return applyWaivers([...catalog, ...user], readWaivers(network.manifest), {
        today: facts.today,
        rules: ids,
        locate: (pointer) => {
          const where = sourceMap.locate(pointer);
          return { file: where.file, range: where.range };
        },
      });
    },
  };
}

/** The catalog rules a Network manifest answers to: the network rules. */
const NETWORK_RULE = /^STK-NET-\d{3}$/;
