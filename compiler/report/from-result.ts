// A run's result as the CI reporters' input (SARIF, JUnit, GitHub annotations).
import type { CompileResult } from "../compile/compile.js";
import type { RuleMeta } from "../policy/catalog/rules.js";
import { stackcVersion } from "../version.js";
import type { ReportInput } from "./report-input.js";

/** Where SARIF viewers link the tool. */
export const STACKC_URI = "https://stackc.dev";

export function reportInput(result: Pick<CompileResult, "diagnostics" | "stacks">, rules: readonly RuleMeta[]): ReportInput {
  return {
    diagnostics: result.diagnostics,
    stacks: result.stacks.map((s) => ({ name: s.name ?? s.file, file: s.file })),
    rules,
    tool: { name: "stackc", version: stackcVersion, informationUri: STACKC_URI },
  };
}
