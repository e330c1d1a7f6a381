// `stackc explain` as a function: a policy rule (from the shipped catalog) or a diagnostic code.
import { codes } from "../diagnostics/codes.js";
import type { Io } from "../io/io.js";
import { type Explanation, findExplanation } from "../policy/catalog/explain.js";
import { loadRules } from "../policy/catalog/rules.js";
import { defaultBundleDir } from "../policy/engine/bundle.js";
import { didYouMean } from "../util/did-you-mean.js";

export interface ExplainOptions {
  /** Reads the rule catalog (default: nodeIo). */
  io?: Io;
}

export interface ExplainResult {
  /** Absent when the id is neither a rule nor a code. */
  explanation?: Explanation;
  /** The closest known id, when the id is unknown and something is close. */
  suggestion?: string;
}

export function explain(id: string, options: ExplainOptions = {}): ExplainResult {
  const rules = loadRules(defaultBundleDir(), ...(options.io ? [options.io] : []));
  const explanation = findExplanation(id, rules, codes);
  if (explanation) return { explanation };
  const suggestion = didYouMean(id.toUpperCase(), [...rules.map((r) => r.id), ...codes.keys()]);
  return suggestion ? { suggestion } : {};
}
