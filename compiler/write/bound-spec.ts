// The I/O around the binding record (bind/binding.ts): build re-binds each stack's
// kops/cluster.yaml from kops/binding.json, verify checks it. Reads
// out/<stack>/kops/{cluster.yaml,binding.json} through the Io.
import path from "node:path";
import { BINDING_PATH, rebind, verifyBinding } from "../bind/binding.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { KOPS_BOUND_PATH } from "../emit/kops/index.js";
import type { Io } from "../io/io.js";
import type { StackModel } from "../model/model.js";
import type { VirtualFile } from "../model/virtual-file.js";

interface BoundStack {
  model?: StackModel;
  files?: VirtualFile[];
}

async function read(io: Io, file: string): Promise<string | undefined> {
  try {
    return await io.readFile(file);
  } catch {
    return undefined;
  }
}

export interface Rebound {
  /** Stack name → the re-bound cluster.yaml and binding.json, written instead of keeping the old ones. */
  files: Map<string, VirtualFile[]>;
  diagnostics: Diagnostic[];
}

export async function rebindStacks(stacks: readonly BoundStack[], outDir: string, outDisplay: string, io: Io): Promise<Rebound> {
  const files = new Map<string, VirtualFile[]>();
  const diagnostics: Diagnostic[] = [];
  for (const stack of stacks) {
    if (!stack.model || !stack.files) continue;
    const text = await read(io, path.join(outDir, stack.model.name, ...BINDING_PATH.split("/")));
    const rendered = rebind(stack.model, stack.files, text, outDisplay);
    if (!rendered) continue;
    diagnostics.push(...rendered.diagnostics);
    if (rendered.files) files.set(stack.model.name, rendered.files);
  }
  return { files, diagnostics };
}

export async function verifyBindings(stacks: readonly BoundStack[], outDir: string, outDisplay: string, io: Io): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const stack of stacks) {
    if (!stack.model || !stack.files) continue;
    const dir = path.join(outDir, stack.model.name);
    const cluster = await read(io, path.join(dir, ...KOPS_BOUND_PATH.split("/")));
    const binding = await read(io, path.join(dir, ...BINDING_PATH.split("/")));
    out.push(...verifyBinding(stack.model, stack.files, { ...(cluster !== undefined ? { cluster } : {}), ...(binding !== undefined ? { binding } : {}) }, outDisplay));
  }
  return out;
}
