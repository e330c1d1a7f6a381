// The canonical HCL printer: build a document with the helpers, print it with printHcl().
export type {
  Attribute,
  BlankLine,
  Block,
  BodyItem,
  BoolExpr,
  Comment,
  Expr,
  HclFile,
  ListExpr,
  NullExpr,
  NumberExpr,
  ObjectEntry,
  ObjectExpr,
  RawExpr,
  StringExpr,
  TemplateExpr,
  TemplatePart,
} from "./ast.js";
export { attr, blank, block, bool, comment, file, list, nil, num, obj, raw, str, tmpl } from "./ast.js";
export { HclError } from "./error.js";
export { escapeQuoted, isIdentifier, objectKey, quote, quoteLabel } from "./escape.js";
export { LIST_INLINE_MAX_COLUMNS, printHcl } from "./print.js";
export { checkRawExpression } from "./raw.js";
export { graphemeColumns } from "./width.js";
