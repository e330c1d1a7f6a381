// Typed Terraform items → the emitter's artifact: plain JSON data that policies (OPA) and tests
// read instead of parsing HCL. Every for_each resource is expanded into its instances with
// `each.key` / `each.value` resolved, so e.g. a policy sees that the route of eu-west-1b points
// at `aws_nat_gateway.this["eu-west-1b"]`.
//
// Shape (all keys always present unless marked optional):
//
//   TerraformArtifact = { modules: ModuleArtifact[] }        // "terraform", then "terraform-bootstrap"
//   ModuleArtifact = {
//     dir: string,                                            // folder under out/<stack>/
//     files: string[],                                        // its .tf files, relative to out/<stack>/
//     requiredVersion: string,                                // terraform { required_version }
//     requiredProviders: { [name]: { source, version } },
//     backend: { type: "s3", attributes: Attributes } | null, // null: local state
//     providers: [{ name: "aws", alias: string | null, attributes: Attributes }],
//     locals: { [name]: Value },
//     resources: ResourceArtifact[],                          // in file order, then source order
//     outputs: [{ name, description, value: Value }],
//   }
//   ResourceArtifact = {
//     mode: "managed" | "data", type: "aws_subnet", name: "private",
//     address: "aws_subnet.private",                          // "data.<type>.<name>" for data sources
//     file: "terraform/network.tf",
//     provider: "aws" | "aws.<alias>",
//     forEach: { expression: Value, keys: string[] } | null,  // keys sorted as Terraform orders them
//     dependsOn: string[],
//     meta: { bucketRole?, replica?, addon? },                // what the resource is for (see TfMeta)
//     instances: [{ key: string | null,                       // null without for_each
//                   address: 'aws_subnet.private["eu-west-1a"]',
//                   attributes: Attributes }],
//   }
//   Attributes = { [argument]: Value }; a nested block type maps to an array of Attributes (one per
//                block, in order), as in `terraform show -json`.
//   Value = string | number | boolean | null | Value[] | { [key]: Value }
//         | { "$ref": 'aws_nat_gateway.this["eu-west-1a"].id',     // a reference, each.* resolved
//             address?: 'aws_nat_gateway.this["eu-west-1a"]',       // resource/data instance referred to
//             attribute?: "id" }
//         | { "$template": "${aws_s3_bucket.velero.arn}/*", refs: Ref[] }   // a string with references
//         | { "$expr": "toset(local.nat_zones)" }                           // any other expression
//   The `$` keys cannot collide with map keys stackc writes (AWS tag keys cannot contain `$`).
import { addressOf, TfBlocks, type TfBody, type TfModule, type TfResource } from "./blocks.js";
import { compareStrings, refText, TfEachKey, TfEachValue, TfExpression, TfRaw, TfRef, TfTemplate, type TfValue } from "./values.js";

export type ArtifactValue = string | number | boolean | null | ArtifactValue[] | { [key: string]: ArtifactValue };
export type ArtifactAttributes = { [name: string]: ArtifactValue };

export interface RefArtifact {
  $ref: string;
  address?: string;
  attribute?: string;
  [key: string]: ArtifactValue | undefined;
}

export interface InstanceArtifact {
  key: string | null;
  address: string;
  attributes: ArtifactAttributes;
}

export interface ResourceArtifact {
  mode: "managed" | "data";
  type: string;
  name: string;
  address: string;
  file: string;
  provider: string;
  forEach: { expression: ArtifactValue; keys: string[] } | null;
  dependsOn: string[];
  meta: { bucketRole?: string; replica?: boolean; addon?: string };
  instances: InstanceArtifact[];
}

export interface ModuleArtifact {
  dir: string;
  files: string[];
  requiredVersion: string;
  requiredProviders: { [name: string]: ArtifactValue };
  backend: { type: string; attributes: ArtifactAttributes } | null;
  providers: { name: string; alias: string | null; attributes: ArtifactAttributes }[];
  locals: ArtifactAttributes;
  resources: ResourceArtifact[];
  outputs: { name: string; description: string; value: ArtifactValue }[];
}

export interface TerraformArtifact {
  modules: ModuleArtifact[];
}

interface Scope {
  readonly key?: string;
  readonly value?: TfValue;
}

/** `address["key"]` as Terraform prints instance addresses. */
export function instanceAddress(address: string, key: string | null): string {
  return key === null ? address : `${address}[${JSON.stringify(key)}]`;
}

function lookup(scope: Scope, e: TfEachKey | TfEachValue): TfValue {
  if (e instanceof TfEachKey) {
    if (scope.key === undefined) throw new Error("each.key outside a for_each resource");
    return scope.key;
  }
  if (scope.value === undefined) throw new Error("each.value outside a for_each resource");
  let value: TfValue = scope.value;
  for (const step of e.path) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof TfExpression) {
      throw new Error(`each.value.${e.path.join(".")} does not exist`);
    }
    const next: TfValue | undefined = (value as { readonly [key: string]: TfValue })[step];
    if (next === undefined) throw new Error(`each.value.${e.path.join(".")} does not exist`);
    value = next;
  }
  return value;
}

function resolveRef(r: TfRef, scope: Scope): RefArtifact {
  let key: string | undefined;
  if (r.index !== undefined) {
    const index = typeof r.index === "string" ? r.index : lookup(scope, r.index);
    if (typeof index !== "string") throw new Error(`index of ${refText(r)} is not a string`);
    key = index;
  }
  const out: RefArtifact = { $ref: refText(r, key) };
  if (!r.base.startsWith("local.")) {
    out.address = instanceAddress(r.base, key ?? null);
    if (r.attribute !== undefined) out.attribute = r.attribute;
  }
  return out;
}

export function artifactValue(value: TfValue, scope: Scope = {}): ArtifactValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item: TfValue) => artifactValue(item, scope));
  if (value instanceof TfExpression) {
    if (value instanceof TfRef) return resolveRef(value, scope) as unknown as ArtifactValue;
    if (value instanceof TfEachKey || value instanceof TfEachValue) return artifactValue(lookup(scope, value), scope);
    if (value instanceof TfRaw) return { $expr: value.text };
    if (value instanceof TfTemplate) return resolveTemplate(value, scope);
    throw new Error(`unknown expression ${(value as TfExpression).kind}`);
  }
  const out: { [key: string]: ArtifactValue } = {};
  for (const [key, entry] of Object.entries(value as { readonly [key: string]: TfValue })) out[key] = artifactValue(entry, scope);
  return out;
}

function resolveTemplate(t: TfTemplate, scope: Scope): ArtifactValue {
  let text = "";
  let literal = true;
  const refs: ArtifactValue[] = [];
  for (const part of t.parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const resolved = artifactValue(part, scope);
    if (typeof resolved === "string" || typeof resolved === "number" || typeof resolved === "boolean") {
      text += String(resolved);
    } else if (resolved !== null && typeof resolved === "object" && !Array.isArray(resolved) && typeof resolved.$ref === "string") {
      literal = false;
      text += `\${${resolved.$ref}}`;
      refs.push(resolved);
    } else {
      literal = false;
      text += `\${${part instanceof TfRaw ? part.text : "?"}}`;
    }
  }
  return literal ? text : { $template: text, refs };
}

export function artifactBody(body: TfBody, scope: Scope = {}): ArtifactAttributes {
  const out: ArtifactAttributes = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value instanceof TfBlocks) {
      const list = (out[name] as ArtifactValue[] | undefined) ?? [];
      for (const item of value.items) list.push(artifactBody(item.body, scope));
      out[name] = list;
    } else {
      out[name] = artifactValue(value, scope);
    }
  }
  return out;
}

export function resourceArtifact(r: TfResource, file: string): ResourceArtifact {
  const address = addressOf(r);
  const keys = r.forEach ? [...r.forEach.instances.keys()].sort(compareStrings) : [];
  const instances: InstanceArtifact[] = r.forEach
    ? keys.map((key) => ({
        key,
        address: instanceAddress(address, key),
        attributes: artifactBody(r.body, { key, value: r.forEach!.instances.get(key)! }),
      }))
    : [{ key: null, address, attributes: artifactBody(r.body) }];
  return {
    mode: r.mode,
    type: r.type,
    name: r.name,
    address,
    file,
    provider: r.provider ?? "aws",
    forEach: r.forEach ? { expression: artifactValue(r.forEach.expression), keys } : null,
    dependsOn: [...(r.dependsOn ?? [])],
    meta: { ...(r.meta ?? {}) },
    instances,
  };
}

/** The artifact of one module: every block of every file, as data. */
export function moduleArtifact(module: TfModule): ModuleArtifact {
  const out: ModuleArtifact = {
    dir: module.dir,
    files: module.files.map((f) => f.path),
    requiredVersion: "",
    requiredProviders: {},
    backend: null,
    providers: [],
    locals: {},
    resources: [],
    outputs: [],
  };
  for (const tfFile of module.files) {
    for (const item of tfFile.items) {
      if (item.kind === "resource") {
        out.resources.push(resourceArtifact(item, tfFile.path));
        continue;
      }
      const body = artifactBody(item.body);
      switch (item.type) {
        case "terraform": {
          if (typeof body.required_version === "string") out.requiredVersion = body.required_version;
          const providers = body.required_providers;
          if (Array.isArray(providers)) Object.assign(out.requiredProviders, ...providers);
          const backend = item.body.backend;
          if (backend instanceof TfBlocks && backend.items[0]) {
            out.backend = { type: backend.items[0].labels[0] ?? "", attributes: artifactBody(backend.items[0].body) };
          }
          break;
        }
        case "provider": {
          const { alias, ...attributes } = body;
          out.providers.push({ name: item.labels[0] ?? "", alias: typeof alias === "string" ? alias : null, attributes });
          break;
        }
        case "locals":
          Object.assign(out.locals, body);
          break;
        case "output":
          out.outputs.push({
            name: item.labels[0] ?? "",
            description: typeof body.description === "string" ? body.description : "",
            value: body.value ?? null,
          });
          break;
      }
    }
  }
  return out;
}
