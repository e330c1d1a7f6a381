// validate: the merged manifest against schema/stack.schema.json, every error at once.
import type { StageResult } from "../diagnostics/diagnostic.js";
import type { SourceMap } from "../load/source-map.js";
import type { Stack } from "../../schema/stack.types.js";
import type { ValidateFunction } from "ajv";
import { stackValidator } from "./schema.js";
import { ajvErrorsToDiagnostics } from "./messages.js";

/** Pure: `validate` is the compiled schema (stackValidator(io); default: the shipped one through the node Io). */
export function validateManifest(value: unknown, sourceMap: SourceMap, validate: ValidateFunction = stackValidator()): StageResult<Stack> {
  if (validate(value)) return { value: value as Stack, diagnostics: [] };
  return { diagnostics: ajvErrorsToDiagnostics(validate.errors ?? [], sourceMap) };
}
