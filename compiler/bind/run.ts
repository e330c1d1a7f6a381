// bind end to end, as `stackc bind` runs it: compile the one stack manifest, read the Terraform
// output file, check and bind, and write out/<stack>/kops/cluster.yaml — only when there is no
// error at all, atomically. The I/O edges (reading the outputs, writing the file) live here;
// everything between is bindKopsSpec.
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { displayPath, describeIoError } from "../load/load.js";
import { FileTooLargeError, NotRegularFileError } from "../load/io-errors.js";
import { nodeIo, readRegularFile } from "../load/node-io.js";
import { contain, resolveWorkspace } from "../load/workspace.js";
import { decodeUtf8 } from "../load/utf8.js";
import { compile, type CompileOptions, type CompileResult } from "../pipeline.js";
import { bindKopsSpec } from "./bind.js";
import { writeBoundFile } from "./write.js";

export interface BindOptions {
  cwd?: string;
  /** Output root, default `out`. */
  outDir?: string;
  io?: CompileOptions["io"];
  /** Folders outside the workspace the manifest and the output file may be read from. */
  allowOutside?: readonly string[];
}

/** `terraform output -json` of one stack is a few KB; 16 MiB bounds a wrong or hostile file. */
export const MAX_TERRAFORM_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface BindRunResult extends CompileResult {
  /** Path written (relative to cwd, `/` separators), when the bind succeeded. */
  written?: string;
}

export async function bindStack(manifest: string, terraformOutput: string, options: BindOptions = {}): Promise<BindRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const compiled = await compile([manifest], { cwd, ...(options.io ? { io: options.io } : {}), ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}) });
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
  // an input path like the manifest: inside the workspace, a regular file, bounded, UTF-8
  const workspace = await resolveWorkspace(cwd, options.io ?? nodeIo, options.allowOutside);
  const where = await contain(workspace, absolute, options.io ?? nodeIo);
  if (!where.inside) {
    return finish([diag("STK-IO-005", `${absolute} is outside the workspace ${workspace.root}`, { hint: "Pass --allow-outside <dir> to read the output file from there" })], { usageError: true });
  }
  let outputText: string;
  try {
    const decoded = decodeUtf8(await readRegularFile(where.real, MAX_TERRAFORM_OUTPUT_BYTES));
    if (!decoded.ok) return finish([diag("STK-TEXT-001", `${terraformOutput} is not UTF-8 (byte ${decoded.byteOffset})`, { file: outputFile })], { usageError: true });
    outputText = decoded.text;
  } catch (err) {
    const code = err instanceof NotRegularFileError ? "STK-IO-004" : err instanceof FileTooLargeError ? "STK-LIMIT-001" : "STK-IO-001";
    return finish([diag(code, `${terraformOutput}: ${err instanceof Error && code !== "STK-IO-001" ? err.message : describeIoError(err)}`, { hint: "Write it with `terraform output -json > FILE` in the stack's Terraform directory" })], { usageError: true });
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
