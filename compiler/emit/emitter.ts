// The emitter seam: an emitter turns the normalized model into virtual files (paths relative
// to out/<stack>/) and, optionally, a data view of what it generated that policies can
// inspect. Emitters are pure: no I/O, no clock, no randomness. They build typed objects and
// serialize them (YAML via the yaml library, HCL via the canonical printer) — never string
// templates for machine formats.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { StackModel } from "../model/model.js";
import type { VirtualFile } from "../model/virtual-file.js";

export type { VirtualFile } from "../model/virtual-file.js";

/** Handlebars sources of the human-text outputs, read once through the Io (see emit/context.ts). */
export interface EmitTemplates {
  runbook: string;
}

export interface EmitContext {
  stackcVersion: string;
  templates: EmitTemplates;
}

export interface EmitOutput {
  files: VirtualFile[];
  /** Structured view of the output (e.g. Terraform resources as data) for policies. */
  artifact?: unknown;
  /** Problems the emitter found that the earlier stages could not (rare). */
  diagnostics?: Diagnostic[];
  /** Files this emitter deliberately does not write for this stack, each with why (recorded in the lock). */
  omitted?: OmittedFile[];
}

export interface OmittedFile {
  path: string;
  reason: string;
}

export interface Emitter {
  /** Short id: "terraform", "kops", "helmfile"; also the key of its artifact. */
  id: string;
  description: string;
  /**
   * Files under out/<stack>/ that this emitter's tools write later (e.g. `stackc bind`
   * writes kops/cluster.yaml); a rebuild keeps them instead of deleting them.
   */
  preserve?: readonly string[];
  emit(model: StackModel, context: EmitContext): EmitOutput;
}
