// Values of the typed Terraform layer. A topic module describes every argument with these;
// render.ts turns them into the canonical HCL AST (printed by ../hcl) and artifact.ts into plain
// data for policies. Literals are JavaScript values; everything Terraform evaluates (references,
// `each.*`, templates, function calls) is an instance of TfExpression, so a value that is not
// one is known to be literal.

export type TfScalar = string | number | boolean | null;

/** A literal, a list, a map (keys in the order given), or an expression. */
export type TfValue = TfScalar | readonly TfValue[] | TfMap | TfExpression;

export interface TfMap {
  readonly [key: string]: TfValue;
}

/** Anything Terraform evaluates: not a literal. */
export abstract class TfExpression {
  abstract readonly kind: "ref" | "each-key" | "each-value" | "template" | "raw";
}

/** `each.key` of a for_each resource. */
export class TfEachKey extends TfExpression {
  readonly kind = "each-key";
}

/** `each.value` or `each.value.<path>` of a for_each resource. */
export class TfEachValue extends TfExpression {
  readonly kind = "each-value";
  constructor(readonly path: readonly string[]) {
    super();
  }
}

/** An index into a for_each resource: a literal instance key or `each.*`. */
export type TfIndex = string | TfEachKey | TfEachValue;

/**
 * A reference: `base[index].attribute`, e.g. `aws_vpc.this.id`,
 * `aws_nat_gateway.this[each.value.nat_zone].id`, `local.zones`, `data.aws_iam_policy_document.x.json`.
 */
export class TfRef extends TfExpression {
  readonly kind = "ref";
  constructor(
    /** Address of a resource (`aws_vpc.this`), data source (`data.x.y`), or `local.x`. */
    readonly base: string,
    /** Attribute path after the (indexed) base, e.g. `id` or `rule[0].id`. */
    readonly attribute?: string,
    readonly index?: TfIndex,
  ) {
    super();
  }
}

/** A string template: literal text and interpolated expressions. */
export class TfTemplate extends TfExpression {
  readonly kind = "template";
  constructor(readonly parts: readonly (string | TfExpression)[]) {
    super();
  }
}

/** Any other expression (a function call, a for-expression), written as Terraform reads it. */
export class TfRaw extends TfExpression {
  readonly kind = "raw";
  constructor(readonly text: string) {
    super();
  }
}

export function ref(base: string, attribute?: string, index?: TfIndex): TfRef {
  return new TfRef(base, attribute, index);
}

export function eachKey(): TfEachKey {
  return new TfEachKey();
}

export function eachValue(...path: string[]): TfEachValue {
  return new TfEachValue(path);
}

export function template(...parts: (string | TfExpression)[]): TfTemplate {
  return new TfTemplate(parts);
}

export function rawExpr(text: string): TfRaw {
  return new TfRaw(text);
}

export function isExpression(value: unknown): value is TfExpression {
  return value instanceof TfExpression;
}

/** Text of a reference as Terraform reads it (instance keys quoted). */
export function refText(r: TfRef, index?: string): string {
  let text = r.base;
  if (r.index !== undefined) {
    if (index !== undefined) text += `[${JSON.stringify(index)}]`;
    else if (typeof r.index === "string") text += `[${JSON.stringify(r.index)}]`;
    else text += `[${eachText(r.index)}]`;
  }
  return r.attribute === undefined ? text : `${text}.${r.attribute}`;
}

export function eachText(e: TfEachKey | TfEachValue): string {
  return e instanceof TfEachKey ? "each.key" : ["each.value", ...e.path].join(".");
}

/**
 * Tags as AWS resources get them: `Name` first, then the other keys sorted, so a tag added
 * later lands in a predictable place and diffs stay small.
 */
export function tags(entries: Readonly<Record<string, TfValue>>): TfMap {
  const out: Record<string, TfValue> = {};
  if (entries.Name !== undefined) out.Name = entries.Name;
  for (const key of Object.keys(entries).sort(compareStrings)) {
    if (key !== "Name") out[key] = entries[key] as TfValue;
  }
  return out;
}

/** Code-unit order, independent of locale (the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
