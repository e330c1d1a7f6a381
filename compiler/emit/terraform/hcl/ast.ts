// The typed HCL document the Terraform emitter builds, and pure helpers to build it. Nothing
// here formats text; print.ts turns a document into `terraform fmt` output.
import { checkRawExpression } from "./raw.js";

export interface StringExpr {
  readonly kind: "string";
  readonly value: string;
}

/** `"${aws_s3_bucket.velero.arn}/*"`: literal parts (escaped when printed) and interpolations. */
export interface TemplateExpr {
  readonly kind: "template";
  readonly parts: readonly TemplatePart[];
}

export type TemplatePart = string | RawExpr;

export interface NumberExpr {
  readonly kind: "number";
  readonly value: number | bigint;
}

export interface BoolExpr {
  readonly kind: "bool";
  readonly value: boolean;
}

export interface NullExpr {
  readonly kind: "null";
}

/** A reference, call or for-expression printed verbatim, e.g. `aws_vpc.this.id`. */
export interface RawExpr {
  readonly kind: "raw";
  readonly text: string;
}

export interface ListExpr {
  readonly kind: "list";
  readonly items: readonly Expr[];
}

export interface ObjectEntry {
  readonly key: string;
  readonly value: Expr;
}

/** Entries print in the order given; callers sort. */
export interface ObjectExpr {
  readonly kind: "object";
  readonly entries: readonly ObjectEntry[];
}

export type Expr = StringExpr | TemplateExpr | NumberExpr | BoolExpr | NullExpr | RawExpr | ListExpr | ObjectExpr;

export interface Attribute {
  readonly kind: "attribute";
  readonly name: string;
  readonly value: Expr;
}

export interface Block {
  readonly kind: "block";
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly BodyItem[];
}

export interface BlankLine {
  readonly kind: "blank";
}

/** One or more `# …` lines; the text may contain newlines. */
export interface Comment {
  readonly kind: "comment";
  readonly text: string;
}

export type BodyItem = Attribute | Block | BlankLine | Comment;

export interface HclFile {
  readonly body: readonly BodyItem[];
}

export function str(value: string): StringExpr {
  return { kind: "string", value };
}

/** `tmpl(raw("aws_s3_bucket.velero.arn"), "/*")` prints `"${aws_s3_bucket.velero.arn}/*"`. */
export function tmpl(...parts: TemplatePart[]): TemplateExpr {
  return { kind: "template", parts };
}

export function num(value: number | bigint): NumberExpr {
  return { kind: "number", value };
}

export function bool(value: boolean): BoolExpr {
  return { kind: "bool", value };
}

/** The `null` literal (named so because `null` is reserved in TypeScript). */
export function nil(): NullExpr {
  return { kind: "null" };
}

/** Checked at once (one line, balanced brackets, no comments), so the stack points at the caller. */
export function raw(text: string): RawExpr {
  checkRawExpression(text);
  return { kind: "raw", text };
}

export function list(items: readonly Expr[]): ListExpr {
  return { kind: "list", items };
}

/**
 * An object constructor. Pass entries (an array of pairs or a Map) to control the order; a plain
 * record is accepted too, but JavaScript lists its integer-like keys ("0", "10") first.
 */
export function obj(entries: Iterable<readonly [string, Expr]> | Readonly<Record<string, Expr>>): ObjectExpr {
  const pairs = Symbol.iterator in entries ? Array.from(entries as Iterable<readonly [string, Expr]>) : Object.entries(entries);
  return { kind: "object", entries: pairs.map(([key, value]) => ({ key, value })) };
}

export function attr(name: string, value: Expr): Attribute {
  return { kind: "attribute", name, value };
}

export function block(type: string, labels: readonly string[], body: readonly BodyItem[]): Block {
  return { kind: "block", type, labels, body };
}

export function blank(): BlankLine {
  return { kind: "blank" };
}

export function comment(text: string): Comment {
  return { kind: "comment", text };
}

export function file(body: readonly BodyItem[]): HclFile {
  return { body };
}
