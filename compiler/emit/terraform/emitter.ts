// The Terraform emitter: out/<stack>/terraform/ (the stack's AWS base layer as one root module,
// a file per topic) and out/<stack>/terraform-bootstrap/ (its state bucket). Every file is built
// as typed items (tf/), printed through the canonical HCL printer (hcl/), so the text is exactly
// what `terraform fmt` writes; the same items become the artifact policies read (tf/artifact.ts).
import type { StackModel } from "../../model/model.js";
import type { Emitter, EmitOutput } from "../emitter.js";
import { generatedHeader } from "../header.js";
import { backendFile } from "./backend.js";
import { BOOTSTRAP_DIR, bootstrapModule } from "./bootstrap.js";
import { dnsFile } from "./dns.js";
import { iamFile } from "./iam.js";
import { kmsFile } from "./kms.js";
import { networkFile } from "./network.js";
import { outputsFile } from "./outputs.js";
import { providersFile } from "./providers.js";
import { TfStack } from "./stack.js";
import { storageFile } from "./storage.js";
import { moduleArtifact, type TerraformArtifact } from "./tf/artifact.js";
import type { TfFile, TfModule } from "./tf/blocks.js";
import { renderFile } from "./tf/render.js";
import { versionsFile } from "./versions.js";

export type { TerraformArtifact, ModuleArtifact, ResourceArtifact, InstanceArtifact, ArtifactValue } from "./tf/artifact.js";

export const TERRAFORM_DIR = "terraform";

/**
 * What terraform writes beside the modules when the runbook (or bin/up, bin/down) runs it there:
 * the provider lock `init` chose, the `.terraform/` working folder (providers, backend settings;
 * moved, never copied or read), and terraform-bootstrap's local state — the only record of the
 * state bucket, which a rebuild must never drop. Rebuilds keep them; verify and the drift check
 * do not count them.
 */
export const TERRAFORM_WORKING_FILES: readonly string[] = [TERRAFORM_DIR, BOOTSTRAP_DIR].flatMap((dir) => [
  `${dir}/.terraform.lock.hcl`,
  `${dir}/.terraform/`,
  ...(dir === BOOTSTRAP_DIR ? [`${dir}/terraform.tfstate`, `${dir}/terraform.tfstate.backup`] : []),
]);

export function rootModule(stack: TfStack): TfModule {
  const dir = TERRAFORM_DIR;
  const files: (TfFile | undefined)[] = [
    versionsFile(dir),
    providersFile(dir, stack),
    backendFile(dir, stack),
    networkFile(dir, stack),
    storageFile(dir, stack),
    kmsFile(dir, stack),
    dnsFile(dir, stack),
    iamFile(dir, stack),
    outputsFile(dir, stack),
  ];
  return { dir, files: files.filter((f): f is TfFile => f !== undefined) };
}

/** Both modules of a stack, as typed items (what the files and the artifact are made from). */
export function terraformModules(model: StackModel): { modules: TfModule[]; stack: TfStack } {
  const stack = new TfStack(model);
  return { modules: [rootModule(stack), bootstrapModule(stack)], stack };
}

/** The header line of every .tf file, without its `# `. */
function headerText(model: StackModel): string {
  return generatedHeader(model, "#").replace(/^# /, "").replace(/\n$/, "");
}

// One emission per model object: the runbook's and bin/down's tear-down (lifecycle/keep.ts) read
// the same artifact the emitter produced a moment before instead of building it again.
const emitted = new WeakMap<StackModel, EmitOutput>();

export function emitTerraform(model: StackModel): EmitOutput {
  let output = emitted.get(model);
  if (output) return output;
  const { modules, stack } = terraformModules(model);
  const header = headerText(model);
  const files = modules.flatMap((m) => m.files.map((f) => ({ path: f.path, contents: renderFile(f, header) })));
  const artifact: TerraformArtifact = { modules: modules.map(moduleArtifact) };
  output = { files, artifact, ...(stack.diagnostics.length > 0 ? { diagnostics: stack.diagnostics } : {}) };
  emitted.set(model, output);
  return output;
}

/** The Terraform artifact of a model (emitting it, once, if the emitter has not run). */
export function terraformArtifact(model: StackModel): TerraformArtifact {
  return emitTerraform(model).artifact as TerraformArtifact;
}

export const terraformEmitter: Emitter = {
  id: "terraform",
  description: "Terraform root module (network, buckets, DNS, IAM, KMS) and its state-bucket bootstrap",
  preserve: TERRAFORM_WORKING_FILES,
  emit: (model) => emitTerraform(model),
};
