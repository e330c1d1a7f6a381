// bind end to end, as `stackc bind` runs it: compile the one stack manifest, read the Terraform
// output file, check and bind, and write out/<stack>/kops/cluster.yaml — only when there is no
// error at all, atomically. The I/O edges (reading the outputs, writing the file) live here;
// everything between is bindKopsSpec.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { displayPath } from "../load/load.js";
import { compile, type CompileOptions, type CompileResult } from "../compile/compile.js";
import { bindKopsSpec } from "./bind.js";
import { writeBoundFile } from "./write.js";

export interface BindOptions {
  cwd?: string;
  /** Output root, default `out`. */
  outDir?: string;
  io?: CompileOptions["io"];
}

export interface BindRunResult extends CompileResult {
  /** Path written (relative to cwd, `/` separators), when the bind succeeded. */
  written?: string;
}

export async function bindStack(manifest: string, terraformOutput: string, options: BindOptions = {}): Promise<BindRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const compiled = await compile([manifest], { cwd, ...(options.io ? { io: options.io } : {}) });
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
    outputText = await readFile(absolute, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : err instanceof Error ? err.message : String(err);
    return finish([diag("STK-IO-001", `${terraformOutput}: ${reason}`, { hint: "Write it with `terraform output -json > FILE` in the stack's Terraform directory" })], { usageError: true });
  }
  const sources = new Map(compiled.sources).set(outputFile, outputText);
  const bound = bindKopsSpec({ model, outputText, outputFile, ...(stack.sourceMap ? { sourceMap: stack.sourceMap } : {}) });
  if (!bound.file || hasErrors(bound.diagnostics)) return { ...finish(bound.diagnostics), sources };

  const outDir = path.resolve(cwd, options.outDir ?? "out");
  try {
    const target = await writeBoundFile(outDir, model.name, bound.file.path, bound.file.contents);
    return { ...finish(bound.diagnostics), sources, written: displayPath(cwd, target) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...finish([...bound.diagnostics, diag("STK-IO-003", `Cannot write ${bound.file.path} under ${displayPath(cwd, outDir)}/${model.name}: ${message}`)]), sources };
  }
}
