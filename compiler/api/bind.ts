// `stackc bind` as a function: compile the one stack manifest, read the Terraform output file,
// check and bind, and write out/<stack>/kops/cluster.yaml — only when there is no error at all,
// atomically. Reading and writing go through the Io; everything between is bindKopsSpec.
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { FileTooLargeError, NotRegularFileError } from "../io/input-errors.js";
import { errorCode } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { displayPath } from "../load/load.js";
import { decodeUtf8 } from "../load/utf8.js";
import { contain, resolveWorkspace, workspaceRelativePath } from "../load/workspace.js";
import { compile, type CompileResult } from "../compile/compile.js";
import { bindKopsSpec } from "../bind/bind.js";
import { keptOutputs, renderBinding } from "../bind/binding.js";
import { emitContext } from "../emit/context.js";
import { emitStack } from "../emit/emit.js";
import { emitters as registeredEmitters } from "../emit/registry.js";
import { KOPS_TEMPLATE_PATH, kopsEmitter } from "../emit/kops/index.js";
import type { VirtualFile } from "../model/virtual-file.js";
import { writeBoundFiles } from "../write/bound-file.js";
import { openOutput } from "../write/durable/open-output.js";
import { newWriteId } from "../write/write.js";
import type { RunOptions } from "./options.js";

export interface BindOptions extends RunOptions {
  /** Output root, default `out`. */
  outDir?: string;
  /** How long to wait for another stackc's lock on the output folder, in milliseconds (default 30 s). */
  lockTimeoutMs?: number;
}

/** `terraform output -json` of one stack is a few KB; 16 MiB bounds a wrong or hostile file. */
export const MAX_TERRAFORM_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface BindRunResult extends CompileResult {
  /** Path written (relative to cwd, `/` separators), when the bind succeeded. */
  written?: string;
}

export async function bind(manifest: string, terraformOutput: string, options: BindOptions = {}): Promise<BindRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const compiled = await compile([manifest], { cwd, io, ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}) });
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
  if (stack.network) {
    return finish([diag("STK-BIND-009", `${manifest} is a network manifest; bind takes a stack manifest (a network has no kops spec)`, { hint: "Bind each stack of the network, e.g. stacks/shared/prod-euw1-blue.yaml" })], { usageError: true });
  }
  const model = stack.model;
  if (!model) return finish([]);

  const absolute = path.resolve(cwd, terraformOutput);
  const outputFile = displayPath(cwd, absolute);
  // an input path like the manifest: inside the workspace, a regular file, bounded, UTF-8
  const workspace = await resolveWorkspace(cwd, io, options.allowOutside);
  const where = await contain(workspace, absolute, io);
  if (!where.inside) {
    return finish([diag("STK-IO-005", `${absolute} is outside the workspace ${workspace.root}`, { hint: "Pass --allow-outside <dir> to read the output file from there" })], { usageError: true });
  }
  const hint = "Write it with `terraform output -json > FILE` in the stack's Terraform directory";
  let outputText: string;
  try {
    if (io.readInput) {
      const decoded = decodeUtf8(await io.readInput(where.real, MAX_TERRAFORM_OUTPUT_BYTES));
      if (!decoded.ok) return finish([diag("STK-TEXT-001", `${terraformOutput} is not UTF-8 (bad byte at offset ${decoded.byteOffset})`, { file: outputFile, hint })], { usageError: true });
      outputText = decoded.text;
    } else outputText = await io.readFile(where.real);
  } catch (err) {
    if (err instanceof NotRegularFileError || err instanceof FileTooLargeError) {
      return finish([diag(err instanceof NotRegularFileError ? "STK-IO-004" : "STK-LIMIT-001", `${terraformOutput}: ${err.message}`, { hint })], { usageError: true });
    }
    const reason = errorCode(err) === "ENOENT" ? "no such file" : err instanceof Error ? err.message : String(err);
    return finish([diag("STK-IO-001", `${terraformOutput}: ${reason}`, { hint })], { usageError: true });
  }
  const sources = new Map(compiled.sources).set(outputFile, outputText);
  const bound = bindKopsSpec({ model, outputText, outputFile, ...(stack.sourceMap ? { sourceMap: stack.sourceMap } : {}) });
  if (!bound.file || hasErrors(bound.diagnostics)) return { ...finish(bound.diagnostics), sources };

  // cluster.yaml is rendered from the outputs kept in kops/binding.json, exactly as a rebuild
  // re-binds it, so the two can never disagree
  const template = kopsEmitter.emit(model, emitContext(io)).files.find((f) => f.path === KOPS_TEMPLATE_PATH)!.contents;
  // the header and binding.json name the outputs file relative to its workspace root, like the
  // manifest, so the bound files do not depend on the folder bind ran in
  const recorded = (await workspaceRelativePath(absolute, io, workspace)) ?? outputFile;
  const rendered = renderBinding(model, template, recorded, keptOutputs(outputText));
  if (!rendered.files) return { ...finish(rendered.diagnostics.map((d) => ({ ...d, code: "STK-INTERNAL-001" as const }))), sources };
  const [cluster, binding] = rendered.files as [VirtualFile, VirtualFile];
  const outDisplay = (options.outDir ?? "out").replace(/\/+$/, "") || ".";
  const outDir = path.resolve(cwd, outDisplay);
  // one writer of out/ at a time; an interrupted build is finished before the stack is read
  const runId = newWriteId();
  const opened = await openOutput(outDir, io, {
    outDisplay,
    command: `stackc bind ${manifest}`,
    runId,
    ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
  });
  if (!opened.lock) return { ...finish([...bound.diagnostics, ...opened.diagnostics]), sources };
  try {
    // what later tools own in out/<stack>/ (terraform's .terraform/ is moved, never copied)
    const preserve = emitStack(model, registeredEmitters, emitContext(io)).value?.preserve ?? [];
    const [target] = await writeBoundFiles(outDir, model.name, [cluster, binding], runId, io, preserve);
    return { ...finish([...bound.diagnostics, ...opened.diagnostics]), sources, written: displayPath(cwd, target!) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ...finish([...bound.diagnostics, ...opened.diagnostics, diag("STK-IO-003", `Cannot write ${bound.file.path} under ${displayPath(cwd, outDir)}/${model.name}: ${message}`)]), sources };
  } finally {
    await opened.lock.release();
  }
}
