// `stackc verify` as a function — CI: out/ must be exactly what the manifests compile to, and no
// generated file may have been edited by hand (STK-SYNC-*). Reads out/ through the Io.
import path from "node:path";
import { compile, type CompileResult } from "../compile/compile.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { nodeIo } from "../io/node-io.js";
import { compareOutputs } from "../write/compare.js";
import { verifyDiagnostics } from "../write/verify.js";
import { outDisplay } from "./diff.js";
import type { RunOptions } from "./options.js";

export interface VerifyOptions extends RunOptions {
  /** Output root (default `out`), relative to cwd. */
  outDir?: string;
}

export type VerifyResult = CompileResult;

export async function verify(paths: readonly string[], options: VerifyOptions = {}): Promise<VerifyResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.outDir ?? "out";
  const io = options.io ?? nodeIo;
  const result = await compile(paths, { cwd, io, emit: true, outDir, ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}) });
  if (result.usageError || hasErrors(result.diagnostics)) return result;
  const comparison = await compareOutputs(result, path.resolve(cwd, outDir), io);
  // appended after the compile findings (which the run had none of), in comparison order
  return { ...result, diagnostics: [...result.diagnostics, ...verifyDiagnostics(comparison, outDisplay(outDir))] };
}
