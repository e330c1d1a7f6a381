// Reading `terraform output -json` for `stackc bind` and checking it against the stack before
// anything is bound to it. Every problem is located in the output file (line:column of the value,
// key or object at fault), and where the stack says otherwise, the manifest location is attached.
// Which outputs (and which map keys) are needed is read off the kops spec's OutputRefs, so the
// checks and the template can never disagree.
import type { Diagnostic, Range, RelatedLocation } from "../diagnostics/diagnostic.js";
import { diag, type DiagnosticCode } from "../diagnostics/codes.js";
import type { OutputRef } from "../emit/kops/refs.js";
import { terraformOutputs, type TerraformOutputName } from "../emit/terraform-outputs.js";
import type { SourceMap } from "../load/source-map.js";
import { entryOf, type MapNode, type SourceNode } from "../load/source-node.js";
import { parseYamlSource } from "../load/yaml-source.js";
import { bucketByRole, type StackModel } from "../model/model.js";
import { canonical, formatCidr, parseCidr } from "../normalize/cidr.js";
import { arnAccount, outputFormats } from "./formats.js";
import { jsonSyntaxError } from "./json-syntax.js";

/** The values read: a string, or a map of strings (keyed by zone or add-on). */
export type OutputValues = Map<TerraformOutputName, string | Map<string, string>>;

export interface ReadOutputsInput {
  model: StackModel;
  /** The OutputRefs of the stack's kops spec: what must be in the file. */
  refs: readonly OutputRef[];
  text: string;
  /** Display path of the output file. */
  file: string;
  /** The manifest's source map, to point at the setting an output contradicts. */
  sourceMap?: SourceMap;
}

const HOW = "Write it with `terraform output -json > FILE` in the stack's Terraform directory (after terraform apply)";

interface Located {
  node: SourceNode;
  range: Range;
}

export function readTerraformOutputs(input: ReadOutputsInput): { values?: OutputValues; diagnostics: Diagnostic[] } {
  const { text, file, model } = input;
  const diagnostics: Diagnostic[] = [];
  const report = (code: DiagnosticCode, message: string, range: Range, extra: { hint?: string; related?: RelatedLocation[] } = {}) =>
    diagnostics.push(diag(code, message, { file, range, ...extra }));

  const parsed = parseYamlSource(text, file);
  const syntax = jsonSyntaxError(text);
  if (syntax) {
    const at = parsed.positions(syntax.offset);
    report("STK-BIND-001", `${file} is not JSON: ${syntax.message}`, { start: at, end: at }, { hint: HOW });
    return { diagnostics };
  }
  // JSON is YAML: the YAML reader gives every key and value its position (and refuses duplicate keys).
  if (!parsed.node) return { diagnostics: parsed.diagnostics };
  const root = parsed.node;
  if (root.kind !== "map") {
    report("STK-BIND-001", `${file} is not what \`terraform output -json\` prints: expected an object of outputs`, root.range, { hint: HOW });
    return { diagnostics };
  }
  if (root.entries.length === 0) {
    report("STK-BIND-002", `${file} holds no Terraform outputs`, root.range, {
      hint: "terraform output -json prints {} before the first apply: run terraform apply first",
    });
    return { diagnostics };
  }

  // output name → keys the spec reads (undefined: a string output)
  const needed = new Map<TerraformOutputName, Set<string> | undefined>();
  for (const ref of input.refs) {
    if (ref.key === undefined) needed.set(ref.output, undefined);
    else needed.set(ref.output, (needed.get(ref.output) ?? new Set()).add(ref.key));
  }
  // the VPC CIDR is not in the spec as a ref, but must match the manifest
  needed.set(terraformOutputs.vpcCidrBlock, undefined);

  const values: OutputValues = new Map();
  const related = (pointer: string, message: string): RelatedLocation[] => {
    if (!input.sourceMap) return [];
    const loc = input.sourceMap.locate(pointer);
    return [{ message, file: loc.file, range: loc.range }];
  };

  // the `value` node of each output read, so later checks can point into it
  const nodes = new Map<TerraformOutputName, SourceNode>();
  const read = (name: TerraformOutputName): Located | undefined => {
    const entry = entryOf(root, name);
    if (!entry) return undefined;
    const value = entry.value.kind === "map" ? entryOf(entry.value, "value") : undefined;
    if (!value) {
      report("STK-BIND-003", `Output ${name} is not a \`terraform output -json\` entry: expected {"sensitive", "type", "value"}`, entry.value.range, { hint: HOW });
      return undefined;
    }
    nodes.set(name, value.value);
    return { node: value.value, range: value.value.range };
  };
  const nodeOf = (name: TerraformOutputName): SourceNode => nodes.get(name)!;

  for (const [name, keys] of needed) {
    if (!entryOf(root, name)) {
      report("STK-BIND-002", `Terraform output ${name} is missing`, root.range, {
        hint: `The stack's Terraform declares it (outputs.tf); apply it and write the outputs again. ${HOW}`,
      });
      continue;
    }
    const located = read(name);
    if (!located) continue;
    if (keys === undefined) {
      const value = stringValue(name, located, report);
      if (value !== undefined) values.set(name, value);
    } else {
      const map = mapValue(name, located, report);
      if (map) values.set(name, checkKeys(name, map, keys, model, located.node as MapNode, report));
    }
  }
  // not read by the spec, but when present it must name this stack's state store
  const stateStore = read(terraformOutputs.kopsStateStore);

  // every id well-formed
  for (const [name, value] of values) {
    const format = outputFormats[name];
    if (!format) continue;
    const entries = typeof value === "string" ? [[undefined, value] as const] : [...value];
    for (const [key, id] of entries) {
      if (!format.pattern.test(id)) {
        const where = key === undefined ? `Output ${name}` : `Output ${name}[${JSON.stringify(key)}]`;
        report("STK-BIND-006", `${where} is ${JSON.stringify(id)}, not ${format.what}`, rangeOf(nodeOf(name), key), {
          hint: `Expected something like ${format.example}`,
        });
      }
    }
  }

  // no subnet id used twice (a copy-paste between zones, or private = utility)
  const seen = new Map<string, { name: TerraformOutputName; key: string }>();
  for (const name of [terraformOutputs.privateSubnetIds, terraformOutputs.utilitySubnetIds] as const) {
    const map = values.get(name);
    if (!(map instanceof Map)) continue;
    for (const [key, id] of map) {
      const first = seen.get(id);
      if (first) {
        const firstNode = nodeOf(first.name);
        report("STK-BIND-008", `Subnet id ${id} is given for ${name}[${JSON.stringify(key)}] and for ${first.name}[${JSON.stringify(first.key)}]`, rangeOf(nodeOf(name), key), {
          related: [{ message: "first given here", file, range: rangeOf(firstNode, first.key) }],
        });
      } else {
        seen.set(id, { name, key });
      }
    }
  }

  // values that must agree with the manifest
  const cidr = values.get(terraformOutputs.vpcCidrBlock);
  if (typeof cidr === "string") {
    const parsedCidr = parseCidr(cidr);
    const at = nodeOf(terraformOutputs.vpcCidrBlock).range;
    if (!parsedCidr) {
      report("STK-BIND-006", `Output ${terraformOutputs.vpcCidrBlock} is ${JSON.stringify(cidr)}, not an IPv4 CIDR`, at);
    } else if (formatCidr(canonical(parsedCidr)) !== model.vpcCidr) {
      report("STK-BIND-005", `The VPC CIDR is ${cidr} in the Terraform outputs but ${model.vpcCidr} in the stack`, at, {
        related: related("/spec/network/cidr", "the stack's VPC CIDR"),
        hint: "These outputs belong to another VPC: bind the outputs of this stack's Terraform, applied with the current manifest",
      });
    }
  }
  const kopsState = bucketByRole(model, "kops-state");
  if (stateStore && kopsState) {
    const expected = `s3://${kopsState.name}`;
    if (stateStore.node.kind !== "scalar" || stateStore.node.value !== expected) {
      report("STK-BIND-005", `The kops state store is ${JSON.stringify(stateStore.node.kind === "scalar" ? stateStore.node.value : "?")} in the Terraform outputs but ${expected} in the stack`, stateStore.range, {
        related: related("/spec/stateStore/bucket", "the stack's state store bucket"),
      });
    }
  }
  const arns = values.get(terraformOutputs.irsaPolicyArns);
  if (arns instanceof Map && model.accountId) {
    for (const [key, arn] of arns) {
      const account = arnAccount(arn);
      if (account !== undefined && account !== model.accountId) {
        report("STK-BIND-005", `Output ${terraformOutputs.irsaPolicyArns}[${JSON.stringify(key)}] is a policy in account ${account}, but the stack is in account ${model.accountId}`, rangeOf(nodeOf(terraformOutputs.irsaPolicyArns), key), {
          related: related("/spec/cloud/accountId", "the stack's account"),
        });
      }
    }
  }

  return diagnostics.some((d) => d.severity === "error") ? { diagnostics } : { values, diagnostics };
}

type Report = (code: DiagnosticCode, message: string, range: Range, extra?: { hint?: string; related?: RelatedLocation[] }) => void;

function stringValue(name: string, located: Located, report: Report): string | undefined {
  if (located.node.kind === "scalar" && typeof located.node.value === "string") return located.node.value;
  report("STK-BIND-003", `Output ${name} must be a string`, located.range);
  return undefined;
}

function mapValue(name: string, located: Located, report: Report): Map<string, string> | undefined {
  const node = located.node;
  if (node.kind !== "map") {
    report("STK-BIND-003", `Output ${name} must be a map of strings${node.kind === "seq" ? " keyed by name, not a list" : ""}`, located.range);
    return undefined;
  }
  const out = new Map<string, string>();
  let ok = true;
  for (const entry of node.entries) {
    if (entry.value.kind === "scalar" && typeof entry.value.value === "string") out.set(entry.key, entry.value.value);
    else {
      report("STK-BIND-003", `Output ${name}[${JSON.stringify(entry.key)}] must be a string`, entry.value.range);
      ok = false;
    }
  }
  return ok ? out : undefined;
}

/**
 * The keys the spec reads must be there; keys beyond them are only allowed where Terraform may
 * legitimately have more (a NAT map keyed by every zone, while the spec reads the NAT zones').
 */
function checkKeys(name: TerraformOutputName, map: Map<string, string>, needed: Set<string>, model: StackModel, node: MapNode, report: Report): Map<string, string> {
  const irsa = name === terraformOutputs.irsaPolicyArns;
  const code = irsa ? "STK-BIND-007" : "STK-BIND-004";
  const allowed = irsa ? needed : new Set(model.zones.map((z) => z.name));
  const missing = [...needed].filter((k) => !map.has(k));
  if (missing.length > 0) {
    const what = irsa ? `add-on${missing.length > 1 ? "s" : ""}` : `zone${missing.length > 1 ? "s" : ""}`;
    report(code, `Output ${name} has no entry for the stack's ${what} ${missing.join(", ")}`, node.range, {
      hint: irsa
        ? "Each add-on with inline IAM statements gets its policy from the stack's Terraform: apply the current manifest's Terraform"
        : `The stack's zones are ${model.zones.map((z) => z.name).join(", ")}: apply the current manifest's Terraform`,
    });
  }
  for (const entry of node.entries) {
    if (allowed.has(entry.key)) continue;
    report(code, `Output ${name} has an entry for ${JSON.stringify(entry.key)}, which is not ${irsa ? "an add-on of the stack with an IRSA policy" : "a zone of the stack"}`, entry.keyRange, {
      hint: irsa ? `Add-ons with IRSA policies: ${[...needed].join(", ") || "none"}` : `The stack's zones are ${model.zones.map((z) => z.name).join(", ")}`,
    });
  }
  return map;
}

/** Range of a map entry's value (or of the whole value when key is undefined). */
function rangeOf(node: SourceNode, key: string | undefined): Range {
  if (key === undefined || node.kind !== "map") return node.range;
  return entryOf(node, key)?.value.range ?? node.range;
}
