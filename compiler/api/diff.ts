// `stackc diff` as a function — the plan: what `build` would change in out/, file by file, as a
// structured comparison and as unified diffs. Reads out/ through the Io, writes nothing.
import path from "node:path";
import { compile, type CompileResult } from "../compile/compile.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { nodeIo } from "../io/node-io.js";
import { type OutputComparison, compareOutputs } from "../write/compare.js";
import { changeCount, formatOutputDiff } from "../write/diff.js";
import type { RunOptions } from "./options.js";
import { secretGate } from "./secret-gate.js";

export interface DiffOptions extends RunOptions {
  /** Output root (default `out`), relative to cwd. */
  outDir?: string;
}

export interface DiffResult extends CompileResult {
  /** Absent when the manifests have errors (nothing to compare). */
  comparison?: OutputComparison;
  /** Unified diffs (git style a/ b/ names under outDir); "" when nothing would change. */
  patch: string;
  /** Files that would change, and in how many stacks. */
  changes: { files: number; stacks: number };
}

export async function diff(paths: readonly string[], options: DiffOptions = {}): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.outDir ?? "out";
  const io = options.io ?? nodeIo;
  const result = await compile(paths, {
    cwd,
    io,
    emit: true,
    outDir,
    // a diff prints generated files: the secret rule must pass first, or it would print the secret
    policy: secretGate(io),
    ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
  });
  if (result.usageError || hasErrors(result.diagnostics)) return { ...result, patch: "", changes: { files: 0, stacks: 0 } };
  const comparison = await compareOutputs(result, path.resolve(cwd, outDir), io);
  return { ...result, comparison, patch: formatOutputDiff(comparison, outDisplay(outDir)), changes: changeCount(comparison) };
}

/** The output root as named in messages: as given, without trailing slashes. */
export function outDisplay(outDir: string): string {
  return outDir.replace(/\/+$/, "");
}
