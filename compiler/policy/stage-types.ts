// The seam between the compile pipeline and the policy gate: compile/ calls a PolicyStage for
// each stack it could emit; policy/stage.ts builds the real one. A leaf, so compile/ needs
// nothing else from policy/.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";
import type { NetworkModel } from "../model/network.js";

/** Evaluates policies for one stack (and, when it can, for one network manifest). */
export interface PolicyStage {
  evaluate(input: { model: StackModel; artifacts: Record<string, unknown>; sourceMap: SourceMap }): Diagnostic[];
  /** The rules that apply to a kind: Network manifest (the network rules); absent: networks are not judged by this stage. */
  evaluateNetwork?(input: { network: NetworkModel; artifacts: Record<string, unknown>; sourceMap: SourceMap }): Diagnostic[];
}
