// Values that exist only after `terraform apply` (VPC, subnet and NAT ids, the hosted zone id,
// IRSA policy ARNs). The kops spec is built once, with an OutputRef where such a value goes;
// the same objects are then either written as a `kops toolbox template` (each ref becomes a Go
// template action over `terraform output -json`) or bound by `stackc bind` (each ref becomes
// the output's value). Nothing substitutes text.
import type { TerraformOutputName } from "../terraform-outputs.js";

export class OutputRef {
  constructor(
    /** The `terraform output -json` entry the value comes from. */
    readonly output: TerraformOutputName,
    /** For map outputs: the key (a zone name, an add-on key). */
    readonly key?: string,
  ) {}

  /**
   * The `kops toolbox template` action reading this value: Terraform wraps each output as
   * `{sensitive, type, value}`, hence `.value`; map keys (zone names with dashes) need `index`.
   */
  template(): string {
    return this.key === undefined ? `{{ .${this.output}.value }}` : `{{ index .${this.output}.value ${JSON.stringify(this.key)} }}`;
  }

  toString(): string {
    return this.key === undefined ? this.output : `${this.output}[${JSON.stringify(this.key)}]`;
  }
}

/** A string the spec holds literally, or one Terraform provides later. */
export type Bindable = string | OutputRef;

export function isOutputRef(value: unknown): value is OutputRef {
  return value instanceof OutputRef;
}

/** Where a ref sits: a JSON Pointer into the walked value, and the ref. */
export interface RefSite {
  pointer: string;
  ref: OutputRef;
}

/**
 * A copy of `value` (plain data: objects, arrays, scalars) with every OutputRef replaced by
 * `replace(ref, pointer)`. Objects keep their key order.
 */
export function mapRefs<T>(value: unknown, replace: (ref: OutputRef, pointer: string) => T, pointer = ""): unknown {
  if (isOutputRef(value)) return replace(value, pointer);
  if (Array.isArray(value)) return value.map((v, i) => mapRefs(v, replace, `${pointer}/${i}`));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapRefs(v, replace, `${pointer}/${escape(k)}`)]),
    );
  }
  return value;
}

/** Every OutputRef in `value`, in document order. */
export function refSites(value: unknown): RefSite[] {
  const sites: RefSite[] = [];
  mapRefs(value, (ref, pointer) => sites.push({ pointer, ref }));
  return sites;
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
