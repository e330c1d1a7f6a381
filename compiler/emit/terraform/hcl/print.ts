// HCL document → text identical to `terraform fmt` output (hclwrite.Format plus terraform's own
// rewrites, which the printer refuses to need). Layout rules, chosen once so output is stable:
//
// - Blocks: `type "label" {` … `}`; a block with an empty body prints `type "label" {}`. Labels
//   are ASCII without `$` or `%` (terraform fmt deletes or re-escapes anything else).
// - Objects: `{}` when empty, otherwise one `key = value` per line. Keys are bare identifiers
//   (ASCII letters, digits, `_`, `-`, not starting with a digit, not null/true/false/for),
//   otherwise quoted.
// - Lists: `[]` when empty; `[a, b, c]` on one line when every item is a scalar (string,
//   template, number, bool, null, raw, or an empty list/object) and the list is at most
//   LIST_INLINE_MAX_COLUMNS wide; otherwise one item per line, each followed by a comma.
// - `=` is aligned across runs of consecutive single-line assignments, as hclwrite does: a blank
//   line, a comment, a block line or a multi-line value ends the run.
// - Leading and trailing blank lines of the file are dropped; output ends with one "\n".
import type { BodyItem, Expr, HclFile, ListExpr, ObjectExpr, TemplatePart } from "./ast.js";
import { HclError } from "./error.js";
import { escapeQuoted, isIdentifier, objectKey, quote, quoteLabel } from "./escape.js";
import { checkRawExpression } from "./raw.js";
import { graphemeColumns } from "./width.js";

/** The widest single-line list, in columns (indentation and key not included). */
export const LIST_INLINE_MAX_COLUMNS = 80;

interface Line {
  readonly depth: number;
  /** Text before the `=` of an aligned assignment, or the whole line. */
  readonly lead: string;
  readonly leadColumns: number;
  /** `= value` of a single-line assignment; such lines take part in `=` alignment. */
  readonly assign?: string;
}

/** Prints `doc` exactly as `terraform fmt` would leave it. Throws HclError on a malformed document. */
export function printHcl(doc: HclFile): string {
  const lines: Line[] = [];
  printBody(trimBlankEdges(doc.body), 0, "", false, lines);
  if (lines.length === 0) return "";
  return `${alignAssignments(lines).join("\n")}\n`;
}

function trimBlankEdges(items: readonly BodyItem[]): readonly BodyItem[] {
  let start = 0;
  let end = items.length;
  while (start < end && items[start]?.kind === "blank") start++;
  while (end > start && items[end - 1]?.kind === "blank") end--;
  return items.slice(start, end);
}

function within(where: string, step: string): string {
  return where === "" ? step : `${where} > ${step}`;
}

// Errors raised by the shared helpers (escaping) carry no location; add it here.
function located<T>(where: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof HclError && error.where === "") throw new HclError(error.message, where);
    throw error;
  }
}

function line(depth: number, text: string): Line {
  return { depth, lead: text, leadColumns: 0 };
}

function printBody(items: readonly BodyItem[], depth: number, where: string, variableBody: boolean, lines: Line[]): void {
  const names = new Set<string>();
  for (const item of items) {
    switch (item.kind) {
      case "blank":
        lines.push(line(0, ""));
        break;
      case "comment":
        for (const text of item.text.split(/\r\n|\r|\n/)) {
          const trimmed = text.trimEnd();
          lines.push(line(depth, trimmed === "" ? "#" : `# ${trimmed}`));
        }
        break;
      case "attribute": {
        const here = within(where, item.name);
        if (!isIdentifier(item.name)) throw new HclError(`attribute name ${JSON.stringify(item.name)} is not an identifier`, where);
        if (names.has(item.name)) throw new HclError(`duplicate attribute ${JSON.stringify(item.name)}`, where);
        names.add(item.name);
        if (variableBody && item.name === "type") checkTypeConstraint(item.value, here);
        printAssignment(item.name, item.name.length, item.value, depth, here, lines);
        break;
      }
      case "block": {
        if (!isIdentifier(item.type)) throw new HclError(`block type ${JSON.stringify(item.type)} is not an identifier`, where);
        const header = located(within(where, item.type), () => [item.type, ...item.labels.map(quoteLabel)].join(" "));
        const here = within(where, header);
        if (item.body.length === 0) {
          lines.push(line(depth, `${header} {}`));
        } else {
          lines.push(line(depth, `${header} {`));
          printBody(item.body, depth + 1, here, depth === 0 && item.type === "variable", lines);
          lines.push(line(depth, "}"));
        }
        break;
      }
      default:
        throw new HclError(`unknown body item ${JSON.stringify(item)}`, where);
    }
  }
}

// terraform fmt rewrites legacy type constraints in top-level `variable` blocks ("string",
// "list", "map", and bare list/map/set); those forms would differ from fmt, so they are refused.
const LEGACY_TYPES: ReadonlySet<string> = new Set(['"string"', '"list"', '"map"', "list", "map", "set"]);

function checkTypeConstraint(value: Expr, where: string): void {
  const text = inlineExpr(value, where);
  if (text !== undefined && LEGACY_TYPES.has(text)) {
    throw new HclError(`legacy type constraint ${text}; terraform fmt rewrites it (write raw("string"), raw("list(any)"), …)`, where);
  }
}

function printAssignment(key: string, keyColumns: number, value: Expr, depth: number, where: string, lines: Line[]): void {
  const text = inlineExpr(value, where);
  if (text !== undefined) {
    lines.push({ depth, lead: key, leadColumns: 2 * depth + keyColumns, assign: `= ${text}` });
  } else {
    printMultiline(value as ListExpr | ObjectExpr, depth, where, `${key} = `, "", lines);
  }
}

function printMultiline(value: ListExpr | ObjectExpr, depth: number, where: string, prefix: string, suffix: string, lines: Line[]): void {
  if (value.kind === "list") {
    lines.push(line(depth, `${prefix}[`));
    value.items.forEach((item, index) => {
      const here = `${where}[${index}]`;
      const text = inlineExpr(item, here);
      if (text !== undefined) lines.push(line(depth + 1, `${text},`));
      else printMultiline(item as ListExpr | ObjectExpr, depth + 1, here, "", ",", lines);
    });
    lines.push(line(depth, `]${suffix}`));
    return;
  }
  lines.push(line(depth, `${prefix}{`));
  const keys = new Set<string>();
  for (const { key, value: entryValue } of value.entries) {
    if (keys.has(key)) throw new HclError(`duplicate object key ${JSON.stringify(key)}`, where);
    keys.add(key);
    const here = within(where, key);
    const text = located(here, () => objectKey(key));
    printAssignment(text.text, text.columns, entryValue, depth + 1, here, lines);
  }
  lines.push(line(depth, `}${suffix}`));
}

function isAtom(expr: Expr): boolean {
  if (expr.kind === "list") return expr.items.length === 0;
  if (expr.kind === "object") return expr.entries.length === 0;
  return true;
}

/** The expression on one line, or undefined when the layout rules make it multi-line. */
function inlineExpr(expr: Expr, where: string): string | undefined {
  switch (expr.kind) {
    case "string":
      return located(where, () => quote(expr.value));
    case "template":
      return located(where, () => printTemplate(expr.parts, where));
    case "number":
      return printNumber(expr.value, where);
    case "bool":
      return expr.value ? "true" : "false";
    case "null":
      return "null";
    case "raw": {
      if (checkRawExpression(expr.text, where).interpolationOnly) {
        throw new HclError(`raw expression ${expr.text} is an interpolation-only string, which terraform fmt unwraps; use the inner expression`, where);
      }
      return expr.text;
    }
    case "list": {
      if (expr.items.length === 0) return "[]";
      if (!expr.items.every(isAtom)) return undefined;
      const text = `[${expr.items.map((item, index) => inlineExpr(item, `${where}[${index}]`)).join(", ")}]`;
      // UTF-16 length bounds the grapheme count, so most lists need no segmentation.
      return text.length <= LIST_INLINE_MAX_COLUMNS || graphemeColumns(text) <= LIST_INLINE_MAX_COLUMNS ? text : undefined;
    }
    case "object":
      return expr.entries.length === 0 ? "{}" : undefined;
    default:
      throw new HclError(`unknown expression ${JSON.stringify(expr)}`, where);
  }
}

function printNumber(value: number | bigint, where: string): string {
  if (typeof value === "bigint") return value.toString();
  if (!Number.isFinite(value)) throw new HclError(`number ${value} has no HCL literal`, where);
  return String(value); // JavaScript's shortest form (1e+21, 5e-7) is valid HCL number syntax
}

function printTemplate(parts: readonly TemplatePart[], where: string): string {
  const merged: TemplatePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === "string") {
      if (part === "") continue;
      if (typeof last === "string") merged[merged.length - 1] = last + part;
      else merged.push(part);
    } else {
      merged.push(part);
    }
  }
  if (merged.length === 1 && typeof merged[0] !== "string") {
    throw new HclError("template is a single interpolation, which terraform fmt unwraps; use the expression itself", where);
  }
  let out = '"';
  merged.forEach((part, index) => {
    if (typeof part === "string") {
      out += escapeQuoted(part, { beforeInterpolation: index + 1 < merged.length });
      return;
    }
    if (part.kind !== "raw") throw new HclError(`template part ${JSON.stringify(part)} is neither text nor raw()`, where);
    const shape = checkRawExpression(part.text, where);
    // hclwrite puts a space after `${` when a minus follows (`${- 1}`), so refuse rather than differ.
    if (part.text.startsWith("-")) throw new HclError(`interpolation ${part.text} starts with "-"; wrap it in parentheses`, where);
    out += `\${${shape.startsWithBrace ? " " : ""}${part.text}${shape.endsWithBrace ? " " : ""}}`;
  });
  return `${out}"`;
}

function alignAssignments(lines: readonly Line[]): string[] {
  const out: string[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    const widest = Math.max(0, ...run.map((l) => l.leadColumns));
    for (const l of run) out.push(`${"  ".repeat(l.depth)}${l.lead}${" ".repeat(widest - l.leadColumns + 1)}${l.assign}`);
    run = [];
  };
  for (const l of lines) {
    if (l.assign !== undefined) {
      run.push(l);
      continue;
    }
    flush();
    out.push(l.lead === "" ? "" : `${"  ".repeat(l.depth)}${l.lead}`);
  }
  flush();
  return out;
}
