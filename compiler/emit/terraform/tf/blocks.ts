// The typed shape of a Terraform module as the topic modules build it: files of items (resources,
// data sources, and the `terraform`/`provider`/`locals`/`output` blocks), each with a body of
// arguments and nested blocks. Nothing here knows about text; see render.ts and artifact.ts.
import type { TfValue } from "./values.js";

/** Nested blocks of one type inside a body, e.g. the `statement` blocks of a policy document. */
export class TfBlocks {
  constructor(readonly items: readonly TfNestedBlock[]) {}
}

export interface TfNestedBlock {
  readonly labels: readonly string[];
  readonly body: TfBody;
}

/**
 * Arguments and nested blocks, printed in insertion order (arguments first, then blocks).
 * `undefined` entries are skipped, so optional arguments can be written inline.
 */
export interface TfBody {
  readonly [name: string]: TfValue | TfBlocks | undefined;
}

/** One nested block: `name { … }`. */
export function nested(body: TfBody): TfBlocks {
  return new TfBlocks([{ labels: [], body }]);
}

/** Several nested blocks of one type, in order. */
export function nestedList(bodies: readonly TfBody[]): TfBlocks {
  return new TfBlocks(bodies.map((body) => ({ labels: [], body })));
}

/** One nested block with labels: `backend "s3" { … }`. */
export function labeled(labels: readonly string[], body: TfBody): TfBlocks {
  return new TfBlocks([{ labels, body }]);
}

/**
 * `for_each` of a resource: the expression Terraform iterates and, for every instance key, the
 * value `each.value` takes, so the artifact can show each instance with literal attributes.
 */
export interface TfForEach {
  readonly expression: TfValue;
  readonly instances: ReadonlyMap<string, TfValue>;
}

/** Facts about a resource that are not Terraform arguments but help policies read the artifact. */
export interface TfMeta {
  /** The stack bucket (model.buckets role) this resource belongs to. */
  readonly bucketRole?: string;
  /** Set on the cross-region copy of a bucket. */
  readonly replica?: boolean;
  /** The add-on (model.addons key) this resource serves. */
  readonly addon?: string;
}

export interface TfResource {
  readonly kind: "resource";
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly forEach?: TfForEach;
  /** Provider configuration address, e.g. `aws.replica_eu_central_1`; default provider when unset. */
  readonly provider?: string;
  readonly body: TfBody;
  /** Addresses, e.g. `aws_internet_gateway.this`. */
  readonly dependsOn?: readonly string[];
  /** Printed as `#` lines above the block: why it looks the way it does. */
  readonly comment?: string;
  readonly meta?: TfMeta;
}

/** `terraform`, `provider`, `locals`, `output` (anything that is not a resource). */
export interface TfTopBlock {
  readonly kind: "block";
  readonly type: "terraform" | "provider" | "locals" | "output";
  readonly labels: readonly string[];
  readonly body: TfBody;
  readonly comment?: string;
}

export type TfItem = TfResource | TfTopBlock;

export interface TfFile {
  /** Relative to out/<stack>/, e.g. `terraform/network.tf`. */
  readonly path: string;
  /** One line under the generated header saying what the file holds. */
  readonly summary: string;
  readonly items: readonly TfItem[];
}

export interface TfModule {
  /** Folder under out/<stack>/: `terraform` or `terraform-bootstrap`. */
  readonly dir: string;
  readonly files: readonly TfFile[];
}

export interface ResourceOptions {
  readonly forEach?: TfForEach;
  readonly provider?: string | undefined;
  readonly dependsOn?: readonly string[];
  readonly comment?: string;
  readonly meta?: TfMeta;
}

export function resource(type: string, name: string, body: TfBody, options: ResourceOptions = {}): TfResource {
  return { kind: "resource", mode: "managed", type, name, body, ...definedOptions(options) };
}

export function data(type: string, name: string, body: TfBody, options: ResourceOptions = {}): TfResource {
  return { kind: "resource", mode: "data", type, name, body, ...definedOptions(options) };
}

function definedOptions(options: ResourceOptions): Partial<TfResource> {
  const out: { -readonly [K in keyof TfResource]?: TfResource[K] } = {};
  if (options.forEach !== undefined) out.forEach = options.forEach;
  if (options.provider !== undefined) out.provider = options.provider;
  if (options.dependsOn !== undefined && options.dependsOn.length > 0) out.dependsOn = options.dependsOn;
  if (options.comment !== undefined) out.comment = options.comment;
  if (options.meta !== undefined) out.meta = options.meta;
  return out;
}

export function topBlock(type: TfTopBlock["type"], labels: readonly string[], body: TfBody, comment?: string): TfTopBlock {
  return comment === undefined ? { kind: "block", type, labels, body } : { kind: "block", type, labels, body, comment };
}

/** Address of a resource (`aws_vpc.this`) or data source (`data.aws_iam_policy_document.x`). */
export function addressOf(r: Pick<TfResource, "mode" | "type" | "name">): string {
  return r.mode === "data" ? `data.${r.type}.${r.name}` : `${r.type}.${r.name}`;
}
