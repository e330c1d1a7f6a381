// Typed Terraform items → the canonical HCL AST (../hcl), which prints exactly as `terraform fmt`
// would. Layout follows the HashiCorp style guide: meta-arguments (for_each, provider) first and
// a blank line; single-line arguments together (so their `=` align); each multi-line argument
// (tags) and each nested block after a blank line; depends_on last. Top-level blocks are
// separated by one blank line.
import { attr, blank, block, bool, comment, file, list, nil, num, obj, printHcl, raw, str, tmpl, type BodyItem, type Expr } from "../hcl/index.js";
import { TfBlocks, type TfBody, type TfFile, type TfItem } from "./blocks.js";
import { eachText, refText, TfEachKey, TfEachValue, TfExpression, TfRaw, TfRef, TfTemplate, type TfValue } from "./values.js";

export function renderValue(value: TfValue): Expr {
  if (value === null) return nil();
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return num(value);
  if (typeof value === "boolean") return bool(value);
  if (isList(value)) return list(value.map(renderValue));
  if (value instanceof TfExpression) {
    if (value instanceof TfTemplate) return tmpl(...value.parts.map((part) => (typeof part === "string" ? part : raw(expressionText(part)))));
    return raw(expressionText(value));
  }
  return obj(Object.entries(value).map(([key, entry]) => [key, renderValue(entry)] as const));
}

/** Text of a non-template expression as it appears in HCL. */
function expressionText(expression: TfExpression): string {
  if (expression instanceof TfRef) return refText(expression);
  if (expression instanceof TfEachKey || expression instanceof TfEachValue) return eachText(expression);
  if (expression instanceof TfRaw) return expression.text;
  throw new Error(`a ${expression.kind} cannot be interpolated into a template`);
}

function isList(value: TfValue): value is readonly TfValue[] {
  return Array.isArray(value);
}

/** Values the printer spreads over several lines: they get a blank line before them. */
function isMultiline(value: TfValue): boolean {
  if (value === null || typeof value !== "object" || value instanceof TfExpression) return false;
  if (isList(value)) return value.some((item) => item !== null && typeof item === "object" && !(item instanceof TfExpression) && Object.keys(item).length > 0);
  return Object.keys(value).length > 0;
}

function renderBody(body: TfBody, meta: readonly BodyItem[] = [], dependsOn: readonly string[] = []): BodyItem[] {
  const groups: BodyItem[][] = [];
  if (meta.length > 0) groups.push([...meta]);
  let singles: BodyItem[] = [];
  const flush = (): void => {
    if (singles.length > 0) groups.push(singles);
    singles = [];
  };
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value instanceof TfBlocks) continue;
    const item = attr(name, renderValue(value));
    if (isMultiline(value)) {
      flush();
      groups.push([item]);
    } else {
      singles.push(item);
    }
  }
  flush();
  for (const [name, value] of Object.entries(body)) {
    if (!(value instanceof TfBlocks)) continue;
    for (const nestedBlock of value.items) groups.push([block(name, nestedBlock.labels, renderBody(nestedBlock.body))]);
  }
  if (dependsOn.length > 0) groups.push([attr("depends_on", list(dependsOn.map((address) => raw(address))))]);
  return groups.flatMap((group, i) => (i === 0 ? group : [blank(), ...group]));
}

function renderItem(item: TfItem): BodyItem[] {
  const out: BodyItem[] = [];
  if (item.comment !== undefined) out.push(comment(item.comment));
  if (item.kind === "block") {
    out.push(block(item.type, item.labels, renderBody(item.body)));
    return out;
  }
  const meta: BodyItem[] = [];
  if (item.forEach !== undefined) meta.push(attr("for_each", renderValue(item.forEach.expression)));
  if (item.provider !== undefined) meta.push(attr("provider", raw(item.provider)));
  out.push(block(item.mode === "data" ? "data" : "resource", [item.type, item.name], renderBody(item.body, meta, item.dependsOn)));
  return out;
}

/**
 * A whole .tf file: `header` (the generated-file line, without its `# `), the file's summary,
 * then every item, one blank line apart.
 */
export function renderFile(tfFile: TfFile, header: string): string {
  const body: BodyItem[] = [comment(header), comment(tfFile.summary)];
  for (const item of tfFile.items) body.push(blank(), ...renderItem(item));
  return printHcl(file(body));
}
