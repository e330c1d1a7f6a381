// What every normalize step shares: the resolved manifest, where its values came from, and
// the list it reports into. Steps never throw for user mistakes; they report and carry on
// with a safe value so one run finds every problem.
import type { Diagnostic, RelatedLocation } from "../diagnostics/diagnostic.js";
import { diag, type DiagnosticCode, type DiagOptions } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import type { ResolvedStack } from "../../schema/stack.types.js";

/** Reports at manifest pointers of one file: a stack's (NormalizeContext) or a network's own. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly sourceMap: SourceMap) {}

  /** Reports `code` at the manifest value (or key) behind `pointer`. */
  report(
    code: DiagnosticCode,
    message: string,
    pointer: string,
    options: Omit<DiagOptions, "file" | "range" | "pointer"> & { prefer?: "key" | "value" } = {},
  ): void {
    const { prefer, ...rest } = options;
    const loc = this.sourceMap.locate(pointer, prefer ?? "value");
    this.diagnostics.push(diag(code, message, { ...rest, file: loc.file, range: loc.range, pointer }));
  }

  related(pointer: string, message: string): RelatedLocation {
    const loc = this.sourceMap.locate(pointer);
    return { message, file: loc.file, range: loc.range };
  }
}

export class NormalizeContext extends Reporter {
  constructor(
    readonly stack: ResolvedStack,
    sourceMap: SourceMap,
  ) {
    super(sourceMap);
  }
}
