// A provider-schema check that needs no terraform: emitted .tf files parsed with @cdktf/hcl2json,
// every resource, data source and provider block compared with the aws provider's own schema
// (`terraform providers schema -json` of 5.100.0, test/upstream/aws-5.100.0-schema.json.gz).
// It reports: unknown resource/data types; unknown arguments and blocks; arguments Terraform
// only computes (e.g. `arn`); missing required arguments and blocks; deprecated resources,
// arguments and blocks; block counts outside the nesting mode's min/max; and literal values of
// the wrong type. Expressions (`${…}` in hcl2json output) are not typed here; terraform validate
// does that.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { upstreamPath } from "../helpers/repo.js";

export type SchemaType = string | readonly [string, unknown];

export interface SchemaAttribute {
  readonly type?: SchemaType;
  readonly nested_type?: { readonly attributes: Readonly<Record<string, SchemaAttribute>>; readonly nesting_mode: string };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
  readonly deprecated?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: "single" | "group" | "list" | "set" | "map";
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface ProviderSchema {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas: Readonly<Record<string, { readonly block: SchemaBlock }>>;
  readonly data_source_schemas: Readonly<Record<string, { readonly block: SchemaBlock }>>;
}

export const AWS_PROVIDER_ADDRESS = "registry.terraform.io/hashicorp/aws";

let cached: ProviderSchema | undefined;

/** The aws 5.100.0 schema dump (13.5 MB of JSON, read once per process). */
export function awsProviderSchema(): ProviderSchema {
  if (!cached) {
    const dump = JSON.parse(gunzipSync(readFileSync(upstreamPath("aws-5.100.0-schema.json.gz"))).toString("utf8")) as {
      provider_schemas: Record<string, ProviderSchema>;
    };
    const schema = dump.provider_schemas[AWS_PROVIDER_ADDRESS];
    if (!schema) throw new Error(`the schema dump has no ${AWS_PROVIDER_ADDRESS}`);
    cached = schema;
  }
  return cached;
}

export interface SchemaProblem {
  /** The .tf file. */
  readonly file: string;
  /** e.g. `resource "aws_vpc" "this"`, `provider "aws"`. */
  readonly block: string;
  /** Path inside the block, e.g. `rule[0].filter`. */
  readonly path: string;
  readonly message: string;
}

/** hcl2json's view of one .tf file: top-level block types → labels → bodies (blocks are arrays). */
export type HclJson = Record<string, unknown>;
type Body = Record<string, unknown>;

const RESOURCE_META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"]);
const DATA_META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle"]);
const PROVIDER_META = new Set(["alias"]);

function isBody(value: unknown): value is Body {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** hcl2json writes every expression as a string with `${…}`: its type is Terraform's business. */
function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

class Checker {
  readonly problems: SchemaProblem[] = [];
  constructor(
    readonly file: string,
    readonly block: string,
  ) {}

  report(path: string, message: string): void {
    this.problems.push({ file: this.file, block: this.block, path, message });
  }

  body(body: Body, schema: SchemaBlock, path: string, meta: ReadonlySet<string>): void {
    const attributes = schema.attributes ?? {};
    const blockTypes = schema.block_types ?? {};
    const at = (key: string) => (path === "" ? key : `${path}.${key}`);
    for (const [key, value] of Object.entries(body)) {
      if (meta.has(key)) continue;
      const attribute = attributes[key];
      const blockType = blockTypes[key];
      if (attribute) this.attribute(value, attribute, at(key));
      else if (blockType) this.blocks(value, blockType, at(key));
      else this.report(at(key), `unknown argument or block "${key}"`);
    }
    for (const [key, attribute] of Object.entries(attributes)) {
      if (attribute.required && !(key in body)) this.report(at(key), `missing required argument "${key}"`);
    }
    for (const [key, blockType] of Object.entries(blockTypes)) {
      if ((blockType.min_items ?? 0) > 0 && !(key in body)) this.report(at(key), `missing required block "${key}" (at least ${blockType.min_items})`);
    }
  }

  attribute(value: unknown, attribute: SchemaAttribute, path: string): void {
    if (attribute.computed && !attribute.optional && !attribute.required) {
      this.report(path, "argument is computed by the provider and cannot be set");
      return;
    }
    if (attribute.deprecated) this.report(path, "argument is deprecated");
    if (attribute.nested_type) this.nestedAttribute(value, attribute.nested_type, path);
    else if (attribute.type !== undefined) this.type(value, attribute.type, path);
  }

  nestedAttribute(value: unknown, nested: NonNullable<SchemaAttribute["nested_type"]>, path: string): void {
    if (isExpression(value) || value === null) return;
    const schema: SchemaBlock = { attributes: nested.attributes };
    if (nested.nesting_mode === "single") {
      if (!isBody(value)) this.report(path, `expected an object, got ${describeValue(value)}`);
      else this.body(value, schema, path, new Set());
      return;
    }
    if (nested.nesting_mode === "map") {
      if (!isBody(value)) this.report(path, `expected a map of objects, got ${describeValue(value)}`);
      else for (const [key, item] of Object.entries(value)) if (isBody(item)) this.body(item, schema, `${path}["${key}"]`, new Set());
      return;
    }
    if (!Array.isArray(value)) this.report(path, `expected a list of objects, got ${describeValue(value)}`);
    else value.forEach((item, i) => (isBody(item) ? this.body(item, schema, `${path}[${i}]`, new Set()) : this.report(`${path}[${i}]`, "expected an object")));
  }

  type(value: unknown, type: SchemaType, path: string): void {
    if (isExpression(value) || value === null) return;
    if (typeof type === "string") {
      const ok =
        type === "dynamic" ||
        (type === "string" && typeof value === "string") ||
        (type === "number" && typeof value === "number") ||
        (type === "bool" && typeof value === "boolean");
      if (!ok) this.report(path, `expected ${type}, got ${describeValue(value)}`);
      return;
    }
    const [kind, element] = type;
    if (kind === "list" || kind === "set") {
      if (!Array.isArray(value)) this.report(path, `expected ${kind}, got ${describeValue(value)}`);
      else value.forEach((item, i) => this.type(item, element as SchemaType, `${path}[${i}]`));
    } else if (kind === "map") {
      if (!isBody(value)) this.report(path, `expected map, got ${describeValue(value)}`);
      else for (const [key, item] of Object.entries(value)) this.type(item, element as SchemaType, `${path}["${key}"]`);
    } else if (kind === "object") {
      if (!isBody(value)) {
        this.report(path, `expected object, got ${describeValue(value)}`);
        return;
      }
      const fields = element as Record<string, SchemaType>;
      for (const [key, item] of Object.entries(value)) {
        const field = fields[key];
        if (field === undefined) this.report(`${path}.${key}`, `unknown object attribute "${key}"`);
        else this.type(item, field, `${path}.${key}`);
      }
    } else if (kind === "tuple") {
      if (!Array.isArray(value)) this.report(path, `expected tuple, got ${describeValue(value)}`);
    }
  }

  blocks(value: unknown, blockType: SchemaBlockType, path: string): void {
    if (blockType.block.deprecated) this.report(path, "block is deprecated");
    if (!Array.isArray(value) || !value.every(isBody)) {
      this.report(path, `expected nested blocks, got ${describeValue(value)}`);
      return;
    }
    const max = blockType.nesting_mode === "single" || blockType.nesting_mode === "group" ? 1 : blockType.max_items;
    if (max !== undefined && max > 0 && value.length > max) this.report(path, `at most ${max} block(s) allowed, found ${value.length}`);
    if ((blockType.min_items ?? 0) > value.length) this.report(path, `at least ${blockType.min_items} block(s) required, found ${value.length}`);
    value.forEach((item, i) => this.body(item as Body, blockType.block, `${path}[${i}]`, new Set()));
  }
}

function labelled(json: HclJson, kind: string): [string, string, Body][] {
  const out: [string, string, Body][] = [];
  const byType = json[kind];
  if (!isBody(byType)) return out;
  for (const [type, byName] of Object.entries(byType)) {
    if (!isBody(byName)) continue;
    for (const [name, bodies] of Object.entries(byName)) {
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isBody(body)) out.push([type, name, body]);
    }
  }
  return out;
}

/** Every aws resource, data source and provider block of one parsed file, against `schema`. */
/**
 * Terraform's built-in provider (terraform.io/builtin/terraform): its one data source stackc
 * emits, terraform_remote_state, as `terraform providers schema -json` prints it for 1.11
 * (backend required; config, defaults dynamic; workspace a string; outputs computed).
 */
const BUILTIN_DATA_SOURCES: Readonly<Record<string, { readonly block: SchemaBlock }>> = {
  terraform_remote_state: {
    block: {
      attributes: {
        backend: { type: "string", required: true },
        config: { type: "dynamic", optional: true },
        defaults: { type: "dynamic", optional: true },
        outputs: { type: "dynamic", computed: true },
        workspace: { type: "string", optional: true },
      },
    },
  },
};

export function checkAgainstSchema(file: string, json: HclJson, schema: ProviderSchema = awsProviderSchema()): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const [mode, kind, schemas, meta] of [
    ["resource", "resource", schema.resource_schemas, RESOURCE_META],
    ["data", "data", schema.data_source_schemas, DATA_META],
  ] as const) {
    for (const [type, name, body] of labelled(json, kind)) {
      const checker = new Checker(file, `${mode} "${type}" "${name}"`);
      const entry = type.startsWith("aws_") ? schemas[type] : mode === "data" ? BUILTIN_DATA_SOURCES[type] : undefined;
      if (!entry) checker.report("", `unknown ${mode === "data" ? "data source" : "resource"} type ${type}`);
      else {
        if (entry.block.deprecated) checker.report("", `${type} is deprecated`);
        checker.body(body, entry.block, "", meta);
      }
      problems.push(...checker.problems);
    }
  }
  const providers = json.provider;
  if (isBody(providers)) {
    for (const [name, bodies] of Object.entries(providers)) {
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
        const checker = new Checker(file, `provider "${name}"`);
        if (name !== "aws") checker.report("", `unexpected provider ${name}`);
        else if (isBody(body)) checker.body(body, schema.provider.block, "", PROVIDER_META);
        problems.push(...checker.problems);
      }
    }
  }
  return problems;
}

export function formatProblems(problems: readonly SchemaProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.block}${p.path ? ` ${p.path}` : ""}: ${p.message}`).join("\n");
}
