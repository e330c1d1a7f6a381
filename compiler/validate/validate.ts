// validate: the merged manifest against schema/stack.schema.json, every error at once.
import type { StageResult } from "../diagnostics/diagnostic.js";
import type { SourceMap } from "../load/source-map.js";
import type { Stack } from "../../schema/stack.types.js";
import { stackValidator } from "./schema.js";
import { ajvErrorsToDiagnostics } from "./messages.js";

export function validateManifest(value: unknown, sourceMap: SourceMap): StageResult<Stack> {
  const validate = stackValidator();
  if (validate(value)) return { value: value as Stack, diagnostics: [] };
  return { diagnostics: ajvErrorsToDiagnostics(validate.errors ?? [], sourceMap) };
}
