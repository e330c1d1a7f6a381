// compile + write: the write stage's entry point. Writes every stack's files, or nothing at all
// when any stack has errors (the policy gate's included, when the caller passes one: the
// library's `build` in api/ always does unless told not to).
import path from "node:path";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { compile, type CompileOptions, type CompileResult } from "../compile/compile.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { contain, resolveWorkspace } from "../load/workspace.js";
import { applyChangeRules } from "../plan/run.js";
import { compareOutputs } from "./compare.js";
import { driftDiagnostics } from "./drift.js";
import { openOutput } from "./durable/open-output.js";
import { newWriteId, writeLocked } from "./write.js";

export interface WriteOptions extends CompileOptions {
  /** Overwrite generated files edited by hand and delete files added by hand (drift). */
  force?: boolean;
  /** How long to wait for another stackc's lock on the output folder, in milliseconds (default 30 s). */
  lockTimeoutMs?: number;
}

export interface WriteResult extends CompileResult {
  /** Stacks written to the output directory (empty when the run had errors). */
  written: string[];
}

export async function compileAndWrite(inputs: readonly string[], options: WriteOptions = {}): Promise<WriteResult> {
  const { force, lockTimeoutMs, ...compileOptions } = options;
  const result = await compile(inputs, { ...compileOptions, emit: true });
  if (result.usageError || hasErrors(result.diagnostics)) return { ...result, written: [] };
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const outDir = path.resolve(cwd, options.outDir ?? "out");
  // --out resolved strictly: through symlinks, inside the workspace (or an --allow-outside folder),
  // before out/ is read for the change rules' baseline or the drift check
  const workspace = await resolveWorkspace(cwd, io, options.allowOutside);
  const where = await contain(workspace, outDir, io);
  if (!where.inside) {
    const message = `The output directory ${outDir}${where.real !== outDir ? ` (it resolves to ${where.real})` : ""} is outside the workspace ${workspace.root}`;
    const refused = diag("STK-IO-005", message, { hint: "Write inside the repository, or pass --allow-outside <dir> for the output folder" });
    return { ...result, diagnostics: [...result.diagnostics, refused], usageError: true, written: [] };
  }
  const outDisplay = (options.outDir ?? "out").replace(/\/+$/, "") || ".";
  // one writer of out/ at a time, from before the baseline is read until the swap is done;
  // whatever an interrupted build left is finished first
  const runId = newWriteId();
  const opened = await openOutput(outDir, io, { outDisplay, command: `stackc build ${inputs.join(" ")}`, runId, ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}) });
  result.diagnostics.push(...opened.diagnostics);
  result.diagnostics.sort(compareDiagnostics);
  if (!opened.lock) return { ...result, written: [] };
  try {
    return await writeUnderLock(result, { cwd, io, outDir, outDisplay, runId, force: force === true, changeRulesOut: options.outDir ?? "out" });
  } finally {
    await opened.lock.release();
  }
}

async function writeUnderLock(
  result: CompileResult,
  o: { cwd: string; io: Io; outDir: string; outDisplay: string; runId: string; force: boolean; changeRulesOut: string },
): Promise<WriteResult> {
  const { cwd, io, outDir, outDisplay, force } = o;
  // what is in out/ is what runs: a change the rules refuse is never written
  await applyChangeRules(result, { cwd, outDir: o.changeRulesOut, io });
  // hand edits and hand-added files in out/<stack>/ are refused unless forced
  if (!force) {
    result.diagnostics.push(...driftDiagnostics(await compareOutputs(result, outDir, io), outDisplay));
    result.diagnostics.sort(compareDiagnostics);
  }
  if (result.usageError || hasErrors(result.diagnostics)) return { ...result, written: [] };
  const outputs = result.stacks
    .filter((s) => (s.model || s.network) && s.files)
    .map((s) => ({ name: (s.model ?? s.network)!.name, files: s.files!, preserve: s.preserve ?? [] }));
  try {
    await writeLocked(outDir, outputs, o.runId, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...result, diagnostics: [...result.diagnostics, diag("STK-IO-003", `Cannot write ${outDir}: ${message}`)], written: [] };
  }
  return { ...result, written: outputs.map((o) => o.name) };
}
