// `stackc validate` as a function: schema and consistency checks, no emitters, no policies.
import { compile, type CompileResult } from "../compile/compile.js";
import type { RunOptions } from "./options.js";

export type ValidateOptions = RunOptions;
export type ValidateResult = CompileResult;

export async function validate(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  return compile(paths, { ...options });
}
