// emit: runs every registered emitter on a model and checks what they return, so a buggy
// emitter is caught here (as an internal error) rather than producing a broken out/.
import type { Diagnostic, StageResult } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { StackModel } from "../model/model.js";
import type { EmitContext, Emitter, OmittedFile, VirtualFile } from "./emitter.js";

export interface EmitResult {
  files: VirtualFile[];
  artifacts: Record<string, unknown>;
  preserve: string[];
  /** Files an emitter did not write for this stack, with why (sorted by path). */
  omitted: OmittedFile[];
}

export function emitStack(model: StackModel, emitters: readonly Emitter[], context: EmitContext): StageResult<EmitResult> {
  const diagnostics: Diagnostic[] = [];
  const files: VirtualFile[] = [];
  const artifacts: Record<string, unknown> = {};
  const owners = new Map<string, string>();
  const preserve: string[] = [];
  const omitted: OmittedFile[] = [];
  for (const emitter of emitters) {
    let output;
    try {
      output = emitter.emit(model, context);
    } catch (err) {
      diagnostics.push(internal(`emitter ${emitter.id} failed: ${err instanceof Error ? err.message : String(err)}`, model.file));
      continue;
    }
    diagnostics.push(...(output.diagnostics ?? []));
    if (output.artifact !== undefined) artifacts[emitter.id] = output.artifact;
    preserve.push(...(emitter.preserve ?? []));
    omitted.push(...(output.omitted ?? []));
    for (const file of output.files) {
      const problem = checkFile(file);
      if (problem) {
        diagnostics.push(internal(`emitter ${emitter.id} produced ${JSON.stringify(file.path)}: ${problem}`, model.file));
        continue;
      }
      const owner = owners.get(file.path);
      if (owner) {
        diagnostics.push(internal(`emitters ${owner} and ${emitter.id} both produce ${file.path}`, model.file));
        continue;
      }
      owners.set(file.path, emitter.id);
      files.push(file);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  omitted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { value: { files, artifacts, preserve, omitted }, diagnostics };
}

function checkFile(file: VirtualFile): string | undefined {
  const parts = file.path.split("/");
  if (file.path === "" || file.path.startsWith("/") || file.path.includes("\\") || parts.some((p) => p === "" || p === "." || p === "..")) {
    return "not a clean relative path";
  }
  if (file.contents.includes("\r")) return "contains CR characters (output must be LF only)";
  if (!file.contents.endsWith("\n") || file.contents.endsWith("\n\n")) return "must end with exactly one newline";
  return undefined;
}

function internal(message: string, stack: string): Diagnostic {
  return {
    ...diag("STK-INTERNAL-001", message, { hint: "This is a stackc bug; please report it with the manifest" }),
    stack,
  };
}
