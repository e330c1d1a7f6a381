// `stackc bind` as a function: compile the one stack manifest, read the Terraform output file,
// check and bind, and write out/<stack>/kops/cluster.yaml — only when there is no error at all,
// atomically. Reading and writing go through the Io; everything between is bindKopsSpec.
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { errorCode } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { displayPath } from "../load/load.js";
import { compile, type CompileResult } from "../compile/compile.js";
import { bindKopsSpec } from "../bind/bind.js";
import { writeBoundFile } from "../write/bound-file.js";
import type { RunOptions } from "./options.js";

export interface BindOptions extends RunOptions {
  /** Output root, default `out`. */
  outDir?: string;
}

export interface BindRunResult extends CompileResult {
  /** Path written (relative to cwd, `/` separators), when the bind succeeded. */
  written?: string;
}

export async function bind(manifest: string, terraformOutput: string, options: BindOptions = {}): Promise<BindRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const compiled = await compile([manifest], { cwd, io });
  const finish = (extra: Diagnostic[], more: Partial<BindRunResult> = {}): BindRunResult => ({
    ...compiled,
    ...more,
    diagnostics: [...compiled.diagnostics, ...extra].sort(compareDiagnostics),
  });
  if (compiled.usageError || hasErrors(compiled.diagnostics)) return finish([]);
  if (compiled.stacks.length !== 1) {
    return finish([diag("STK-BIND-009", `${manifest} holds ${compiled.stacks.length} stacks; bind takes one stack manifest`, { hint: "Name the stack's manifest file, e.g. stacks/prod.yaml" })], { usageError: true });
  }
  const stack = compiled.stacks[0]!;
  const model = stack.model;
  if (!model) return finish([]);

  const absolute = path.resolve(cwd, terraformOutput);
  const outputFile = displayPath(cwd, absolute);
  let outputText: string;
  try {
    outputText = await io.readFile(absolute);
  } catch (err) {
    const reason = errorCode(err) === "ENOENT" ? "no such file" : err instanceof Error ? err.message : String(err);
    return finish([diag("STK-IO-001", `${terraformOutput}: ${reason}`, { hint: "Write it with `terraform output -json > FILE` in the stack's Terraform directory" })], { usageError: true });
  }
  const sources = new Map(compiled.sources).set(outputFile, outputText);
  const bound = bindKopsSpec({ model, outputText, outputFile, ...(stack.sourceMap ? { sourceMap: stack.sourceMap } : {}) });
  if (!bound.file || hasErrors(bound.diagnostics)) return { ...finish(bound.diagnostics), sources };

  const outDir = path.resolve(cwd, options.outDir ?? "out");
  try {
    const target = await writeBoundFile(outDir, model.name, bound.file.path, bound.file.contents, io);
    return { ...finish(bound.diagnostics), sources, written: displayPath(cwd, target) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...finish([...bound.diagnostics, diag("STK-IO-003", `Cannot write ${bound.file.path} under ${displayPath(cwd, outDir)}/${model.name}: ${message}`)]), sources };
  }
}
