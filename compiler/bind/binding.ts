// The binding record: what `stackc bind` bound kops/cluster.yaml from, kept next to it as
// kops/binding.json — the Terraform outputs it used (ids and the VPC CIDR, never a sensitive
// output), the file they came from, and the hashes of the template it bound and of the file it
// wrote. A rebuild re-binds from it, so cluster.yaml always equals the current template rendered
// with those outputs; verify renders it again and reports a cluster.yaml that is stale (an older
// template) or edited (its bytes are not what bind wrote). Pure: text in, files and findings out.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { VirtualFile } from "../model/virtual-file.js";
import { KOPS_BINDING_PATH, KOPS_BOUND_PATH, KOPS_TEMPLATE_PATH } from "../emit/kops/index.js";
import { terraformOutputs, type TerraformOutputValue } from "../emit/terraform-outputs.js";
import type { StackModel } from "../model/model.js";
import { sha256 } from "../emit/lock.js";
import { bindKopsSpec } from "./bind.js";

export const BINDING_PATH = KOPS_BINDING_PATH;

export interface BindingRecord {
  /** The `terraform output -json` file bind read (display path), named in cluster.yaml's header. */
  source: string;
  /** Hash of the kops/cluster.tmpl.yaml that was bound. */
  template: string;
  /** Hash of the kops/cluster.yaml bind wrote. */
  cluster: string;
  /** The outputs the binding reads, as `terraform output -json` prints them. */
  outputs: Record<string, TerraformOutputValue>;
}

/** Outputs bind reads; name servers, bucket names and the KMS ARN are not needed to bind. */
const kept: ReadonlySet<string> = new Set([
  terraformOutputs.vpcId,
  terraformOutputs.vpcCidrBlock,
  terraformOutputs.privateSubnetIds,
  terraformOutputs.utilitySubnetIds,
  terraformOutputs.natGatewayIds,
  terraformOutputs.route53ZoneId,
  terraformOutputs.kopsStateStore,
  terraformOutputs.irsaPolicyArns,
]);

/** The outputs worth keeping from a `terraform output -json` text bind already accepted. */
export function keptOutputs(outputText: string): Record<string, TerraformOutputValue> {
  const all = JSON.parse(outputText) as Record<string, TerraformOutputValue>;
  const out: Record<string, TerraformOutputValue> = {};
  for (const name of Object.keys(all).sort()) {
    const entry = all[name]!;
    if (!kept.has(name) || entry.sensitive === true) continue;
    out[name] = { sensitive: false, type: entry.type, value: entry.value };
  }
  return out;
}

export interface Rendered {
  files?: VirtualFile[];
  diagnostics: Diagnostic[];
}

/** cluster.yaml and binding.json for these outputs and the model's current template. */
export function renderBinding(model: StackModel, template: string, source: string, outputs: Record<string, TerraformOutputValue>): Rendered {
  const bound = bindKopsSpec({ model, outputText: JSON.stringify(outputs), outputFile: source });
  if (!bound.file || hasErrors(bound.diagnostics)) return { diagnostics: bound.diagnostics };
  const record: BindingRecord = { source, template: sha256(template), cluster: sha256(bound.file.contents), outputs };
  return {
    files: [bound.file, { path: BINDING_PATH, contents: `${JSON.stringify(record, null, 2)}\n` }],
    diagnostics: bound.diagnostics,
  };
}

export function parseBinding(text: string | undefined): BindingRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as BindingRecord;
    return record && typeof record.source === "string" && typeof record.outputs === "object" && record.outputs !== null ? record : undefined;
  } catch {
    return undefined;
  }
}

/** build: re-bind from the record. undefined when nothing was bound; a warning when it no longer fits. */
export function rebind(model: StackModel, templateFiles: readonly VirtualFile[], bindingText: string | undefined, outDisplay: string): Rendered | undefined {
  if (bindingText === undefined) return undefined;
  const file = `${outDisplay}/${model.name}/${BINDING_PATH}`;
  const record = parseBinding(bindingText);
  const template = templateFiles.find((f) => f.path === KOPS_TEMPLATE_PATH)?.contents;
  if (!record || template === undefined) {
    return { diagnostics: [{ ...diag("STK-SYNC-004", `${file} is not a binding record; kops/cluster.yaml was kept as it is`, { file, hint: `Run stackc bind ${model.file} --terraform-output <file> again` }), stack: model.file }] };
  }
  const rendered = renderBinding(model, template, record.source, record.outputs);
  if (!rendered.files) {
    const why = rendered.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ");
    return {
      diagnostics: [
        {
          ...diag("STK-SYNC-004", `${outDisplay}/${model.name}/${KOPS_BOUND_PATH} cannot be re-bound from the outputs it was bound with (${why}); it is now stale`, {
            file: `${outDisplay}/${model.name}/${KOPS_BOUND_PATH}`,
            severity: "warning",
            hint: `Apply the stack's Terraform, then run stackc bind ${model.file} --terraform-output <file>`,
          }),
          stack: model.file,
        },
      ],
    };
  }
  return { files: rendered.files, diagnostics: [] };
}

/** verify: cluster.yaml must be the current template rendered with the recorded outputs. */
export function verifyBinding(
  model: StackModel,
  templateFiles: readonly VirtualFile[],
  onDisk: { cluster?: string; binding?: string },
  outDisplay: string,
): Diagnostic[] {
  if (onDisk.cluster === undefined && onDisk.binding === undefined) return [];
  const file = `${outDisplay}/${model.name}/${KOPS_BOUND_PATH}`;
  const stale = (message: string, hint: string): Diagnostic[] => [{ ...diag("STK-SYNC-004", message, { file, hint }), stack: model.file }];
  const bindAgain = `Run stackc bind ${model.file} --terraform-output <file> (stackc build re-binds it when the outputs still fit)`;
  if (onDisk.cluster === undefined) return stale(`${file} is missing though ${BINDING_PATH} records a binding`, bindAgain);
  const record = parseBinding(onDisk.binding);
  if (!record) return stale(`${file} has no binding record (${BINDING_PATH}), so nothing shows it matches the template`, bindAgain);
  const template = templateFiles.find((f) => f.path === KOPS_TEMPLATE_PATH)?.contents ?? "";
  const rendered = renderBinding(model, template, record.source, record.outputs);
  const expected = rendered.files?.find((f) => f.path === KOPS_BOUND_PATH)?.contents;
  if (expected === onDisk.cluster) return [];
  if (sha256(onDisk.cluster) !== record.cluster) {
    return [{ ...diag("STK-SYNC-005", `${file} was edited by hand`, { file, hint: `kops replace -f applies this file: change the manifest, rebuild and bind instead (${bindAgain})` }), stack: model.file }];
  }
  return stale(
    expected === undefined
      ? `${file} is stale: the stack changed and the outputs it was bound with no longer fit it`
      : `${file} is stale: it was bound from an older template (kops/cluster.tmpl.yaml changed since)`,
    expected === undefined ? `Apply the stack's Terraform, then ${bindAgain.charAt(0).toLowerCase()}${bindAgain.slice(1)}` : `Run stackc build ${model.file} (it re-binds from ${BINDING_PATH})`,
  );
}
